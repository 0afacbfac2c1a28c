using Microsoft.Playwright;

namespace PeaceTalks.BrowserTests.Pages;

/// <summary>/statements/{key}: one statement, what it evidences, its history and a citation to copy.</summary>
public sealed class StatementPage(IPage page) : BasePage(page)
{
    public Task OpenAsync(string key) => GoToAsync($"/statements/{key}");

    public ILocator Citation => Page.GetByTestId("citation");

    public ILocator CopyStatus => Page.GetByTestId("copy-status");

    /// <summary>Whether someone other than its author compared it with its source, in words.</summary>
    public ILocator CheckLine => Page.GetByTestId("check-line");

    public ILocator History => Page.GetByTestId("history-list");

    public Task CopyCitationAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Copy citation" }).ClickAsync();

    public Task<string> MetaAsync(string property) =>
        Page.Locator($"meta[property='{property}'], meta[name='{property}']").First.GetAttributeAsync("content")!;
}
