using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using PeaceTalks.Web.Models;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests;

/// <summary>An editor pastes a report, reviews the proposed quotes and saves them; they appear on the timeline with the report as source.</summary>
[Collection(BrowserCollection.Name)]
public sealed class IntakeTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AnEditorTurnsAPastedReportIntoStatementsOnTheTimeline()
    {
        // A server of its own: the statements saved here must not change what the other tests count.
        using var app = new AppServer();
        app.Start();
        var page = await fixture.NewSignedInPageAsync(app, AppRoles.Editor);
        var intake = new IntakePage(page);
        await intake.OpenAsync();

        await intake.FindAsync(
            "Kremlin aide Yuri Ushakov spoke on Tuesday.\n\n“Talks about talks are over,” Ushakov told reporters on Tuesday. “Now the drafting starts.”",
            "Ushakov after the drafting round", "2025-12-05");

        await Expect(intake.Candidates).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("candidate-count")).ToHaveTextAsync("2 candidates");
        await Expect(intake.Candidates.First.Locator("textarea").First).ToHaveValueAsync("Talks about talks are over,");
        await BrowserFixture.ScreenshotAsync(page, "intake-review");

        await intake.SaveAsync();

        await Expect(intake.Saved).ToContainTextAsync("Saved 2 statements");
        var timeline = new TimelinePage(page);
        await timeline.OpenAsync("?actor=yuri-ushakov&q=drafting");
        await Expect(page.Locator(".statement-card").Filter(new() { HasText = "Now the drafting starts." })).ToContainTextAsync("Ushakov after the drafting round");
        await Expect(page.Locator(".statement-card").Filter(new() { HasText = "Now the drafting starts." })).ToContainTextAsync("2 Dec 2025");
    }

    [Fact]
    public async Task TheSameRemarkInASecondReportBecomesAnotherSourceForTheStoredStatement()
    {
        using var app = new AppServer();
        app.Start();
        var page = await fixture.NewSignedInPageAsync(app, AppRoles.Editor);
        var intake = new IntakePage(page);
        await intake.OpenAsync();

        await intake.FindAsync("“constructive,” Kremlin aide Yuri Ushakov said of the Moscow talks.", "Ushakov in a second report", "2025-12-03");

        var candidate = intake.Candidates.First;
        await Expect(candidate.GetByTestId("duplicate")).ToContainTextAsync("ushakov-constructive");
        await Expect(candidate.GetByRole(Microsoft.Playwright.AriaRole.Checkbox, new() { Name = "Save this report as another source" })).ToBeCheckedAsync();
        await BrowserFixture.ScreenshotAsync(page, "intake-duplicate");
        await intake.SaveAsync();

        await Expect(page.GetByText("The report was added as another source for statement “ushakov-constructive”.")).ToBeVisibleAsync();
        await Expect(intake.Saved).ToContainTextAsync("Saved the report as source");
        var statement = new StatementPage(page);
        await statement.OpenAsync("ushakov-constructive");
        await Expect(page.GetByTestId("other-sources")).ToContainTextAsync("Ushakov in a second report");
        await Expect(page.Locator("section[aria-labelledby=history-heading]")).ToContainTextAsync("other_sources");
    }
}
