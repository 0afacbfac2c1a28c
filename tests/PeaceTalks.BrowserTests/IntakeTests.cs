using System.Text;
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

    /// <summary>The seed report as a news site would serve it (its text verbatim from the seed article), with the usual metadata.</summary>
    private const string SavedReportPage = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>Pompeo Warns Against Russian Victory In Peace Talks | Test Wire</title>
        <meta property="og:title" content="Pompeo Warns Against Russian Victory In Peace Talks">
        <meta property="og:site_name" content="Test Wire">
        <meta property="article:published_time" content="2025-12-03T09:30:00Z">
        </head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/markets">Markets</a></nav>
        <article>
        <h1>Pompeo Warns Against Russian Victory In Peace Talks</h1>
        <p>Former Secretary of State Mike Pompeo warned on Tuesday that the way Washington handles peace talks between Russia and Ukraine could shape U.S. power and alliances for decades, cautioning that a deal seen as a win for Moscow would badly damage American interests.</p>
        <p>On X, Pompeo wrote, "The role that America plays in negotiations between Russia and Ukraine will impact our standing on the world stage for decades to come. If Russia emerges victorious, America's interests – and those of our partners in Europe and around the world – will be severely damaged."</p>
        <h2>Kushner, Witkoff Talks In Moscow Yield No Compromise</h2>
        <p>His latest warning came hours after Trump envoys Jared Kushner and Steve Witkoff wrapped up a five-hour meeting in Moscow with Putin that failed to produce a territorial compromise. As per a CNN report, Kremlin aide Yuri Ushakov described the talks as "constructive" but said "a compromise option was not found," noting that sharp disagreements remain over control of occupied regions and future security guarantees for Ukraine.</p>
        </article>
        <footer><p>Subscribe to our newsletter. All rights reserved.</p></footer>
        </body></html>
        """;

    [Fact]
    public async Task AnEditorFetchesAReportByItsAddressAndFindsItsStatementsWithChannelMeetingAndIssuesOnTheTimeline()
    {
        // The shipped actors, issues and meetings, but none of the seed's statements: what the report yields is new.
        var seed = Directory.CreateTempSubdirectory("peacetalks-fetch-seed-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data"), "*.csv"))
        {
            var lines = File.ReadAllLines(file);
            var keep = Path.GetFileName(file) is "statements.csv" or "positions.csv" ? lines.Take(1) : lines;
            File.WriteAllLines(Path.Combine(seed, Path.GetFileName(file)), keep, new UTF8Encoding(false));
        }
        await using var site = await ReportServer.StartAsync(new Dictionary<string, Microsoft.AspNetCore.Http.RequestDelegate>
        {
            ["/world/pompeo-warns"] = ReportServer.Html(SavedReportPage),
        });
        using var app = new AppServer
        {
            SeedDirectory = seed,
            Settings = new Dictionary<string, string> { ["Intake:Fetch:AllowPrivateAddresses"] = "true" },
        };
        app.Start();
        var page = await fixture.NewSignedInPageAsync(app, AppRoles.Editor);
        var intake = new IntakePage(page);
        await intake.OpenAsync();

        await intake.FetchAsync(site.BaseUrl + "/world/pompeo-warns");

        await Expect(page.GetByTestId("fetch-progress")).ToHaveTextAsync("Fetched 1 of 1.");
        await Expect(page.GetByLabel("Headline")).ToHaveValueAsync("Pompeo Warns Against Russian Victory In Peace Talks");
        await Expect(page.GetByLabel("Outlet")).ToHaveValueAsync("Test Wire");
        await Expect(page.GetByLabel("Published on (YYYY-MM-DD)")).ToHaveValueAsync("2025-12-03");
        await Expect(page.GetByLabel("Report text (plain text, or HTML pasted from a page)")).Not.ToContainTextAsync("Subscribe to our newsletter");
        await Expect(page.GetByTestId("candidate-count")).ToHaveTextAsync("7 candidates");
        await BrowserFixture.ScreenshotAsync(page, "intake-fetched");

        await intake.SaveAsync();

        await Expect(intake.Saved).ToContainTextAsync("statements");
        var timeline = new TimelinePage(page);
        await timeline.OpenAsync("?actor=mike-pompeo");
        var card = page.Locator(".statement-card").Filter(new() { HasText = "impact our standing on the world stage" });
        await Expect(card).ToContainTextAsync("Post on X");
        await Expect(card).Not.ToContainTextAsync("Kushner and Witkoff meet Putin in Moscow");
        await Expect(card).ToContainTextAsync("Pompeo Warns Against Russian Victory In Peace Talks");
        await timeline.OpenAsync("?actor=yuri-ushakov");
        card = page.Locator(".statement-card").Filter(new() { HasText = "a compromise option was not found" });
        await Expect(card).ToContainTextAsync("Kushner and Witkoff meet Putin in Moscow");
        await Expect(card).ToContainTextAsync("Security guarantees for Ukraine");
        await BrowserFixture.ScreenshotAsync(page, "intake-fetched-timeline");
    }

    [Fact]
    public async Task AFetchOfAPrivateAddressIsRefusedInPlainWords()
    {
        // The setting is off, as on a real server: the loopback site is private and refused before any connection.
        await using var site = await ReportServer.StartAsync(new Dictionary<string, Microsoft.AspNetCore.Http.RequestDelegate>
        {
            ["/world/pompeo-warns"] = ReportServer.Html(SavedReportPage),
        });
        using var app = new AppServer();
        app.Start();
        var page = await fixture.NewSignedInPageAsync(app, AppRoles.Editor);
        var intake = new IntakePage(page);
        await intake.OpenAsync();

        await intake.FetchAsync(site.BaseUrl + "/world/pompeo-warns");

        // Nothing fetched: only the reason, beside the Fetch button, and no queue.
        await Expect(page.GetByTestId("fetch-problems")).ToContainTextAsync("is a private, loopback or link-local address: PeaceTalks fetches only from the public internet.");
        await Expect(page.GetByTestId("fetch-progress")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("queue")).ToHaveCountAsync(0);
        await Expect(intake.Candidates).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SeveralPastedReportsAreReviewedOneAfterTheOther()
    {
        using var app = new AppServer();
        app.Start();
        var page = await fixture.NewSignedInPageAsync(app, AppRoles.Editor);
        var intake = new IntakePage(page);
        await intake.OpenAsync();

        await page.GetByLabel("Report text (plain text, or HTML pasted from a page)").FillAsync(
            "Ushakov on the Moscow talks\n“Talks about talks are over,” Ushakov told reporters on Tuesday.\n---\n"
            + "Pompeo on X\nOn X, Pompeo wrote, \"If Russia emerges victorious, America's interests will be severely damaged.\"");
        await page.GetByTestId("find-statements").ClickAsync();

        await Expect(page.GetByTestId("queue")).ToContainTextAsync("Report 1 of 2: Ushakov on the Moscow talks");
        await Expect(page.GetByLabel("Headline")).ToHaveValueAsync("Ushakov on the Moscow talks");
        await Expect(intake.Candidates.Filter(new() { HasText = "Talks about talks are over" })).ToHaveCountAsync(1);
        // A pasted report states no date of its own: the editor gives it and looks again, so "on Tuesday" can be resolved.
        await page.GetByLabel("Published on (YYYY-MM-DD)").FillAsync("2025-12-03");
        await page.GetByTestId("find-statements").ClickAsync();
        await Expect(page.GetByTestId("queue")).ToContainTextAsync("Report 1 of 2");
        await intake.SaveAsync();
        await Expect(intake.Saved).ToContainTextAsync("Saved 1 statement");

        await intake.Saved.GetByTestId("next-report").ClickAsync();

        await Expect(page.GetByTestId("queue")).ToContainTextAsync("Report 2 of 2: Pompeo on X");
        await Expect(page.GetByTestId("queue")).ToContainTextAsync("1 saved or skipped so far");
        await Expect(intake.Candidates.Filter(new() { HasText = "severely damaged" })).ToHaveCountAsync(1);
        await Expect(intake.Candidates.Filter(new() { HasText = "Talks about talks" })).ToHaveCountAsync(0);
    }
}
