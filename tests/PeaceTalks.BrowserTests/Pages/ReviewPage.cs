using Microsoft.Playwright;

namespace PeaceTalks.BrowserTests.Pages;

/// <summary>/review: statements awaiting a check, each beside its stored report, with verify and dispute.</summary>
public sealed class ReviewPage(IPage page) : BasePage(page)
{
    public Task OpenAsync(string query = "") => GoToAsync("/review" + query);

    public ILocator Items => Page.GetByTestId("review-item");

    public ILocator Item(string key) => Page.Locator($"[data-testid=review-item][data-key='{key}']");

    /// <summary>The part of the stored report picked out as the quote.</summary>
    public ILocator Highlight(string key) => Item(key).Locator("mark");

    public ILocator FourEyes(string key) => Item(key).GetByTestId("four-eyes");

    public ILocator VerifyButton(string key) => Item(key).GetByTestId("verify");

    public ILocator Status => Page.GetByTestId("review-status");

    public Task VerifyAsync(string key) => VerifyButton(key).ClickAsync();

    /// <summary>Opens the item's dispute form, chooses the reason by its label, adds the note and confirms.</summary>
    public async Task DisputeAsync(string key, string reason, string note)
    {
        var item = Item(key);
        await item.GetByTestId("dispute").ClickAsync();
        await item.GetByLabel("Why").SelectOptionAsync(new SelectOptionValue { Label = reason });
        await item.GetByLabel("Note (optional)").FillAsync(note);
        await item.GetByTestId("dispute-confirm").ClickAsync();
    }
}
