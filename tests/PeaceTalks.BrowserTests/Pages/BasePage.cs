using Microsoft.Playwright;

namespace PeaceTalks.BrowserTests.Pages;

/// <summary>What every page object can do: open a path and wait until Blazor has made the page interactive.</summary>
public abstract class BasePage(IPage page)
{
    public IPage Page { get; } = page;

    protected async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForInteractiveAsync();
    }

    /// <summary>Blazor Server prerenders; clicks only work once the circuit is up.</summary>
    public async Task WaitForInteractiveAsync()
    {
        await Page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('.mud-layout') !== null");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public ILocator Heading => Page.Locator("h1");
}
