using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Tests.Infrastructure;
using static PeaceTalks.Web.Tests.Infrastructure.TestData;

namespace PeaceTalks.Web.Tests.Services;

public sealed class TimelinePagingTests
{
    [Theory]
    [InlineData(false, 7)]
    [InlineData(true, 7)]
    [InlineData(false, 1)]
    [InlineData(true, 50)]
    public async Task PagingReturnsEveryItemExactlyOnceInOrder(bool oldestFirst, int pageSize)
    {
        await using var database = await TestDatabase.CreateAsync(seed: false);
        await using (var db = database.CreateContext())
        {
            // Many items share a day, so the keyset has to break ties between statements and meetings.
            var data = new TestData(db);
            var a = data.AddActor("a", "North");
            var b = data.AddActor("b", "South");
            for (var i = 0; i < 40; i++)
            {
                data.AddStatement(i % 2 == 0 ? a : b, Day(12, 1 + i % 4), $"statement {i}");
            }
            for (var i = 0; i < 6; i++)
            {
                data.AddMeeting($"m{i}", Day(12, 1 + i % 4), a, b);
            }
            await data.SaveAsync();
        }
        var queries = database.Get<TimelineQueries>();
        var filter = await database.Get<FilterResolver>().ResolveAsync(DashboardFilter.Empty with { OldestFirst = oldestFirst });
        // The expected order from the rows themselves (plain SQL), not from the query under test: by date, statements
        // before meetings of a day, then by id — all reversed for newest first.
        var rows = new List<(DateOnly Date, int Kind, int Id)>();
        await using (var connection = await database.OpenConnectionAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT "Date", 0, "Id" FROM "Statements" UNION ALL SELECT "Date", 1, "Id" FROM "Meetings" """;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((TestSql.Date(reader, 0), reader.GetInt32(1), reader.GetInt32(2)));
            }
        }
        var expected = rows.OrderBy(r => r.Date).ThenBy(r => r.Kind).ThenBy(r => r.Id).Select(r => (r.Kind, r.Id)).ToList();
        if (!oldestFirst)
        {
            expected.Reverse();
        }

        var paged = new List<TimelineItem>();
        TimelineCursor? cursor = null;
        do
        {
            var page = await queries.GetPageAsync(filter, cursor, pageSize);
            Assert.True(page.Items.Count <= pageSize);
            paged.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(46, expected.Count);
        Assert.Equal(expected, paged.Select(i => (i.KindOrder, i.Id)));
        var dates = paged.Select(i => i.Date).ToList();
        Assert.Equal(oldestFirst ? dates.Order() : dates.OrderDescending(), dates);
    }
}
