using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ActorJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task FromTheTimelineToUshakovsProfileToTheMoscowMeeting()
    {
        var page = await fixture.NewPageAsync();
        var timeline = new TimelinePage(page);
        await timeline.OpenAsync();

        await timeline.ClickActorAsync("Yuri Ushakov");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/actors/yuri-ushakov$"));
        var actor = new ActorPage(page);
        await Expect(actor.Heading).ToHaveTextAsync("Yuri Ushakov");
        await Expect(page).ToHaveTitleAsync("Yuri Ushakov · PeaceTalks");
        await Expect(actor.Statements.Filter(new() { HasText = "“a compromise option was not found”" })).ToHaveCountAsync(1);
        await Expect(actor.MeetingLinks).ToHaveTextAsync(["Kushner and Witkoff meet Putin in Moscow"]);
        await BrowserFixture.ScreenshotAsync(page, "actor-ushakov");

        await actor.MeetingLinks.First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/meetings/moscow-talks-2025-12-02$"));
        var meeting = new MeetingPage(page);
        await Expect(meeting.Participants).ToHaveTextAsync(["Vladimir Putin", "Jared Kushner", "Steve Witkoff"]);
        await Expect(meeting.Accounts.Nth(1)).ToContainTextAsync("No readout recorded");
        await BrowserFixture.ScreenshotAsync(page, "meeting-moscow");
    }

    [Fact]
    public async Task AnUnknownActorIsAFriendlyNotFoundPageWithStatus404()
    {
        var page = await fixture.NewPageAsync();

        var response = await page.GotoAsync("/actors/nobody-at-all");

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Back to the dashboard" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheGlobalSearchJumpsToAnActor()
    {
        var page = await fixture.NewPageAsync();
        var home = new HomePage(page);
        await home.OpenAsync();
        var search = await home.OpenSearchAsync();

        await search.PressSequentiallyAsync("Ushak", new() { Delay = 40 });
        // The actor comes first, before the statements that name them (their speaker's name matches too).
        // The top hit is highlighted as the list opens: Enter goes to it.
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Option).First).ToContainTextAsync("Yuri Ushakov");
        await search.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/actors/yuri-ushakov$"));
    }
}
