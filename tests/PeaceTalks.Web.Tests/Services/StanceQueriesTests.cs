using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Tests.Infrastructure;
using static PeaceTalks.Web.Tests.Infrastructure.TestData;

namespace PeaceTalks.Web.Tests.Services;

public sealed class StanceQueriesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(seed: false);
        await using var db = _database.CreateContext();
        var data = new TestData(db);
        var guarantees = data.AddIssue("guarantees", "Guarantees");
        var territory = data.AddIssue("territory", "Territory");
        var kyiv = data.AddActor("kyiv", "Ukraine", "Kyiv");
        var moscow = data.AddActor("moscow", "Russia", "Moscow");
        data.AddActor("silent", "Russia", "Silent");
        var early = data.AddStatement(kyiv, Day(10, 1), "Maybe.", guarantees);
        var later = data.AddStatement(kyiv, Day(11, 15), "Rather not.", guarantees);
        var latest = data.AddStatement(kyiv, Day(12, 2), "Never.", guarantees);
        var russian = data.AddStatement(moscow, Day(11, 1), "Ours.", territory);
        // Kyiv on guarantees moves: ambiguous (1 Oct) → leans against (15 Nov) → opposes (2 Dec).
        data.AddPosition(kyiv, guarantees, Day(10, 1), Stance.Ambiguous, early);
        data.AddPosition(kyiv, guarantees, Day(11, 15), Stance.LeansAgainst, later);
        data.AddPosition(kyiv, guarantees, Day(12, 2), Stance.Opposes, latest, later);
        // Moscow on territory stays where it was.
        data.AddPosition(moscow, territory, Day(11, 1), Stance.Supports, russian);
        data.AddPosition(moscow, territory, Day(12, 1), Stance.Supports, russian);
        await data.SaveAsync();
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private sealed record Result(StanceMatrix Matrix, IReadOnlyList<StanceRow> Rows)
    {
        public IReadOnlyList<StanceChange> Changes => Matrix.Changes?.Latest ?? [];
        public IReadOnlyList<StanceColumn> Issues => Matrix.Issues;
    }

    private async Task<Result> MatrixAsync(DashboardFilter filter)
    {
        var resolved = await _database.Get<FilterResolver>().ResolveAsync(filter);
        var queries = _database.Get<StanceQueries>();
        var matrix = await queries.GetMatrixAsync(resolved);
        var rows = await queries.GetRowsAsync(resolved, 0, 1000);
        Assert.Equal(matrix.RowCount, rows.Count);
        return new Result(matrix, rows);
    }

    private static Stance? Cell(Result matrix, string actor, string issue)
    {
        var row = matrix.Rows.Single(r => r.Actor.Slug == actor);
        var column = matrix.Issues.Single(i => i.Slug == issue);
        return row.Cells.TryGetValue(column.Id, out var cell) ? cell.Stance : null;
    }

    [Theory]
    [InlineData("2025-09-30", null)]
    [InlineData("2025-10-01", Stance.Ambiguous)]
    [InlineData("2025-11-14", Stance.Ambiguous)]
    [InlineData("2025-11-15", Stance.LeansAgainst)]
    [InlineData("2025-12-01", Stance.LeansAgainst)]
    [InlineData("2025-12-02", Stance.Opposes)]
    [InlineData("2030-01-01", Stance.Opposes)]
    public async Task ACellHoldsTheLatestPositionOnOrBeforeTheDate(string asOf, Stance? expected)
    {
        var matrix = await MatrixAsync(DashboardFilter.Empty with { AsOf = DateOnly.Parse(asOf) });

        Assert.Equal(expected, Cell(matrix, "kyiv", "guarantees"));
    }

    [Fact]
    public async Task WithoutADateTheLatestPositionIsShownAndActorsWithoutPositionsAreLeftOut()
    {
        var matrix = await MatrixAsync(DashboardFilter.Empty);

        Assert.Equal(Stance.Opposes, Cell(matrix, "kyiv", "guarantees"));
        Assert.Null(Cell(matrix, "kyiv", "territory"));
        Assert.Equal(["moscow", "kyiv"], matrix.Rows.Select(r => r.Actor.Slug));
        Assert.Equal(["guarantees", "territory"], matrix.Issues.Select(i => i.Slug));
    }

    [Fact]
    public async Task BeforeEveryPositionTheRowsStayAndEveryCellIsEmpty()
    {
        var matrix = await MatrixAsync(DashboardFilter.Empty with { AsOf = Day(1, 1) });

        Assert.Equal(2, matrix.Rows.Count);
        Assert.All(matrix.Rows, r => Assert.Empty(r.Cells));
    }

    [Fact]
    public async Task WhoMovedFindsExactlyTheCellsWhoseStanceChanged()
    {
        var matrix = await MatrixAsync(DashboardFilter.Empty with { Since = Day(11, 5), AsOf = Day(12, 5) });

        Assert.Equal(1, matrix.Matrix.Changes!.Total);
        var change = Assert.Single(matrix.Changes);
        Assert.Equal(("kyiv", "guarantees", Stance.Ambiguous, Stance.Opposes, Day(12, 2)),
            (change.Actor.Slug, change.IssueSlug, change.From, change.To, change.AsOf));
        // Moscow's later position repeats the same stance: not a move.
        var moscow = matrix.Rows.Single(r => r.Actor.Slug == "moscow").Cells.Values.Single();
        Assert.False(moscow.Changed);
        Assert.True(matrix.Rows.Single(r => r.Actor.Slug == "kyiv").Cells.Values.Single().Changed);
    }

    [Fact]
    public async Task APositionThatAppearsBetweenTheDatesCountsAsAMoveFromNoKnownPosition()
    {
        var matrix = await MatrixAsync(DashboardFilter.Empty with { Since = Day(9, 1), AsOf = Day(11, 2) });

        Assert.Equal([("kyiv", (Stance?)null, Stance.Ambiguous), ("moscow", null, Stance.Supports)],
            matrix.Changes.Select(c => (c.Actor.Slug, c.From, c.To)).OrderBy(c => c.Slug));
    }

    [Fact]
    public async Task FiltersNarrowRowsAndColumns()
    {
        var matrix = await MatrixAsync(DashboardFilter.Empty with { Sides = ["Russia"], Issues = ["territory"] });

        Assert.Equal(["moscow"], matrix.Rows.Select(r => r.Actor.Slug));
        Assert.Equal(["territory"], matrix.Issues.Select(i => i.Slug));
        Assert.Equal(Stance.Supports, Cell(matrix, "moscow", "territory"));
    }

    [Fact]
    public async Task AnActorNamedInTheFilterIsShownEvenWithoutPositions()
    {
        var matrix = await MatrixAsync(DashboardFilter.Empty with { Actors = ["silent"] });

        Assert.Equal(["silent"], matrix.Rows.Select(r => r.Actor.Slug));
        Assert.Empty(matrix.Rows[0].Cells);
    }

    [Fact]
    public async Task RowsCanBeReadAWindowAtATime()
    {
        var resolved = await _database.Get<FilterResolver>().ResolveAsync(DashboardFilter.Empty);
        var queries = _database.Get<StanceQueries>();

        var first = await queries.GetRowsAsync(resolved, 0, 1);
        var second = await queries.GetRowsAsync(resolved, 1, 1);
        var past = await queries.GetRowsAsync(resolved, 2, 10);

        Assert.Equal(["moscow"], first.Select(r => r.Actor.Slug));
        Assert.Equal(["kyiv"], second.Select(r => r.Actor.Slug));
        Assert.Empty(past);
    }

    [Fact]
    public async Task TheCellDetailHasTheEvidenceAndTheHistoryOldestFirst()
    {
        var detail = await _database.Get<StanceQueries>().GetCellAsync("kyiv", "guarantees", Day(12, 1));

        Assert.NotNull(detail);
        Assert.Equal(Stance.LeansAgainst, detail.Current!.Stance);
        Assert.Equal(["Rather not."], detail.Evidence.Select(e => e.Text));
        Assert.Equal([Stance.Ambiguous, Stance.LeansAgainst], detail.History.Select(h => h.Stance));
        Assert.Equal(1, detail.LaterPositions);
        Assert.Equal("test-source", detail.Evidence[0].Source.Key);
    }
}
