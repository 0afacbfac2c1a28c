using Microsoft.Extensions.DependencyInjection;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Records;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Tests.Csv;
using PeaceTalks.Web.Tests.Infrastructure;

namespace PeaceTalks.Web.Tests.Plans;

/// <summary>The plan fixtures (TestData/plans, see its README) loaded over the seed, the way an editor imports them.</summary>
public static class PlanFixtures
{
    public static readonly string[] Files = ["sources", "actors", "plans", "plan-versions", "plan-points", "statements", "point-positions"];

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "plans");

    public static async Task LoadAsync(TestDatabase database)
    {
        foreach (var file in Files)
        {
            await using var stream = File.OpenRead(Path.Combine(Folder, file + ".csv"));
            var report = await database.Get<CsvImporter>().ImportAsync(stream, file + ".csv", Editor.System);
            Assert.True(report.Written, $"{file}.csv: {string.Join("; ", report.Errors.Take(5))}");
        }
    }
}

public sealed class PlanTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await PlanFixtures.LoadAsync(_database);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task AStatementBehindAStanceOnAPointSaysSoOnItsPageAndBeforeItIsRetracted()
    {
        var detail = (await _database.Get<StatementQueries>().GetAsync("zelensky-2025-12-11-army-agreed"))!;
        var stance = Assert.Single(detail.PointStances);
        Assert.Equal(("Volodymyr Zelensky", "frame20-p4", PointStance.Accepts), (stance.Actor.Name, stance.PointKey, stance.Stance));
        Assert.Equal("point 4 of the 20-point framework (US plan to end the war in Ukraine)", stance.Point);

        var edits = new RecordEditService(_database.Factory, new EditorAccess(
            new TestAuthenticationStateProvider(await _database.SignInAsAsync(AppRoles.Editor)), _database.Get<IServiceScopeFactory>()));
        var warnings = await edits.RetractWarningsAsync(RecordTypes.Statements, "zelensky-2025-12-11-army-agreed");
        Assert.Contains("Volodymyr Zelensky on point 4 of the 20-point framework, as of 11 Dec 2025 — this is its only evidence", warnings);
    }

    [Fact]
    public async Task APointPickerFindsAPointByWordsItsShortenedLabelLeavesOut()
    {
        // Point 7's label stops after 70 characters ("… will not join NATO, and NATO wr…"); "admit" is further on.
        var found = await _database.Get<LookupQueries>().PickAsync(FieldInput.PlanPoint, "admit");

        Assert.Equal(["draft28-p7"], found.Select(p => p.Key));
        Assert.DoesNotContain("admit", found[0].Label, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVersionShowsItsPointsInNumberOrderWithEachSidesStanceAndWhereEachStands()
    {
        var plan = (await _database.Get<PlanQueries>().GetAsync("us-plan-for-ukraine", asOf: new DateOnly(2025, 12, 31)))!;

        Assert.Equal("20-point framework", plan.Shown!.Label);
        Assert.Equal(["28-point draft", "20-point framework"], plan.Versions.Select(v => v.Label));
        Assert.Equal(["1", "2", "3", "4", "5", "12", "14"], plan.Points.Select(p => p.Number));
        var twelve = plan.Points.Single(p => p.Number == "12");
        Assert.Equal(PointState.Contested, twelve.State);
        Assert.Equal([("Sergei Ryabkov", PointStance.Rejects), ("Volodymyr Zelensky", PointStance.Proposed)],
            twelve.Stances.Select(s => (s.Actor.Name, s.Stance)));
        Assert.Equal(PointState.OneSide, plan.Points.Single(p => p.Number == "4").State);
        Assert.Equal(PointState.NoPosition, plan.Points.Single(p => p.Number == "1").State);
        Assert.Equal(new PointCounts(0, 1, 2, 4), plan.Counts);
        Assert.Equal(["draft28-p10", "draft28-p5"], plan.Points.Single(p => p.Number == "5").Continues);
    }

    [Fact]
    public async Task AsOfAnEarlierDayTheLaterStancesAreNotThereYet()
    {
        var plan = (await _database.Get<PlanQueries>().GetAsync("us-plan-for-ukraine", asOf: new DateOnly(2025, 12, 23)))!;

        var twelve = plan.Points.Single(p => p.Number == "12");
        Assert.Equal(["Volodymyr Zelensky"], twelve.Stances.Select(s => s.Actor.Name));
        Assert.Equal(PointState.OneSide, twelve.State);
    }

    [Fact]
    public async Task TheEarlierVersionSaysWhichOfItsPointsTheNextOneDropped()
    {
        var plan = (await _database.Get<PlanQueries>().GetAsync("us-plan-for-ukraine", "us-plan-28-point-draft"))!;

        Assert.Equal(["1", "2", "5", "6", "7", "10"], plan.Points.Select(p => p.Number));
        Assert.Equal(["7"], plan.Points.Where(p => p.DroppedIn is not null).Select(p => p.Number));
        Assert.Equal("20-point framework", plan.Points.Single(p => p.Number == "7").DroppedIn);
    }

    [Fact]
    public async Task TwoVersionsComparedMarkEachKindOfChangeAndTheChangedWords()
    {
        var comparison = (await _database.Get<PlanQueries>().CompareAsync("us-plan-for-ukraine", "us-plan-28-point-draft", "us-plan-20-point-framework"))!;

        var byNumber = comparison.Points.Where(p => p.After is not null).ToDictionary(p => p.After!.Number);
        Assert.Equal(PointComparison.Unchanged, byNumber["1"].Comparison);
        Assert.Equal(PointComparison.Reworded, byNumber["2"].Comparison);
        Assert.Equal(PointComparison.Split, byNumber["3"].Comparison);
        Assert.Equal(PointComparison.Reworded, byNumber["4"].Comparison);
        Assert.True(byNumber["4"].Renumbered);
        Assert.False(byNumber["2"].Renumbered);
        Assert.Equal(PointComparison.Merged, byNumber["5"].Comparison);
        Assert.Equal(["5", "10"], byNumber["5"].Before.Select(p => p.Number));
        Assert.Equal(PointComparison.Added, byNumber["12"].Comparison);
        Assert.Equal(PointComparison.Added, byNumber["14"].Comparison);
        Assert.Equal(["7"], comparison.Points.Where(p => p.Comparison == PointComparison.Dropped).Select(p => p.Before[0].Number));
        var words = byNumber["4"].Words;
        Assert.Contains(words, w => w.Change == WordChange.Removed && w.Text.Contains("600,000", StringComparison.Ordinal));
        Assert.Contains(words, w => w.Change == WordChange.Added && w.Text.Contains("800,000", StringComparison.Ordinal));
        Assert.Equal("Ukraine keeps a peacetime army of 800,000.", string.Concat(words.Where(w => w.Change != WordChange.Removed).Select(w => w.Text)));
        // Between the two versions' days only Zelensky's stance on the army's size is new; Ryabkov spoke later.
        var move = Assert.Single(comparison.Moves);
        Assert.Equal(("volodymyr-zelensky", "4", (PointStance?)null, (PointStance?)PointStance.Accepts), (move.Actor.Slug, move.Number, move.From, move.To));
    }

    [Fact]
    public async Task ThePlanFormatsRoundTripByteForByteThroughAnEmptyDatabase()
    {
        var first = await CsvTestFiles.ExportAllAsync(_database);
        Assert.False(CsvTestFiles.HeaderOnly(first["plan-points"]));

        await using var copy = await TestDatabase.CreateAsync(seed: false);
        foreach (var table in CsvTestFiles.TableOrder.Where(t => !CsvTestFiles.HeaderOnly(first[t])))
        {
            var report = await copy.Get<CsvImporter>().ImportAsync(new MemoryStream(first[table]), table + ".csv", Editor.System);
            Assert.True(report.Written, $"{table}: {string.Join("; ", report.Errors.Take(5))}");
        }
        var second = await CsvTestFiles.ExportAllAsync(copy);

        foreach (var table in new[] { "plans", "plan-versions", "plan-points", "point-positions", "statements" })
        {
            Assert.True(first[table].AsSpan().SequenceEqual(second[table]), $"{table}.csv differs after the round trip");
        }
    }

    [Fact]
    public async Task APointsChangeMustMatchWhatItContinues()
    {
        var file = "key,version,number,kind,text,change,continues\r\n" +
            "bad-merge,us-plan-20-point-framework,99,paraphrase,Text,merged,draft28-p1\r\n" +
            "bad-new,us-plan-20-point-framework,98,paraphrase,Text,new,draft28-p1\r\n" +
            "bad-self,us-plan-20-point-framework,97,paraphrase,Text,reworded,bad-self\r\n";
        var report = await _database.Get<CsvImporter>().PreviewAsync(CsvTestFiles.Utf8(file), "plan-points.csv");

        Assert.Contains(report.Errors, e => e.Row == 2 && e.Field == "change" && e.Reason.Contains("two or more", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Row == 3 && e.Field == "change" && e.Reason.Contains("new", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Row == 4 && e.Field == "continues" && e.Reason.Contains("itself", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ActorAndIssuePagesListThePointsThatConcernThem()
    {
        var plans = _database.Get<PlanQueries>();

        var zelensky = await plans.ForActorAsync("volodymyr-zelensky");
        var territory = await plans.ForIssueAsync("territorial-concessions");

        Assert.Equal(["4", "12", "14"], zelensky.Select(m => m.Number));
        Assert.Equal(PointStance.Proposed, zelensky.Single(m => m.Number == "12").Stance);
        Assert.Equal(["12"], territory.Select(m => m.Number));
    }

    [Theory]
    [InlineData("", new[] { "20-point framework", "28-point draft" })]
    [InlineData("actor=sergei-ryabkov", new[] { "20-point framework" })]
    [InlineData("actor=yuri-ushakov", new string[0])]
    [InlineData("actor=white-house", new[] { "20-point framework", "28-point draft" })]
    [InlineData("side=Russia", new[] { "20-point framework" })]
    [InlineData("issue=territorial-concessions", new[] { "20-point framework", "28-point draft" })]
    [InlineData("issue=us-brokered-talks", new string[0])]
    [InlineData("q=20-point", new[] { "20-point framework" })]
    [InlineData("q=draft&order=oldest", new[] { "28-point draft" })]
    [InlineData("from=2025-12-01", new[] { "20-point framework" })]
    public async Task APlansVersionsAreEventsOfTheTimelineFilteredLikeTheRest(string query, string[] versions)
    {
        var parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        string? Get(string name) => parameters.TryGetValue(name, out var v) ? v.ToString() : null;
        string?[]? Many(string name) => Get(name) is { } value ? [value] : null;
        var filter = await _database.Get<FilterResolver>().ResolveAsync(DashboardFilter.Parse(Many("actor"), Many("side"), Many("issue"),
            Get("from"), null, Get("q"), "plans", Get("order")));

        var page = await _database.Get<TimelineQueries>().GetPageAsync(filter);
        var counts = await _database.Get<TimelineQueries>().CountAsync(filter);

        Assert.Equal(versions, page.Items.Select(i => i.PlanVersion!.Label));
        Assert.Equal((versions.Length, 2), (counts.PlanVersions, counts.TotalPlanVersions));
    }

    [Fact]
    public async Task PagingThroughStatementsMeetingsAndVersionsGivesEachItemOnceInOrder()
    {
        var timeline = _database.Get<TimelineQueries>();
        foreach (var order in new[] { "newest", "oldest" })
        {
            var filter = await _database.Get<FilterResolver>().ResolveAsync(DashboardFilter.Parse(order: order));
            var all = (await timeline.GetPageAsync(filter, pageSize: 500)).Items;
            Assert.Contains(all, i => i.PlanVersion is not null);
            Assert.Contains(all, i => i.Meeting is not null);

            var paged = new List<TimelineItem>();
            TimelineCursor? after = null;
            do
            {
                var page = await timeline.GetPageAsync(filter, after, pageSize: 2);
                paged.AddRange(page.Items);
                after = page.Next;
            }
            while (after is not null);

            Assert.Equal(all.Select(i => (i.KindOrder, i.Id)), paged.Select(i => (i.KindOrder, i.Id)));
        }
    }

    [Fact]
    public async Task APlanCannotBeRetractedWhileItsVersionsAreLive()
    {
        var edits = new RecordEditService(_database.Factory, new EditorAccess(
            new TestAuthenticationStateProvider(await _database.SignInAsAsync(AppRoles.Editor)), _database.Get<IServiceScopeFactory>()));
        var plan = (await edits.LoadAsync(RecordTypes.Plans, "us-plan-for-ukraine"))!;

        var result = await edits.RetractAsync(RecordTypes.Plans, "us-plan-for-ukraine", "duplicate", plan.Version, null);

        var invalid = Assert.IsType<SaveResult.Invalid>(result);
        Assert.Contains("2 plan versions", Assert.Single(invalid.General), StringComparison.Ordinal);
    }
}

/// <summary>A file of points imported when some of its points are already there (an editor added them with the form).</summary>
public sealed class PlanReimportTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task PointsAlreadyThereAreUnchangedAndTheRestAreAdded()
    {
        foreach (var file in PlanFixtures.Files.TakeWhile(f => f != "plan-points"))
        {
            await using var stream = File.OpenRead(Path.Combine(PlanFixtures.Folder, file + ".csv"));
            Assert.True((await _database.Get<CsvImporter>().ImportAsync(stream, file + ".csv", Editor.System)).Written);
        }
        var lines = File.ReadAllLines(Path.Combine(PlanFixtures.Folder, "plan-points.csv"));
        var importer = _database.Get<CsvImporter>();
        var first = await importer.ImportAsync(CsvTestFiles.Utf8(string.Join("\r\n", lines.Take(2)) + "\r\n"), "plan-points.csv", Editor.System);
        Assert.True(first.Written, string.Join("; ", first.Errors));

        var rest = await importer.ImportAsync(CsvTestFiles.Utf8(string.Join("\r\n", lines) + "\r\n"), "plan-points.csv", Editor.System);

        Assert.True(rest.Written, string.Join("; ", rest.Errors));
        Assert.Equal((lines.Length - 2, 0, 1), (rest.Added, rest.Updated, rest.Unchanged));
    }
}
