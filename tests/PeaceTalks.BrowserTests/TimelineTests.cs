using Microsoft.Playwright;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class TimelineTests(BrowserFixture fixture)
{
    [Fact]
    [Trait("Category", "Postgres")]
    public async Task PickingAnActorWithTheKeyboardFiltersTheUrlSurvivesReloadAndBackUndoesIt()
    {
        var page = await fixture.NewPageAsync();
        var timeline = new TimelinePage(page);
        await timeline.OpenAsync();
        await Expect(timeline.Count).ToHaveTextAsync("Showing 12 of 12 statements and 2 of 2 meetings");

        await timeline.PickActorWithKeyboardAsync("Zel", "Volodymyr Zelensky");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/timeline\\?actor=volodymyr-zelensky$"));
        await Expect(timeline.Count).ToHaveTextAsync("Showing 2 of 2 statements and 0 of 0 meetings (filtered from 12 and 2)");
        await Expect(timeline.ActorNamesOnCards).ToHaveCountAsync(2);
        foreach (var name in await timeline.ActorNamesOnCards.AllTextContentsAsync())
        {
            Assert.Equal("Volodymyr Zelensky", name);
        }
        await Expect(timeline.ExportButton).ToHaveAttributeAsync("href", "/export/statements.csv?actor=volodymyr-zelensky");
        await BrowserFixture.ScreenshotAsync(page, "timeline-filtered-desktop");

        await page.ReloadAsync();
        await timeline.WaitForInteractiveAsync();
        await Expect(timeline.Count).ToHaveTextAsync("Showing 2 of 2 statements and 0 of 0 meetings (filtered from 12 and 2)");

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/timeline$"));
        await Expect(timeline.Count).ToHaveTextAsync("Showing 12 of 12 statements and 2 of 2 meetings");
    }

    [Fact]
    public async Task ABadUrlShowsWhatWasIgnoredAndAppliesTheRest()
    {
        var page = await fixture.NewPageAsync();
        var timeline = new TimelinePage(page);

        await timeline.OpenAsync("?actor=foo&actor=yuri-ushakov&from=2025-13-45&q=" + new string('x', 300));

        await Expect(timeline.Problems).ToContainTextAsync("No actor 'foo' — filter ignored.");
        await Expect(timeline.Problems).ToContainTextAsync("'2025-13-45' is not a date");
        await Expect(timeline.Problems).ToContainTextAsync("the limit is 200 — search ignored");
        await Expect(timeline.Count).ToHaveTextAsync("Showing 3 of 3 statements and 0 of 0 meetings (filtered from 12 and 2)");
        await BrowserFixture.ScreenshotAsync(page, "timeline-bad-url");
    }

    [Fact]
    public async Task SearchTextThatLooksLikeMarkupIsShownAsTyped()
    {
        var page = await fixture.NewPageAsync();
        var dialogs = 0;
        page.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };
        var timeline = new TimelinePage(page);

        await timeline.OpenAsync("?q=" + Uri.EscapeDataString("<script>alert(1)</script>"));

        await Expect(page.GetByTestId("filter-summary")).ToHaveTextAsync("“<script>alert(1)</script>”");
        await timeline.OpenFiltersAsync();
        await Expect(page.Locator("#filter-text")).ToHaveValueAsync("<script>alert(1)</script>");
        await Expect(page.GetByTestId("timeline-empty")).ToBeVisibleAsync();
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task OnAPhoneTheFiltersFoldAwayBehindAButtonThatSaysHowManyAreActive()
    {
        var page = await fixture.NewPageAsync(390, 844);
        var timeline = new TimelinePage(page);
        await timeline.OpenAsync("?actor=yuri-ushakov&kind=statements");
        var toggle = page.GetByTestId("filter-toggle");

        await Expect(toggle).ToHaveTextAsync("Filters (2 active)");
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(timeline.ActorBox).ToBeHiddenAsync();
        await Expect(timeline.StatementCards.First).ToBeInViewportAsync();

        await toggle.ClickAsync();

        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(timeline.ActorBox).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "timeline-phone-filters-open");
    }

    [Theory]
    [InlineData(1366, 768, "desktop")]
    [InlineData(390, 844, "phone")]
    public async Task TheTimelineReadsWellOnDesktopAndPhone(int width, int height, string name)
    {
        var page = await fixture.NewPageAsync(width, height);
        var timeline = new TimelinePage(page);

        await timeline.OpenAsync();

        await Expect(timeline.StatementCards.First).ToBeVisibleAsync();
        // Nothing is wider than the screen.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than a {width}px screen");
        await BrowserFixture.ScreenshotAsync(page, $"timeline-{name}");
    }
}
