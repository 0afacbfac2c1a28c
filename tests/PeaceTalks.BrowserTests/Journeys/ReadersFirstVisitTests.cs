using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;
using static PeaceTalks.BrowserTests.Journeys.Person;

namespace PeaceTalks.BrowserTests.Journeys;

/// <summary>
/// A reader's first visit on a 390 px phone, in the light and the dark: nothing touches the screen's edge or is cut,
/// the search finds a name from its first letters, the timeline says how many it shows of how many, an absurdly long
/// search leaves a working page, and a dropped connection says so.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReadersFirstVisitTests(BrowserFixture fixture)
{
    [Theory]
    [Trait("Category", "Journey")]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OnAPhoneEveryPageHasRoomToBreatheAndTheSearchFindsANameFromItsFirstLetters(bool dark)
    {
        var scheme = dark ? "dark" : "light";
        var page = await fixture.NewPageAsync(390, 844, darkMode: dark);
        var home = new HomePage(page);
        await page.GotoAsync("/");
        await home.WaitForInteractiveAsync();
        await AssertNothingCutAsync(page, "/");
        await BrowserFixture.ScreenshotAsync(page, $"journey-reader-phone-home-{scheme}");

        // The timeline through the menu.
        await page.GetByRole(AriaRole.Button, new() { Name = "Show or hide navigation" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Timeline", Exact = true }).ClickAsync();
        var timeline = new TimelinePage(page);
        await Expect(timeline.Count).ToHaveTextAsync("Showing 12 of 12 statements and 2 of 2 meetings");
        // The menu lay over the page; it closes once a page is chosen.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show or hide navigation" })).ToHaveAttributeAsync("aria-expanded", "false");
        await AssertNothingCutAsync(page, "/timeline");
        await BrowserFixture.ScreenshotAsync(page, $"journey-reader-phone-timeline-{scheme}");

        // The first letters of a name find its statements.
        await timeline.OpenFiltersAsync();
        await TypeAsync(page, "Search the text", "Ushak");
        await Field(page, "Search the text").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("[?&]q=Ushak"));
        await Expect(timeline.Count).ToHaveTextAsync(new Regex(@"^Showing 3 of 3 statements and 0 of 0 meetings"));
        await Expect(timeline.ActorNamesOnCards).ToHaveTextAsync(["Yuri Ushakov", "Yuri Ushakov", "Yuri Ushakov"]);

        // A statement's own page.
        await timeline.StatementCards.First.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Statement page") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/statements/[^/]+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cite" })).ToBeVisibleAsync();
        await AssertNothingCutAsync(page, "a statement");
        await BrowserFixture.ScreenshotAsync(page, $"journey-reader-phone-statement-{scheme}");
    }

    [Fact]
    [Trait("Category", "Journey")]
    public async Task AVeryLongSearchLeavesAWorkingTimelineAndADroppedConnectionSaysSo()
    {
        var page = await fixture.NewPageAsync(390, 844);
        // 5,500 Cyrillic characters in the address: far over the search's limit, and 33 KB as the address is sent.
        var q = LongText("переговоры", 5_500);
        await page.GotoAsync("/timeline?q=" + Uri.EscapeDataString(q));
        var timeline = new TimelinePage(page);
        await timeline.WaitForInteractiveAsync();
        await Expect(timeline.Problems).ToContainTextAsync("search ignored");
        await timeline.OpenFiltersAsync();
        await Expect(Field(page, "Search the text")).ToBeVisibleAsync();

        // The server drops the connection (a message far over its limit): the page says so instead of going quiet.
        await page.EvaluateAsync("""
            () => {
                const modal = document.getElementById("components-reconnect-modal");
                window.reconnectShown = modal.open;
                new MutationObserver(() => { if (modal.open) window.reconnectShown = true; }).observe(modal, { attributes: true });
                DotNet.invokeMethodAsync("PeaceTalks.Web", "NoSuchMethod", "я".repeat(1_500_000)).catch(() => {});
            }
            """);
        await page.WaitForFunctionAsync("() => window.reconnectShown === true", null, new() { Timeout = 20_000 });
        await BrowserFixture.ScreenshotAsync(page, "journey-reader-phone-connection-lost");
    }

    /// <summary>Side padding on both sides, no sideways scrolling, one-line "Sign in", an uncut search prompt.</summary>
    private static async Task AssertNothingCutAsync(IPage page, string where)
    {
        // Measured once the drawer and the theme have finished moving.
        await page.EvaluateAsync("() => Promise.allSettled(document.getAnimations().map(a => a.finished))");
        var layout = await page.EvaluateAsync<Layout>("""
            () => {
                const h1 = document.querySelector("main h1").getBoundingClientRect();
                const signIn = document.querySelector("[data-testid=sign-in]");
                const search = document.querySelector(".search-opener-text");
                return {
                    pageWidth: document.documentElement.scrollWidth,
                    screenWidth: window.innerWidth,
                    headingLeft: h1.left,
                    headingRight: h1.right,
                    signInHeight: signIn ? signIn.getBoundingClientRect().height : 0,
                    searchCut: search ? search.scrollWidth > search.clientWidth : false,
                };
            }
            """);
        Assert.True(layout.PageWidth <= layout.ScreenWidth, $"{where}: the page is {layout.PageWidth} px wide on a {layout.ScreenWidth} px screen");
        Assert.True(layout.HeadingLeft >= 12, $"{where}: the heading starts {layout.HeadingLeft} px from the screen's edge");
        Assert.True(layout.HeadingRight <= layout.ScreenWidth - 12, $"{where}: the heading ends {layout.ScreenWidth - layout.HeadingRight} px from the edge");
        Assert.True(layout.SignInHeight is 0 or <= 40, $"{where}: Sign in is {layout.SignInHeight} px tall (wrapped)");
        Assert.False(layout.SearchCut, $"{where}: the search prompt is cut");
    }

    private sealed class Layout
    {
        public double PageWidth { get; set; }
        public double ScreenWidth { get; set; }
        public double HeadingLeft { get; set; }
        public double HeadingRight { get; set; }
        public double SignInHeight { get; set; }
        public bool SearchCut { get; set; }
    }
}
