using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Tests.Infrastructure;
using static PeaceTalks.Web.Tests.Infrastructure.TestData;

namespace PeaceTalks.Web.Tests.Services;

public sealed class TimelineQueriesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(seed: false);
        await using var db = _database.CreateContext();
        var data = new TestData(db);
        var guarantees = data.AddIssue("security-guarantees");
        var territory = data.AddIssue("territory");
        var kyiv = data.AddActor("zelensky", "Ukraine", "Volodymyr Zelensky");
        var moscow = data.AddActor("ushakov", "Russia", "Yuri Ushakov");
        var washington = data.AddActor("leavitt", "United States", "Karoline Leavitt");
        data.AddStatement(kyiv, Day(12, 1), "We need guarantees that hold.", guarantees);
        data.AddStatement(kyiv, Day(12, 3), "No compromise on territory.", territory);
        var constructive = data.AddStatement(moscow, Day(12, 2), "The talks were constructive.", territory, guarantees);
        data.AddStatement(moscow, Day(11, 20), "100% sure, with an under_score and <script>alert(1)</script>");
        data.AddStatement(washington, Day(5, 1), "Very optimistic in May.", DatePrecision.Month);
        constructive.Meeting = data.AddMeeting("moscow-round", Day(12, 2), moscow);
        data.AddMeeting("florida-round", Day(11, 30), kyiv, washington);
        await data.SaveAsync();
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task<IReadOnlyList<TimelineItem>> ItemsAsync(DashboardFilter filter)
    {
        var resolved = await _database.Get<FilterResolver>().ResolveAsync(filter);
        return (await _database.Get<TimelineQueries>().GetPageAsync(resolved, pageSize: 100)).Items;
    }

    private static string[] Describe(IReadOnlyList<TimelineItem> items) =>
        [.. items.Select(i => i.Statement is { } s ? $"{s.Actor.Slug}:{s.Text[..12]}" : $"meeting:{i.Meeting!.Slug}")];

    [Fact]
    public async Task WithoutFiltersEverythingComesNewestFirstWithMeetingsBeforeStatementsOfTheSameDay()
    {
        var items = await ItemsAsync(DashboardFilter.Empty);

        Assert.Equal(
            ["zelensky:No compromis", "meeting:moscow-round", "ushakov:The talks we", "zelensky:We need guar", "meeting:florida-round",
             "ushakov:100% sure, w", "leavitt:Very optimis"],
            Describe(items));
    }

    [Fact]
    public async Task OldestFirstReversesTheWholeStream()
    {
        var newest = Describe(await ItemsAsync(DashboardFilter.Empty));
        var oldest = Describe(await ItemsAsync(DashboardFilter.Empty with { OldestFirst = true }));

        Assert.Equal(newest.Reverse(), oldest);
    }

    [Fact]
    public async Task TheActorFilterKeepsTheirStatementsAndTheMeetingsTheyAttended()
    {
        var items = await ItemsAsync(DashboardFilter.Empty with { Actors = ["zelensky"] });

        Assert.Equal(["zelensky:No compromis", "zelensky:We need guar", "meeting:florida-round"], Describe(items));
    }

    [Fact]
    public async Task SeveralActorsAreCombinedWithOr()
    {
        var items = await ItemsAsync(DashboardFilter.Empty with { Actors = ["zelensky", "leavitt"], Kind = ItemKind.Statements });

        Assert.Equal(["zelensky:No compromis", "zelensky:We need guar", "leavitt:Very optimis"], Describe(items));
    }

    [Fact]
    public async Task TheSideFilterMatchesTheSpeakersAndParticipantsSide()
    {
        var items = await ItemsAsync(DashboardFilter.Empty with { Sides = ["russia"] });

        Assert.Equal(["meeting:moscow-round", "ushakov:The talks we", "ushakov:100% sure, w"], Describe(items));
    }

    [Fact]
    public async Task TheIssueFilterKeepsStatementsOnTheIssueAndMeetingsTheyAreAbout()
    {
        var items = await ItemsAsync(DashboardFilter.Empty with { Issues = ["security-guarantees"], Kind = ItemKind.Statements });

        Assert.Equal(["ushakov:The talks we", "zelensky:We need guar"], Describe(items));
    }

    [Fact]
    public async Task TheDateRangeIsInclusive()
    {
        var items = await ItemsAsync(DashboardFilter.Empty with { From = Day(12, 1), To = Day(12, 2) });

        Assert.Equal(["meeting:moscow-round", "ushakov:The talks we", "zelensky:We need guar"], Describe(items));
    }

    [Theory]
    [InlineData("constructive", "ushakov:The talks we")]
    [InlineData("CONSTRUCTIVE", "ushakov:The talks we")]
    [InlineData("100%", "ushakov:100% sure, w")]
    [InlineData("under_score", "ushakov:100% sure, w")]
    [InlineData("<script>alert(1)</script>", "ushakov:100% sure, w")]
    public async Task TextSearchMatchesTheTypedTextLiterally(string text, string expected)
    {
        var items = await ItemsAsync(DashboardFilter.Empty with { Text = text, Kind = ItemKind.Statements });

        Assert.Equal([expected], Describe(items));
    }

    [Theory]
    [InlineData("100%", true)]
    [InlineData("under_score", true)]
    [InlineData("<script>alert(1)</script>", true)]
    [InlineData("' OR 1=1 --", false)]
    [InlineData("\"; DROP TABLE Statements; --", false)]
    [InlineData("sure NOT score", false)]
    public async Task SearchTextIsWordsToFindNeverQuerySyntax(string text, bool findsTheMarkupStatement)
    {
        var items = await ItemsAsync(DashboardFilter.Empty with { Text = text, Kind = ItemKind.Statements });

        Assert.Equal(findsTheMarkupStatement ? ["ushakov:100% sure, w"] : [], Describe(items));
        Assert.Equal(7, (await ItemsAsync(DashboardFilter.Empty)).Count);
    }

    [Fact]
    public async Task FiltersCombineAndTheCountsSayHowManyOfAll()
    {
        var filter = DashboardFilter.Empty with { Actors = ["zelensky", "ushakov"], Issues = ["territory"], From = Day(12, 2) };
        var resolved = await _database.Get<FilterResolver>().ResolveAsync(filter);

        var items = (await _database.Get<TimelineQueries>().GetPageAsync(resolved)).Items;
        var counts = await _database.Get<TimelineQueries>().CountAsync(resolved);

        Assert.Equal(["zelensky:No compromis", "meeting:moscow-round", "ushakov:The talks we"], Describe(items));
        Assert.Equal(new TimelineCounts(2, 5, 1, 2), counts);
    }

    [Fact]
    public async Task DatesAreGroupedAtTheirOwnPrecision()
    {
        var items = await ItemsAsync(DashboardFilter.Empty with { Actors = ["leavitt", "ushakov"], Kind = ItemKind.Statements });

        Assert.Equal(["Tuesday 2 December 2025", "Thursday 20 November 2025", "May 2025"], items.Select(i => i.GroupLabel).Distinct());
    }
}
