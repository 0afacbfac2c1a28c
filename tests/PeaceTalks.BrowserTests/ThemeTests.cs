using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests;

/// <summary>The colours come from one cached stylesheet: the system's scheme first, then the reader's choice.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ThemeTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheColourSchemeFollowsTheSystemUntilTheReaderSwitchesItAndTheChoiceStaysAcrossPages()
    {
        var page = await fixture.NewPageAsync(darkMode: true);
        var css = await (await page.APIRequest.GetAsync("/theme.css")).TextAsync();
        var dark = Background().Match(css[css.IndexOf(":root.pt-dark", StringComparison.Ordinal)..]).Groups[1].Value;
        var light = Background().Match(css).Groups[1].Value;
        Assert.NotEqual(light, dark);

        var home = new HomePage(page);
        await home.OpenAsync();
        Assert.Equal(dark, await ShownBackgroundAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveClassAsync(new Regex("pt-light"));
        Assert.Equal(light, await ShownBackgroundAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "Timeline", Exact = true }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/timeline$"));
        Assert.Equal(light, await ShownBackgroundAsync(page));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" })).ToBeVisibleAsync();
    }

    private static async Task<string> ShownBackgroundAsync(IPage page) =>
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background')")).Trim();

    [GeneratedRegex(@"--mud-palette-background:\s*([^;]+);")]
    private static partial Regex Background();
}
