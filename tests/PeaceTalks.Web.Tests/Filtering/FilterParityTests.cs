using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Tests.Infrastructure;

namespace PeaceTalks.Web.Tests.Filtering;

/// <summary>
/// Every filter shape through every path that filters — the compiled newest-first page, the composed page (oldest
/// first), the counts, the CSV export (which the API's tables stream too) — over data with retracted rows: each path
/// must give the same statements and meetings.
/// </summary>
public sealed class FilterParityTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(seed: false);
        await using var db = _database.CreateContext();
        var data = new TestData(db);
        var land = data.AddIssue("land");
        var guarantees = data.AddIssue("guarantees");
        var sanctions = data.AddIssue("sanctions");
        var putin = data.AddActor("putin", "Russia");
        var ushakov = data.AddActor("ushakov", "Russia");
        var zelensky = data.AddActor("zelensky", "Ukraine");
        var witkoff = data.AddActor("witkoff", "United States");
        var moscow = data.AddMeeting("moscow", TestData.Day(12, 2), putin, witkoff);
        var geneva = data.AddMeeting("geneva", TestData.Day(11, 23), zelensky, witkoff);
        var miami = data.AddMeeting("miami", TestData.Day(12, 1), witkoff);
        var s1 = data.AddStatement(putin, TestData.Day(12, 2), "Some proposals are acceptable on land", land);
        s1.Meeting = moscow;
        data.AddStatement(ushakov, TestData.Day(12, 3), "No compromise on land yet", land, guarantees).Meeting = moscow;
        var s3 = data.AddStatement(zelensky, TestData.Day(11, 24), "Guarantees must be binding", guarantees);
        s3.Meeting = geneva;
        data.AddStatement(witkoff, TestData.Day(11, 30), "Productive talks on guarantees", guarantees);
        var s5 = data.AddStatement(zelensky, TestData.Day(12, 1), "Sanctions stay until the war ends", sanctions);
        // The check against the source: s1, s3 and Moscow verified, s5 disputed, the rest unverified.
        s1.Verification = s3.Verification = moscow.Verification = VerificationState.Verified;
        s5.Verification = VerificationState.Disputed;
        // The only link between Miami and the sanctions issue goes through a retracted statement: Miami is not
        // about sanctions for any path (the two timeline queries once disagreed here).
        var withdrawn = data.AddStatement(witkoff, TestData.Day(12, 1), "Sanctions relief was discussed", sanctions);
        withdrawn.Meeting = miami;
        withdrawn.RetractedAt = DateTime.UtcNow;
        withdrawn.RetractedReason = "misattributed";
        withdrawn.Verification = VerificationState.Verified;
        var retractedMeeting = data.AddMeeting("retracted-meeting", TestData.Day(11, 28), putin);
        retractedMeeting.RetractedAt = DateTime.UtcNow;
        retractedMeeting.RetractedReason = "never happened";
        await data.SaveAsync();
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    public static TheoryData<string> Shapes =>
    [
        "",
        "?actor=putin",
        "?actor=putin&actor=zelensky",
        "?side=Russia",
        "?side=Russia&side=Ukraine",
        "?issue=land",
        "?issue=sanctions",
        "?issue=guarantees&issue=sanctions",
        "?from=2025-12-01",
        "?to=2025-11-30",
        "?from=2025-11-24&to=2025-12-02",
        "?actor=witkoff&issue=guarantees",
        "?side=United%20States&from=2025-11-30",
        "?q=guarantees",
        "?issue=sanctions&retracted=include",
        "?actor=witkoff&retracted=include",
        "?retracted=include",
        "?verified=only",
        "?verified=only&retracted=include",
        "?actor=zelensky&verified=only",
        "?issue=guarantees&verified=only",
        "?q=guarantees&verified=only",
        "?side=Russia&side=Ukraine&verified=only",
    ];

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task EveryPathGivesTheSameStatementsAndMeetings(string query)
    {
        var filter = await ResolveAsync(query);
        var timeline = _database.Get<TimelineQueries>();

        var newest = await AllPagesAsync(timeline, filter);
        var oldest = await AllPagesAsync(timeline, filter with { Filter = filter.Filter with { OldestFirst = true } });
        var counts = await timeline.CountAsync(filter);
        var exporter = _database.Get<CsvExporter>();
        var exportedStatements = await exporter.StatementsAsync(filter).Select(row => row[0]!).ToListAsync();
        var exportedMeetings = await exporter.MeetingsAsync(filter).Select(row => row[0]!).ToListAsync();

        Assert.Equal(newest.Statements.Order(), oldest.Statements.Order());
        Assert.Equal(newest.Meetings.Order(), oldest.Meetings.Order());
        Assert.Equal(newest.Statements.Order(), exportedStatements.Order());
        Assert.Equal(newest.Meetings.Order(), exportedMeetings.Order());
        Assert.Equal((newest.Statements.Count, newest.Meetings.Count), (counts.Statements, counts.Meetings));
    }

    [Fact]
    public async Task AMeetingLinkedToAnIssueOnlyThroughARetractedStatementIsNotAboutThatIssue()
    {
        var timeline = _database.Get<TimelineQueries>();
        var filter = await ResolveAsync("?issue=sanctions");

        var page = await AllPagesAsync(timeline, filter);
        var counts = await timeline.CountAsync(filter);

        Assert.Empty(page.Meetings);
        Assert.Equal(0, counts.Meetings);
        Assert.Equal(["s5"], page.Statements);
    }

    [Fact]
    public async Task VerifiedOnlyKeepsWhatSomeoneCheckedAndNothingElse()
    {
        var timeline = _database.Get<TimelineQueries>();

        var live = await AllPagesAsync(timeline, await ResolveAsync("?verified=only"));
        var withRetracted = await AllPagesAsync(timeline, await ResolveAsync("?verified=only&retracted=include"));

        Assert.Equal(["s1", "s3"], live.Statements.Order());
        Assert.Equal(["moscow"], live.Meetings);
        Assert.Equal(["s1", "s3", "s6"], withRetracted.Statements.Order());
    }

    [Fact]
    public async Task AReaderWhoSeesVerifiedItemsOnlyGetsTheSameAsVerifiedOnlyAndCountsOfThoseAlone()
    {
        var timeline = _database.Get<TimelineQueries>();
        var asked = await ResolveAsync("?verified=only");
        var hidden = await ResolveAsync("");
        hidden = hidden with { Filter = hidden.Filter with { UnverifiedHidden = true } };

        var page = await AllPagesAsync(timeline, hidden);
        var counts = await timeline.CountAsync(hidden);
        var everything = await timeline.CountAsync(await ResolveAsync(""));

        var expected = await AllPagesAsync(timeline, asked);
        Assert.Equal(expected.Statements, page.Statements);
        Assert.Equal(expected.Meetings, page.Meetings);
        // Totals of what this reader may see: not the unverified statements waiting for a check.
        Assert.Equal((2, 2, 1, 1), (counts.Statements, counts.TotalStatements, counts.Meetings, counts.TotalMeetings));
        // The counts are kept per filter: the reader's do not answer for everyone else.
        Assert.Equal((5, 3), (everything.Statements, everything.Meetings));
        Assert.Empty(hidden.Applied.ToQueryString());
    }

    private async Task<ResolvedFilter> ResolveAsync(string query)
    {
        var parsed = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        return await _database.Get<FilterResolver>().ResolveAsync(DashboardFilter.Read(name => parsed.TryGetValue(name, out var values) ? values : default));
    }

    /// <summary>Every page of the timeline for the filter, as statement keys and meeting slugs.</summary>
    private static async Task<(List<string> Statements, List<string> Meetings)> AllPagesAsync(TimelineQueries timeline, ResolvedFilter filter)
    {
        var statements = new List<string>();
        var meetings = new List<string>();
        TimelineCursor? cursor = null;
        do
        {
            // Small pages, so the cursor's paging is part of what is compared.
            var page = await timeline.GetPageAsync(filter, cursor, pageSize: 2);
            statements.AddRange(page.Items.Where(i => i.Statement is not null).Select(i => i.Statement!.Key));
            meetings.AddRange(page.Items.Where(i => i.Meeting is not null).Select(i => i.Meeting!.Slug));
            cursor = page.Next;
        }
        while (cursor is not null);
        return (statements, meetings);
    }
}
