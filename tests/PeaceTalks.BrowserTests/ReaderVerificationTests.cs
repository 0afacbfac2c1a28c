using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;
using static Microsoft.Playwright.Assertions;
using static PeaceTalks.BrowserTests.Journeys.Person;

namespace PeaceTalks.BrowserTests;

/// <summary>
/// What a reader is told of the check against the source: a new statement says "Unverified" on its card and its page,
/// the timeline's "verified only" leaves it out, and once an editor has verified it on /review the reader sees who did.
/// And an installation that does not publish unverified items: the API, exports and feeds give anonymous readers
/// verified statements only.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReaderVerificationTests(BrowserFixture fixture)
{
    private const string Key = "pompeo-never-reward-the-aggressor";
    private const string Words = "We must never reward the aggressor";

    /// <summary>A statement just recorded (as an import or another editor's form would), not yet checked by anyone.</summary>
    private static async Task AddStatementAsync(AppServer app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PeaceTalksDbContext>>().CreateDbContextAsync();
        db.Statements.Add(new Statement
        {
            Key = Key, ActorId = (await db.Actors.SingleAsync(a => a.Slug == "mike-pompeo")).Id, Date = new DateOnly(2025, 12, 4),
            DatePrecision = DatePrecision.Day, DateBasis = DateBasis.On, Kind = TextKind.Quote, Text = Words, Channel = Channel.NotStated,
            Attribution = Attribution.FirstHand, SourceId = (await db.Sources.SingleAsync(s => s.Key == "pompeo-warns-2025-12-03")).Id,
        });
        await db.SaveChangesAsync();
    }

    private static ILocator Card(IPage page) => page.Locator(".statement-card").Filter(new() { HasText = Words });

    [Fact]
    [Trait("Category", "Postgres")]
    public async Task AReaderSeesANewStatementUnverifiedUntilAnEditorVerifiesItThenWhoDid()
    {
        await using var app = new AppServer();
        app.Start();
        await AddStatementAsync(app);
        await app.CreateUserAsync("bea.checker@peacetalks.test", "Bea Checker", AppRoles.Editor);
        var reader = await fixture.NewPageAsync(app.BaseUrl);
        var timeline = new TimelinePage(reader);

        // The card and the statement's page say it is unverified, in words; so does the citation.
        await timeline.OpenAsync("?actor=mike-pompeo");
        await timeline.WaitForInteractiveAsync();
        await Expect(Card(reader).GetByTestId("verification-badge")).ToHaveTextAsync("Unverified");
        await Card(reader).ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(reader, "reader-unverified-desktop");
        await AssertAccessibleAsync(reader, "the timeline with unverified badges");
        var statement = new StatementPage(reader);
        await statement.OpenAsync(Key);
        await Expect(reader.Locator(".statement-card").GetByTestId("verification-badge")).ToHaveTextAsync("Unverified");
        await Expect(statement.Citation).ToContainTextAsync("Unverified: not yet checked against its source by a second editor.");

        // "Verified only" in the filter panel leaves it out (nothing of Pompeo's is verified yet).
        await timeline.OpenAsync("?actor=mike-pompeo");
        await timeline.WaitForInteractiveAsync();
        await timeline.OnlyVerifiedAsync();
        await Expect(reader).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"[?&]verified=only"));
        await Expect(reader.GetByTestId("timeline-empty")).ToBeVisibleAsync();
        await Expect(Card(reader)).ToHaveCountAsync(0);

        // An editor verifies it on /review.
        var editor = await fixture.AnotherPageAsync(app.BaseUrl);
        await new SignInPage(editor).SignInAsync("bea.checker@peacetalks.test", AppServer.Password);
        var review = new ReviewPage(editor);
        await review.OpenAsync("?actor=mike-pompeo");
        await review.VerifyAsync(Key);
        await Expect(review.Status).ToHaveTextAsync("Verified 1 statement.");

        // The reader now finds it under "verified only", saying who checked it, on the card and on its page.
        var day = DateTime.UtcNow.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        await timeline.OpenAsync("?actor=mike-pompeo&verified=only");
        await Expect(Card(reader).GetByTestId("verification-badge")).ToHaveTextAsync($"Verified by Bea Checker on {day}");
        await Expect(timeline.StatementCards).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(reader, "reader-verified-desktop");
        await AssertAccessibleAsync(reader, "the timeline of verified statements");
        await statement.OpenAsync(Key);
        await Expect(reader.Locator(".statement-card").GetByTestId("verification-badge")).ToHaveTextAsync($"Verified by Bea Checker on {day}");
        await Expect(statement.Citation).Not.ToContainTextAsync("nverified");

        // On a phone the badge wraps with the card.
        await reader.SetViewportSizeAsync(390, 844);
        await timeline.OpenAsync("?actor=mike-pompeo");
        await Expect(Card(reader).GetByTestId("verification-badge")).ToBeVisibleAsync();
        await Card(reader).ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(reader, "reader-verified-phone");
        await statement.OpenAsync(Key);
        await Expect(reader.Locator(".statement-card").GetByTestId("verification-badge")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(reader, "reader-statement-phone");
        await AssertAccessibleAsync(reader, "the statement page on a phone");
    }

    [Fact]
    [Trait("Category", "Postgres")]
    public async Task WhereUnverifiedItemsAreNotPublishedTheApiExportsAndFeedsGiveAnonymousReadersVerifiedOnes()
    {
        await using var app = new AppServer { Settings = new Dictionary<string, string> { ["Access:PublishUnverified"] = "false" } };
        app.Start();
        await AddStatementAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PeaceTalksDbContext>>().CreateDbContextAsync();
            var checkedOne = await db.Statements.SingleAsync(s => s.Key == "ushakov-constructive");
            checkedOne.Verification = VerificationState.Verified;
            checkedOne.CheckedBy = "Bea Checker";
            checkedOne.CheckedAt = new DateTime(2025, 12, 4, 9, 0, 0, DateTimeKind.Utc);
            await db.SaveChangesAsync();
        }
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/v1/statements?limit=100"));
        var item = Assert.Single(list.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("ushakov-constructive", item.GetProperty("key").GetString());
        var check = item.GetProperty("verification");
        Assert.Equal(("verified", "Bea Checker", "2025-12-04T09:00:00Z"),
            (check.GetProperty("state").GetString(), check.GetProperty("checkedBy").GetString(), check.GetProperty("checkedAt").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/statements/{Key}")).StatusCode);
        var csv = await client.GetStringAsync("/export/statements.csv?bom=false");
        Assert.Equal(2, csv.Trim().Split('\n').Length);
        Assert.Contains("ushakov-constructive", csv);
        var feed = await client.GetStringAsync("/feeds/statements.atom");
        Assert.DoesNotContain(Words, feed);
        Assert.DoesNotContain("(unverified)", feed);
        var answer = await client.GetAsync("/api/v1/statements");
        Assert.True(answer.Headers.CacheControl!.Private);
    }

    [Fact]
    public async Task WherePublishedTheFeedSaysWhichEntriesAreUnverifiedAndTheApiCarriesTheCheck()
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };

        var feed = await client.GetStringAsync("/feeds/statements.atom?actor=yuri-ushakov");
        using var one = JsonDocument.Parse(await client.GetStringAsync("/api/v1/statements/ushakov-constructive"));
        var unknown = await client.GetAsync("/api/v1/statements?verified=maybe");

        Assert.Contains(">(unverified) Yuri Ushakov:", feed);
        Assert.Contains("Unverified: not yet checked against its source by a second editor.", feed);
        Assert.Equal("unverified", one.RootElement.GetProperty("verification").GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("is not a choice for verification (only or any)", await unknown.Content.ReadAsStringAsync());
    }
}
