using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeaceTalks.Web.Components.Shared;
using PeaceTalks.Web.Components.Timeline;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Tests.Infrastructure;
using PeaceTalks.Web.Verification;

namespace PeaceTalks.Web.Tests.Verification;

/// <summary>What readers are told of the check against the source: the badge, the card, the citation.</summary>
public sealed class VerificationBadgeTests : BunitContext
{
    private static readonly DateTime Checked = new(2025, 12, 3, 14, 5, 9, DateTimeKind.Utc);

    public VerificationBadgeTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServicesForTests();
    }

    private static StatementItem Statement(CheckInfo check) => new(
        1, "k", new ActorRef("yuri-ushakov", "Yuri Ushakov"), "Kremlin aide", "Russia", "a compromise option was not found", TextKind.Quote,
        new DateOnly(2025, 12, 3), DatePrecision.Day, DateBasis.On, Channel.NotStated, Attribution.Reported,
        new SourceRef("article", "Pompeo Warns", "Outlet", "https://example.org/a", new DateOnly(2025, 12, 3), DatePrecision.Day), null, null, null, null)
    {
        Check = check,
    };

    public static TheoryData<string, string, string> States => new()
    {
        { "unverified", "Unverified", "check-unverified" },
        { "verified", "Verified by Anna Keller on 3 Dec 2025", "check-verified" },
        { "disputed", "Disputed: Wrong words", "check-disputed" },
    };

    private static CheckInfo Check(string state) => state switch
    {
        "verified" => new(VerificationState.Verified, "Anna Keller", Checked, null, null),
        "disputed" => new(VerificationState.Disputed, "Anna Keller", Checked, DisputeReason.WrongWords, "The report says otherwise."),
        _ => new(VerificationState.Unverified, null, null, null, null),
    };

    [Theory]
    [MemberData(nameof(States))]
    public void TheBadgeSaysTheStateInWordsBesideItsIcon(string state, string words, string icon)
    {
        var badge = Render<VerificationBadge>(p => p.Add(b => b.Check, Check(state)));

        var span = badge.Find("[data-testid=verification-badge]");
        Assert.Equal(words, span.TextContent.Trim());
        Assert.Equal(state, span.GetAttribute("data-state"));
        Assert.EndsWith($"#{icon}", badge.Find("svg use").GetAttribute("href"));
        Assert.Equal("true", badge.Find("svg").GetAttribute("aria-hidden"));
    }

    [Fact]
    public void AnEmailIsNeverShownAsTheCheckersName()
    {
        var badge = Render<VerificationBadge>(p => p.Add(b => b.Check, new CheckInfo(VerificationState.Verified, "anna@example.org", Checked, null, null)));

        Assert.Equal("Verified by an editor on 3 Dec 2025", badge.Find("[data-testid=verification-badge]").TextContent.Trim());
    }

    [Theory]
    [MemberData(nameof(States))]
    public void EveryStatementCardCarriesTheBadge(string state, string words, string icon)
    {
        _ = icon;
        var card = Render<StatementCard>(p => p.Add(c => c.Statement, Statement(Check(state))));

        Assert.Equal(words, card.Find(".statement-card [data-testid=verification-badge]").TextContent.Trim());
    }

    [Fact]
    public void ACardIsDrawnAgainWhenItsCheckChanges()
    {
        var card = Render<StatementCard>(p => p.Add(c => c.Statement, Statement(Check("unverified"))));

        card.Render(p => p.Add(c => c.Statement, Statement(Check("verified"))));

        Assert.Equal("Verified by Anna Keller on 3 Dec 2025", card.Find("[data-testid=verification-badge]").TextContent.Trim());
    }

    [Fact]
    public void TheCitationSaysUnverifiedOrDisputedAndNothingOnceVerified()
    {
        var retrieved = new DateOnly(2025, 12, 5);

        var unverified = Citation.For(Statement(Check("unverified")), "https://peacetalks.example/statements/k", retrieved);
        var disputed = Citation.For(Statement(Check("disputed")), "https://peacetalks.example/statements/k", retrieved);
        var verified = Citation.For(Statement(Check("verified")), "https://peacetalks.example/statements/k", retrieved);

        Assert.Contains("https://example.org/a. Unverified: not yet checked against its source by a second editor. PeaceTalks,", unverified);
        Assert.Contains(". Disputed: wrong words. PeaceTalks,", disputed);
        Assert.DoesNotContain("erified", verified.Replace("PeaceTalks", ""));
    }
}

/// <summary>The matrix, who moved, and the exports computed from verified positions only when asked.</summary>
public sealed class VerifiedPositionsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(seed: false);
        await using var db = _database.CreateContext();
        var data = new TestData(db);
        var land = data.AddIssue("land");
        var putin = data.AddActor("putin", "Russia");
        var zelensky = data.AddActor("zelensky", "Ukraine");
        var said = data.AddStatement(putin, TestData.Day(11, 1), "No.", land);
        said.Verification = VerificationState.Verified;
        var unchecked_ = data.AddStatement(putin, TestData.Day(12, 2), "Perhaps.", land);
        // Putin: opposes (verified) on 1 November, then leans towards it (unverified) on 2 December.
        data.AddPosition(putin, land, TestData.Day(11, 1), Stance.Opposes, said).Verification = VerificationState.Verified;
        data.AddPosition(putin, land, TestData.Day(12, 2), Stance.LeansSupport, unchecked_, said);
        // Zelensky: only an unverified position.
        data.AddPosition(zelensky, land, TestData.Day(11, 20), Stance.Opposes);
        await data.SaveAsync();
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task<ResolvedFilter> FilterAsync(DashboardFilter filter) => await _database.Get<FilterResolver>().ResolveAsync(filter);

    [Fact]
    public async Task TheMatrixOfVerifiedPositionsHoldsTheLatestVerifiedStanceAndNoCellWithoutOne()
    {
        var stances = _database.Get<StanceQueries>();

        var all = await stances.GetRowsAsync(await FilterAsync(DashboardFilter.Empty), 0, 10);
        var verified = await stances.GetRowsAsync(await FilterAsync(DashboardFilter.Parse(verified: "only")), 0, 10);

        Assert.Equal([("putin", Stance.LeansSupport), ("zelensky", Stance.Opposes)], all.Select(r => (r.Actor.Slug, r.Cells.Values.Single().Stance)));
        Assert.Equal([("putin", Stance.Opposes)], verified.Where(r => r.Cells.Count > 0).Select(r => (r.Actor.Slug, r.Cells.Values.Single().Stance)));
    }

    [Fact]
    public async Task WhoMovedOfVerifiedPositionsLeavesOutAMoveNobodyChecked()
    {
        var stances = _database.Get<StanceQueries>();

        var all = await stances.GetMatrixAsync(await FilterAsync(DashboardFilter.Parse(asof: "2025-12-31", since: "2025-11-15")));
        var verified = await stances.GetMatrixAsync(await FilterAsync(DashboardFilter.Parse(asof: "2025-12-31", since: "2025-11-15", verified: "only")));

        Assert.Equal(["putin", "zelensky"], all.Changes!.Latest.Select(c => c.Actor.Slug).Order());
        Assert.Equal(0, verified.Changes!.Total);
    }

    [Fact]
    public async Task TheEvidenceOfAVerifiedCellListsVerifiedStatementsOnly()
    {
        var stances = _database.Get<StanceQueries>();

        var all = await stances.GetCellAsync("putin", "land", null);
        var verified = await stances.GetCellAsync("putin", "land", null, verifiedOnly: true);

        Assert.Equal((Stance.LeansSupport, VerificationState.Unverified), (all!.Current!.Stance, all.Current.Check.State));
        Assert.Equal(["No.", "Perhaps."], all.Evidence.Select(e => e.Text).Order());
        Assert.Equal((Stance.Opposes, VerificationState.Verified), (verified!.Current!.Stance, verified.Current.Check.State));
        Assert.Equal(["No."], verified.Evidence.Select(e => e.Text));
    }

    [Fact]
    public async Task TheExportsOfPositionsAndTheMatrixFollowVerifiedOnlyAndCarryTheCheck()
    {
        var exporter = _database.Get<CsvExporter>();
        var header = PeaceTalks.Web.Records.RecordTypes.Positions.Header.ToList();
        var state = header.IndexOf("verification");

        var history = await exporter.PositionsAsync(await FilterAsync(DashboardFilter.Parse(verified: "only")), latestOnly: false).ToListAsync();
        var matrix = await exporter.PositionsAsync(await FilterAsync(DashboardFilter.Parse(verified: "only")), latestOnly: true).ToListAsync();
        var everything = await exporter.PositionsAsync(await FilterAsync(DashboardFilter.Empty), latestOnly: false).ToListAsync();

        Assert.Equal(["verified"], history.Select(r => r[state]));
        Assert.Equal(["opposes"], matrix.Select(r => r[header.IndexOf("stance")]));
        Assert.Equal(["verified", "unverified", "unverified"], everything.Select(r => r[state]));
    }

    [Fact]
    public async Task TheIndexFollowsAVerificationMadeAfterItWasRead()
    {
        var stances = _database.Get<StanceQueries>();
        var filter = await FilterAsync(DashboardFilter.Parse(verified: "only"));
        Assert.DoesNotContain(await stances.GetRowsAsync(filter, 0, 10), r => r.Actor.Slug == "zelensky" && r.Cells.Count > 0);

        // A check is written with an entry in the history, as the verification service writes it.
        await using (var db = _database.CreateContext())
        {
            var position = await db.Positions.SingleAsync(p => p.Actor.Slug == "zelensky");
            position.Verification = VerificationState.Verified;
            db.AuditEntries.Add(new AuditEntry
            {
                At = DateTime.UtcNow, UserId = "test", UserName = "Test", EntityType = "position", EntityId = position.Id, EntityKey = "zelensky|land|2025-11-20",
                Action = AuditAction.Verify, Changes = "[]",
            });
            await db.SaveChangesAsync();
        }

        var rows = await stances.GetRowsAsync(filter, 0, 10);
        Assert.Equal(Stance.Opposes, rows.Single(r => r.Actor.Slug == "zelensky").Cells.Values.Single().Stance);
    }
}
