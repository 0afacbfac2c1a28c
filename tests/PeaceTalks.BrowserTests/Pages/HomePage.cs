using Microsoft.Playwright;

namespace PeaceTalks.BrowserTests.Pages;

public sealed class HomePage(IPage page) : BasePage(page)
{
    public Task OpenAsync() => GoToAsync("/");

    public ILocator Latest => Page.Locator("section[aria-labelledby='latest-heading']");

    public ILocator Count(string label) => Page.Locator($".count-card[aria-label$='{label}']");
}
