using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PeaceTalks.Benchmarks;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Tests.Infrastructure;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Tests.Services;

/// <summary>
/// The in-memory stance index against a brute-force reading of the same file: every cell as of a day, and who moved
/// between two days, on random synthetic data, and again after random imports, edits and retractions.
/// </summary>
public sealed class StanceIndexTests
{
    private sealed record Row(int Id, int Actor, int Issue, DateOnly AsOf, string Stance);

    /// <summary>Every live position, read with plain SQL: the reference the index is compared with.</summary>
    private static async Task<List<Row>> PositionsAsync(TestDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id", "ActorId", "IssueId", "AsOf", "Stance" FROM "Positions" WHERE "RetractedAt" IS NULL""";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2),
                TestSql.Date(reader, 3), reader.GetString(4)));
        }
        return rows;
    }

    private static Dictionary<(int, int), Row> BruteForceAsOf(List<Row> rows, DateOnly? day) =>
        rows.Where(r => day is null || r.AsOf <= day)
            .GroupBy(r => (r.Actor, r.Issue))
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.AsOf)!);

    private static async Task AssertIndexMatchesAsync(TestDatabase database, Random random, int checks)
    {
        var rows = await PositionsAsync(database);
        var index = database.Get<StanceIndex>();
        var actors = rows.Select(r => r.Actor).Distinct().ToList();
        var issues = rows.Select(r => r.Issue).Distinct().ToList();
        var first = rows.Min(r => r.AsOf);
        var span = rows.Max(r => r.AsOf).DayNumber - first.DayNumber;
        Assert.True(rows.Count > 100, "Too few positions for the comparison to mean much");

        for (var check = 0; check < checks; check++)
        {
            var asOf = check == 0 ? (DateOnly?)null : first.AddDays(random.Next(span + 30));
            var since = first.AddDays(random.Next(-30, Math.Max(1, (asOf ?? first.AddDays(span)).DayNumber - first.DayNumber)));

            var expectedNow = BruteForceAsOf(rows, asOf);
            var expectedThen = BruteForceAsOf(rows, since);
            var cells = await index.CellsAsync(actors, issues, asOf, since);
            Assert.Equal(expectedNow.Count, cells.Count);
            foreach (var (key, row) in expectedNow)
            {
                var cell = cells[key];
                Assert.Equal((row.Id, row.Stance, row.AsOf), (cell.PositionId, KebabCase<Stance>.ToWord(cell.Stance), cell.AsOf));
                Assert.Equal(expectedThen.TryGetValue(key, out var then) ? then.Stance : null, cell.Before is { } b ? KebabCase<Stance>.ToWord(b) : null);
            }

            var expectedMoves = expectedNow.Where(c => !expectedThen.TryGetValue(c.Key, out var then) || then.Stance != c.Value.Stance)
                .Select(c => c.Key).OrderBy(k => k).ToList();
            var (total, latest) = await index.ChangesAsync(null, null, asOf, since, int.MaxValue);
            Assert.Equal(expectedMoves.Count, total);
            Assert.Equal(expectedMoves, latest.Select(c => (c.ActorId, c.IssueId)).OrderBy(k => k));
            Assert.Equal(cells.Where(c => c.Value.Changed).Select(c => c.Key).OrderBy(k => k), expectedMoves);
        }
    }

    private static async Task<TestDatabase> SyntheticAsync(int seed)
    {
        return await TestDatabase.CreateSyntheticAsync(SyntheticSize.Tiny with { Seed = seed });
    }

    [Theory]
    [InlineData(11)]
    [InlineData(22)]
    [InlineData(33)]
    public async Task EveryCellAndWhoMovedMatchABruteForceReadingOfRandomData(int seed)
    {
        await using var database = await SyntheticAsync(seed);

        await AssertIndexMatchesAsync(database, new Random(seed), checks: 12);
    }

    [Theory]
    [InlineData(44)]
    [InlineData(55)]
    public async Task TheIndexStaysRightAfterRandomImportsEditsAndRetractions(int seed)
    {
        await using var database = await SyntheticAsync(seed);
        var random = new Random(seed);
        await AssertIndexMatchesAsync(database, random, checks: 2); // built before the changes

        for (var round = 0; round < 3; round++)
        {
            await ImportRandomPositionsAsync(database, random, rows: 40);
            await AssertIndexMatchesAsync(database, random, checks: 4);
            await EditRandomPositionsAsync(database, random, edits: 5);
            await AssertIndexMatchesAsync(database, random, checks: 4);
        }
    }

    /// <summary>New positions and new stances for existing ones, written by the CSV importer as an editor would.</summary>
    private static async Task ImportRandomPositionsAsync(TestDatabase database, Random random, int rows)
    {
        var existing = await PositionsAsync(database);
        await using var connection = await database.OpenConnectionAsync();
        var file = new StringBuilder("actor,issue,as_of,as_of_precision,stance,summary,evidence\r\n");
        var keys = new HashSet<string>();
        for (var i = 0; i < rows; i++)
        {
            var basis = existing[random.Next(existing.Count)];
            var asOf = random.Next(2) == 0 ? basis.AsOf : basis.AsOf.AddDays(random.Next(1, 400));
            var actor = await ScalarAsync(connection, $"""SELECT "Slug" FROM "Actors" WHERE "Id" = {basis.Actor}""");
            var issue = await ScalarAsync(connection, $"""SELECT "Slug" FROM "Issues" WHERE "Id" = {basis.Issue}""");
            var evidence = await ScalarAsync(connection, $"""SELECT "Key" FROM "Statements" WHERE "ActorId" = {basis.Actor} AND "RetractedAt" IS NULL ORDER BY "Id" LIMIT 1""");
            if (!keys.Add($"{actor}|{issue}|{asOf:yyyy-MM-dd}"))
            {
                continue;
            }
            var stance = KebabCase<Stance>.AllWords[random.Next(5)];
            file.Append(CultureInfo.InvariantCulture, $"{actor},{issue},{asOf:yyyy-MM-dd},day,{stance},Imported in a test round.,{evidence}\r\n");
        }
        var report = await database.Get<CsvImporter>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(file.ToString())), "positions.csv", Editor.System);
        Assert.True(report.Written, string.Join("; ", report.Errors.Take(3)));
    }

    /// <summary>Stance changes and retractions through the edit forms' service.</summary>
    private static async Task EditRandomPositionsAsync(TestDatabase database, Random random, int edits)
    {
        var service = new RecordEditService(database.Factory, new EditorAccess(
            new TestAuthenticationStateProvider(await database.SignInAsAsync(AppRoles.Editor)), database.Get<IServiceScopeFactory>()));
        var existing = await PositionsAsync(database);
        await using var connection = await database.OpenConnectionAsync();
        for (var i = 0; i < edits; i++)
        {
            var row = existing[random.Next(existing.Count)];
            var key = $"{await ScalarAsync(connection, $"""SELECT "Slug" FROM "Actors" WHERE "Id" = {row.Actor}""")}|" +
                $"{await ScalarAsync(connection, $"""SELECT "Slug" FROM "Issues" WHERE "Id" = {row.Issue}""")}|{row.AsOf:yyyy-MM-dd}";
            var loaded = (await service.LoadAsync(RecordTypes.Positions, key))!;
            var result = i % 2 == 0
                ? await service.RetractAsync(RecordTypes.Positions, key, "Test round", loaded.Version, null)
                : await service.SaveAsync(RecordTypes.Positions, key,
                    new Dictionary<string, string?>(loaded.Values) { ["stance"] = KebabCase<Stance>.AllWords[random.Next(5)] }, loaded.Version, null);
            Assert.True(result is SaveResult.Saved or SaveResult.Unchanged, result.ToString());
        }
    }

    private static async Task<string> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
