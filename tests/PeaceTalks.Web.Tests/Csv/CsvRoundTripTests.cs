using PeaceTalks.Web.Editing;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Tests.Infrastructure;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Tests.Csv;

public sealed class CsvRoundTripTests
{
    /// <summary>Texts that break naive CSV: formula starters, quotes, separators, line breaks, Cyrillic, emoji, a 10,000-character quote.</summary>
    public static readonly string[] HostileTexts =
    [
        "=1+1", "+SUM(A1)", "-2", "@cmd", "\tleading tab", "'=already neutralised", "He said \"no\", twice",
        "comma, inside", "line one\r\nline two", "Зеленський: «мир» 🕊️", new string('Ж', 10_000),
    ];

    private static async Task<TestDatabase> HostileDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var actor = new Actor
        {
            Slug = "formula-actor", Name = "=HYPERLINK(\"http://evil\")", Kind = ActorKind.Organisation, Side = "@Side",
            Role = "-role", AlternativeNames = "Володимир Зеленський | Zelenskyy",
        };
        var source = new Source { Key = "formula-source", Title = "+Title", Outlet = "=Outlet", Kind = SourceKind.Other };
        var issue = await db.Issues.FirstAsync(i => i.Slug == "security-guarantees");
        db.AddRange(actor, source);
        var statements = HostileTexts.Select((text, i) => new Statement
        {
            Key = $"hostile-{i}", Actor = actor, Text = text, Kind = TextKind.Quote, Date = new DateOnly(2025, 12, 1),
            Channel = Channel.Speech, Attribution = Attribution.FirstHand, Source = source, OriginalLanguage = i == 9 ? "uk" : null,
            OriginalText = i == 9 ? "=Оригінал" : null, Issues = [new StatementIssue { Issue = issue }],
        }).ToList();
        db.Statements.AddRange(statements);
        db.Positions.Add(new Position
        {
            Actor = actor, Issue = issue, AsOf = new DateOnly(2025, 12, 1), Stance = Stance.LeansSupport, Summary = "@summary, \"quoted\"",
            Evidence = [new PositionEvidence { Statement = statements[0] }, new PositionEvidence { Statement = statements[5] }],
        });
        await db.SaveChangesAsync();
        return database;
    }

    [Fact]
    public async Task ExportingImportingIntoAnEmptyDatabaseAndExportingAgainGivesTheSameBytes()
    {
        await using var original = await HostileDatabaseAsync();
        var first = await CsvTestFiles.ExportAllAsync(original);

        await using var copy = await TestDatabase.CreateAsync(seed: false);
        foreach (var table in CsvTestFiles.TableOrder.Where(t => !CsvTestFiles.HeaderOnly(first[t])))
        {
            var report = await copy.Get<CsvImporter>().ImportAsync(new MemoryStream(first[table]), table + ".csv", Editor.System);
            Assert.True(report.Written, string.Join("; ", report.Errors));
        }
        var second = await CsvTestFiles.ExportAllAsync(copy);

        foreach (var table in CsvTestFiles.TableOrder)
        {
            Assert.True(first[table].AsSpan().SequenceEqual(second[table]), $"{table}.csv differs after the round trip");
        }
        await using var db = copy.CreateContext();
        var texts = await db.Statements.Where(s => s.Key.StartsWith("hostile-")).OrderBy(s => s.Id).Select(s => s.Text).ToListAsync();
        Assert.Equal(HostileTexts.Order(StringComparer.Ordinal), texts.Order(StringComparer.Ordinal));
        Assert.Equal("=HYPERLINK(\"http://evil\")", (await db.Actors.SingleAsync(a => a.Slug == "formula-actor")).Name);
    }

    [Fact]
    public async Task NoExportedCellStartsWithALiveFormulaAndTheFileStartsWithAByteOrderMark()
    {
        await using var database = await HostileDatabaseAsync();
        var files = await CsvTestFiles.ExportAllAsync(database);
        var cells = 0;

        foreach (var (table, bytes) in files)
        {
            Assert.True(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]), $"{table}.csv has no byte-order mark");
            using var reader = CsvHelper.CsvReader.Create(new MemoryStream(bytes), new CsvHelper.CsvReaderOptions { Separator = ',', HasHeader = true });
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var cell = reader.GetString(i);
                    cells++;
                    Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0]), $"{table}.csv has a live formula cell: {cell}");
                }
            }
        }
        Assert.True(cells > 500);
        var statements = Encoding.UTF8.GetString(files["statements"]);
        Assert.Contains(",'=1+1,", statements);
        Assert.Contains(",'+Title,", Encoding.UTF8.GetString(files["sources"]));
        Assert.Contains("\"He said \"\"no\"\", twice\"", statements);
        Assert.Contains("\"line one\r\nline two\"", statements);
        Assert.Contains("Зеленський: «мир» 🕊️", statements);
    }

    [Fact]
    public async Task ExportingTheSeededDatabaseReproducesTheCommittedDataFiles()
    {
        await using var database = await TestDatabase.CreateAsync();
        var files = await CsvTestFiles.ExportAllAsync(database);

        // The seed has no plans: their files are not in data/ and export with a header only.
        foreach (var table in CsvTestFiles.TableOrder.Where(t => !CsvTestFiles.HeaderOnly(files[t]) || File.Exists(Path.Combine(RepoPaths.DataFolder, t + ".csv"))))
        {
            var committed = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.DataFolder, table + ".csv"));
            // data/ files are written without the byte-order mark.
            Assert.True(files[table].AsSpan(3).SequenceEqual(committed), $"data/{table}.csv is not what the app exports; re-export it.");
        }
    }
}
