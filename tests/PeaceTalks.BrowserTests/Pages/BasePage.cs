using Microsoft.Playwright;

namespace PeaceTalks.BrowserTests.Pages;

/// <summary>What every page object can do: open a path and wait until Blazor has made the page interactive.</summary>
public abstract class BasePage(IPage page)
{
    public IPage Page { get; } = page;

    protected async Task GoToAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForInteractiveAsync();
    }

    /// <summary>Blazor Server prerenders; clicks only work once the circuit is up.</summary>
    public async Task WaitForInteractiveAsync()
    {
        await Page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    public ILocator Heading => Page.Locator("h1");

    public ILocator FilterToggle => Page.GetByTestId("filter-toggle");

    /// <summary>The filter controls are drawn only once the panel is open (a reader opens it with the Filters button).</summary>
    public async Task OpenFiltersAsync()
    {
        if (await FilterToggle.GetAttributeAsync("aria-expanded") != "true")
        {
            await FilterToggle.ClickAsync();
        }
        await Assertions.Expect(FilterToggle).ToHaveAttributeAsync("aria-expanded", "true");
    }

    /// <summary>The app bar's search is a button until a reader opens it; then the box is drawn and has the focus.</summary>
    public async Task<ILocator> OpenSearchAsync()
    {
        await Page.GetByTestId("search-opener").ClickAsync();
        var box = Page.Locator("#global-search");
        await Assertions.Expect(box).ToBeFocusedAsync();
        return box;
    }
}
