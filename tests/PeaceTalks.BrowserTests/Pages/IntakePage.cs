using Microsoft.Playwright;

namespace PeaceTalks.BrowserTests.Pages;

/// <summary>/intake: paste a report, find statements, review, save.</summary>
public sealed class IntakePage(IPage page) : BasePage(page)
{
    public Task OpenAsync() => GoToAsync("/intake");

    public async Task FindAsync(string text, string title, string published)
    {
        await Page.GetByLabel("Report text (plain text, or HTML pasted from a page)").FillAsync(text);
        await Page.GetByLabel("Headline").FillAsync(title);
        await Page.GetByLabel("Published on (YYYY-MM-DD)").FillAsync(published);
        await Page.GetByTestId("find-statements").ClickAsync();
    }

    public async Task FetchAsync(params string[] addresses)
    {
        await Page.GetByLabel("Report addresses (one per line)").FillAsync(string.Join("\n", addresses));
        await Page.GetByTestId("fetch").ClickAsync();
    }

    public ILocator Candidates => Page.GetByTestId("candidate");

    public Task SaveAsync() => Page.GetByTestId("save-accepted").ClickAsync();

    public ILocator Saved => Page.GetByTestId("intake-saved");
}
