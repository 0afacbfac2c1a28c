using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Intake;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Tests.Infrastructure;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Tests.Intake;

/// <summary>Article intake against a real database: propose, review, save in one audited transaction with the report stored.</summary>
public sealed class IntakeServiceTests : IAsyncLifetime
{
    private const string Report = """
        Kremlin aide Yuri Ushakov said Wednesday the talks were hard.

        “A compromise has not been found yet,” Ushakov told reporters. “But some ideas are acceptable.”

        “We will keep talking,” said Kaja Kallas, the EU foreign policy chief.
        """;

    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task<IntakeService> ServiceAsync(string role) =>
        new(_database.Factory, new EditorAccess(new TestAuthenticationStateProvider(await _database.SignInAsAsync(role)), _database.Get<IServiceScopeFactory>()));

    private static IntakeArticle Article(string text = Report) =>
        new(text, "Ushakov on the Moscow talks", "Example Times", "https://example.org/ushakov", new DateOnly(2025, 12, 3));

    [Fact]
    public async Task AcceptedCandidatesAreSavedWithTheReportAsTheirSourceInOneAuditedTransaction()
    {
        var intake = await ServiceAsync(AppRoles.Editor);
        var proposal = await intake.ProposeAsync(Article());
        Assert.Equal(["A compromise has not been found yet,", "But some ideas are acceptable.", "We will keep talking,"],
            proposal.Drafts.Where(d => d.Kind == TextKind.Quote).Select(d => d.Text));
        var kallas = proposal.Drafts.Single(d => d.Text == "We will keep talking,");
        Assert.True(kallas.Candidate.Speaker.IsNew);
        kallas.Accept = true;
        kallas.NewActorSide = "European Union";

        var result = await intake.SaveAsync(Article(), proposal.Drafts);

        Assert.True(result.Saved, string.Join("\n", result.Problems));
        await using var db = _database.CreateContext();
        var saved = await db.Statements.AsNoTracking().Where(s => s.Source!.Key == result.SourceKey)
            .Select(s => new { s.Text, Actor = s.Actor!.Slug, s.Date, s.DateBasis, s.Kind }).OrderBy(s => s.Text).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(3, saved.Count);
        Assert.Equal(["yuri-ushakov", "yuri-ushakov"], saved.Where(s => s.Text != "We will keep talking,").Select(s => s.Actor));
        Assert.All(saved.Where(s => s.Actor == "yuri-ushakov"), s => Assert.Equal((new DateOnly(2025, 12, 3), DateBasis.On), (s.Date, s.DateBasis)));
        Assert.Equal("kaja-kallas", saved.Single(s => s.Text == "We will keep talking,").Actor);
        Assert.Equal(Report.ReplaceLineEndings("\n").Trim(), await intake.ArticleTextAsync(result.SourceKey!, TestContext.Current.CancellationToken));
        // One history entry per row written, each saying where it came from.
        var audited = await db.AuditEntries.AsNoTracking().Where(a => a.UserName == "Test Editor" && a.Action == AuditAction.Create)
            .Select(a => new { a.EntityType, a.Note }).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["actor", "source", "statement", "statement", "statement"], audited.Select(a => a.EntityType).Order());
        Assert.All(audited, a => Assert.Equal("Article intake: Ushakov on the Moscow talks", a.Note));
        // The saved words are searchable at once, and the rest of the index is intact.
        var search = _database.Get<PeaceTalks.Web.Services.SearchQueries>();
        Assert.Contains(await search.SearchAsync("compromise"), h => h.Kind == PeaceTalks.Web.Services.SearchHitKind.Statement);
        Assert.Contains(await search.SearchAsync("ush"), h => h.Href == "/actors/yuri-ushakov");
    }

    [Fact]
    public async Task AnEditedQuoteThatIsNotInTheReportIsSavedAsAParaphraseAndSaid()
    {
        var intake = await ServiceAsync(AppRoles.Editor);
        var proposal = await intake.ProposeAsync(Article());
        foreach (var draft in proposal.Drafts)
        {
            draft.Accept = draft.Text == "A compromise has not been found yet,";
        }
        proposal.Drafts.Single(d => d.Accept).Text = "No compromise yet.";

        var result = await intake.SaveAsync(Article(), proposal.Drafts);

        Assert.True(result.Saved, string.Join("\n", result.Problems));
        Assert.Contains("saved as a paraphrase", Assert.Single(result.Notes));
        await using var db = _database.CreateContext();
        Assert.Equal(TextKind.Paraphrase, await db.Statements.Where(s => s.Text == "No compromise yet.").Select(s => s.Kind).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ABadFieldIsRefusedWithTheImportersMessageAndNothingIsSaved()
    {
        var intake = await ServiceAsync(AppRoles.Editor);
        var proposal = await intake.ProposeAsync(Article());
        var kallas = proposal.Drafts.Single(d => d.Text == "We will keep talking,");
        kallas.Accept = true; // a new actor without a side
        await using var before = _database.CreateContext();
        var statements = await before.Statements.CountAsync(TestContext.Current.CancellationToken);
        var sources = await before.Sources.CountAsync(TestContext.Current.CancellationToken);

        var result = await intake.SaveAsync(Article(), proposal.Drafts);

        Assert.False(result.Saved);
        Assert.Contains(result.Problems, p => p.Part == IntakePart.NewActorSide && p.ToString().Contains("side", StringComparison.Ordinal));
        await using var after = _database.CreateContext();
        Assert.Equal((statements, sources), (await after.Statements.CountAsync(TestContext.Current.CancellationToken), await after.Sources.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task AReaderCannotProposeOrSave()
    {
        var intake = await ServiceAsync(AppRoles.Reader);

        await Assert.ThrowsAsync<NotAllowedException>(() => intake.ProposeAsync(Article()));
        await Assert.ThrowsAsync<NotAllowedException>(() => intake.SaveAsync(Article(), []));
    }

    [Fact]
    public async Task TheSameRemarkAlreadyRecordedIsFlaggedAsALikelyDuplicate()
    {
        var intake = await ServiceAsync(AppRoles.Editor);

        var proposal = await intake.ProposeAsync(Article("“constructive,” Kremlin aide Yuri Ushakov said."));

        Assert.Equal("ushakov-constructive", Assert.Single(proposal.Drafts).DuplicateOf);
    }

    [Fact]
    public async Task ALikelyDuplicateIsSavedAsAnotherSourceForTheStoredStatementWithItsHistory()
    {
        var intake = await ServiceAsync(AppRoles.Editor);
        var article = Article("“constructive,” Kremlin aide Yuri Ushakov said.");
        await using var before = _database.CreateContext();
        var statementsBefore = await before.Statements.CountAsync(TestContext.Current.CancellationToken);
        var versionBefore = await before.Statements.Where(s => s.Key == "ushakov-constructive").Select(s => s.Version).SingleAsync(TestContext.Current.CancellationToken);
        var proposal = await intake.ProposeAsync(article);
        var draft = Assert.Single(proposal.Drafts);
        Assert.True(draft.AddAsSource);
        draft.Accept = true;

        var result = await intake.SaveAsync(article, proposal.Drafts);

        Assert.True(result.Saved, string.Join("\n", result.Problems));
        Assert.Equal(0, result.Statements);
        Assert.Contains(result.Notes, n => n.Contains("another source for statement “ushakov-constructive”", StringComparison.Ordinal));
        await using var db = _database.CreateContext();
        Assert.Equal(statementsBefore, await db.Statements.CountAsync(TestContext.Current.CancellationToken));
        var stored = await db.Statements.AsNoTracking().Where(s => s.Key == "ushakov-constructive")
            .Select(s => new { s.Id, s.Version, Sources = s.OtherSources.Select(o => o.Source.Key).ToList() }).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal([result.SourceKey!], stored.Sources);
        Assert.Equal(versionBefore + 1, stored.Version);
        var detail = await _database.Get<PeaceTalks.Web.Services.StatementQueries>().GetAsync("ushakov-constructive", TestContext.Current.CancellationToken);
        Assert.Equal("Ushakov on the Moscow talks", Assert.Single(detail!.OtherSources).Title);
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "statement" && a.EntityId == stored.Id && a.Action == AuditAction.Update).ToListAsync(TestContext.Current.CancellationToken);
        var entry = Assert.Single(history);
        Assert.Equal("Test Editor", entry.UserName);
        Assert.Contains(IntakeService.OtherSourcesField, entry.Changes, StringComparison.Ordinal);
        Assert.Contains(result.SourceKey!, entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALikelyDuplicateTheEditorWantsAsANewStatementIsSavedAsOne()
    {
        var intake = await ServiceAsync(AppRoles.Editor);
        var article = Article("“constructive,” Kremlin aide Yuri Ushakov said.");
        var proposal = await intake.ProposeAsync(article);
        var draft = Assert.Single(proposal.Drafts);
        draft.Accept = true;
        draft.AddAsSource = false;

        var result = await intake.SaveAsync(article, proposal.Drafts);

        Assert.True(result.Saved, string.Join("\n", result.Problems));
        Assert.Equal(1, result.Statements);
        await using var db = _database.CreateContext();
        Assert.Empty(await db.StatementSources.ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void HtmlPastedFromAPageIsReducedToItsText() =>
        Assert.Equal("Talks resumed.\n\n“We are ready,” he said & left.",
            IntakeService.ReduceToText("<html><script>x()</script><p>Talks   resumed.</p><p>&ldquo;We are ready,&rdquo; he said &amp; left.</p></html>"));

    /// <summary>A clock stopped at one instant, in UTC: no test depends on the machine's time or time zone.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    // Early on 5 December in UTC: it is 5 December everywhere on Earth (UTC+14 reads 22:00).
    private static readonly FixedClock December5 = new(new DateTimeOffset(2025, 12, 5, 8, 0, 0, TimeSpan.Zero));

    private async Task<IntakeService> ServiceAsync(string role, TimeProvider clock) =>
        new(_database.Factory, new EditorAccess(new TestAuthenticationStateProvider(await _database.SignInAsAsync(role)), _database.Get<IServiceScopeFactory>()), clock);

    [Fact]
    public async Task AStatementDatedAfterTodayOrAfterTheReportIsRefusedBesideItsCandidate()
    {
        var intake = await ServiceAsync(AppRoles.Editor, December5);
        var proposal = await intake.ProposeAsync(Article());
        var quotes = proposal.Drafts.Where(d => d.Kind == TextKind.Quote && !d.Candidate.Speaker.IsNew).ToList();
        quotes[0].Date = new DateOnly(2025, 12, 6);
        quotes[1].Date = new DateOnly(2025, 12, 4);

        var result = await intake.SaveAsync(Article(), proposal.Drafts);

        Assert.False(result.Saved);
        var future = Assert.Single(result.For(proposal.Drafts.ToList().IndexOf(quotes[0])));
        Assert.Equal(IntakePart.SaidOn, future.Part);
        Assert.Equal("'2025-12-06' is after today (2025-12-05): a statement's date cannot be in the future", future.Message);
        var afterReport = Assert.Single(result.For(proposal.Drafts.ToList().IndexOf(quotes[1])));
        Assert.Equal(IntakePart.SaidOn, afterReport.Part);
        Assert.Contains("after the report's publication date (2025-12-03)", afterReport.Message, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 12, 3), proposal.Latest);
    }

    [Fact]
    public void AStatementDatedTomorrowInUtcIsTakenWhereThatDayHasBegunEastOfUtc()
    {
        var found = new FieldProblems();
        // 23:30 UTC on 5 December is already 6 December in Kyiv (and up to UTC+14).
        var reader = new FieldReader(found, clock: new FixedClock(new DateTimeOffset(2025, 12, 5, 23, 30, 0, TimeSpan.Zero)));
        reader.MoveTo(2, new Dictionary<string, string?>
        {
            ["key"] = "k", ["actor"] = "yuri-ushakov", ["date"] = "2025-12-06", ["text"] = "Words.", ["source"] = "some-source",
        });

        RecordTypes.Statements.Parse(reader);

        Assert.DoesNotContain(found.Kept, p => p.Field == "date");
    }

    [Fact]
    public void TheStatementRulesRefuseADateAfterTodayNamingTheField()
    {
        var found = new FieldProblems();
        var reader = new FieldReader(found, clock: December5);
        reader.MoveTo(2, new Dictionary<string, string?>
        {
            ["key"] = "k", ["actor"] = "yuri-ushakov", ["date"] = "2025-12-06", ["text"] = "Words.", ["source"] = "some-source",
        });

        RecordTypes.Statements.Parse(reader);

        var problem = Assert.Single(found.Kept, p => p.Field == "date");
        Assert.Equal("row 2, column date: '2025-12-06' is after today (2025-12-05): a statement's date cannot be in the future", problem.ToString());
    }

    [Fact]
    public async Task ASinglePastedReportsFirstShortLineIsTheSourcesTitle()
    {
        var intake = await ServiceAsync(AppRoles.Editor, December5);
        var article = new IntakeArticle("Kremlin sees no compromise yet\n\n" + Report, null, null, null, new DateOnly(2025, 12, 3));
        var proposal = await intake.ProposeAsync(article);

        var result = await intake.SaveAsync(article, proposal.Drafts);

        Assert.True(result.Saved, string.Join("\n", result.Problems));
        await using var db = _database.CreateContext();
        Assert.Equal("Kremlin sees no compromise yet",
            await db.Sources.AsNoTracking().Where(s => s.Key == result.SourceKey).Select(s => s.Title).SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Report of 2025-12-03", intake.Title(new IntakeArticle(Report, null, null, null, new DateOnly(2025, 12, 3)), Report));
        Assert.Equal("Report pasted on 2025-12-05", intake.Title(new IntakeArticle(Report, null, null, null, null), Report));
    }
}
