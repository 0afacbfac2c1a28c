using PeaceTalks.Web.Editing;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Tests.Infrastructure;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Tests.Csv;

public sealed class CsvImporterTests
{
    private static async Task<(int Statements, int Links, string Hash)> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var texts = await db.Statements.OrderBy(s => s.Id).Select(s => s.Key + s.Text + s.Date).ToListAsync();
        return (texts.Count, await db.StatementIssues.CountAsync(), string.Join("|", texts).GetHashCode().ToString());
    }

    [Fact]
    public async Task AFileWithThreeBadRowsListsExactlyThoseAndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var rows = Enumerable.Range(1, 100).Select(i => CsvTestFiles.StatementRow(i)).ToList();
        rows[15] = CsvTestFiles.StatementRow(16, date: "2025-13-45");        // spreadsheet row 17
        rows[38] = CsvTestFiles.StatementRow(39, actor: "nobody-at-all");    // row 40
        rows[86] = CsvTestFiles.StatementRow(87, kind: "rumour");            // row 88
        var file = CsvTestFiles.File(rows);
        var before = await SnapshotAsync(database);
        var importer = database.Get<CsvImporter>();

        var preview = await importer.PreviewAsync(CsvTestFiles.Utf8(file), "statements.csv");
        var import = await importer.ImportAsync(CsvTestFiles.Utf8(file), "statements.csv", Editor.System);

        Assert.Equal(
        [
            "row 17, column date: '2025-13-45' is not a date (expected YYYY-MM-DD)",
            "row 40, column actor: 'nobody-at-all' is not a known actor slug",
            "row 88, column kind: 'rumour' is not one of: quote, paraphrase",
        ], preview.Errors.Select(e => e.ToString()));
        Assert.Equal(100, preview.Rows);
        Assert.False(import.Written);
        Assert.Equal(3, import.Errors.Count);
        Assert.Equal(before, await SnapshotAsync(database));
    }

    [Fact]
    public async Task ACleanFileIsPreviewedThenWrittenAndASecondImportChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = CsvTestFiles.File(Enumerable.Range(1, 100).Select(i => CsvTestFiles.StatementRow(i)));
        var importer = database.Get<CsvImporter>();
        var before = await SnapshotAsync(database);

        var preview = await importer.PreviewAsync(CsvTestFiles.Utf8(file), "statements.csv");
        Assert.Equal(before, await SnapshotAsync(database));
        var first = await importer.ImportAsync(CsvTestFiles.Utf8(file), "statements.csv", Editor.System);
        var afterFirst = await SnapshotAsync(database);
        var second = await importer.ImportAsync(CsvTestFiles.Utf8(file, bom: true), "statements.csv", Editor.System);

        Assert.Equal((100, 0, 0, false), (preview.Added, preview.Updated, preview.Unchanged, preview.Written));
        Assert.Equal((100, 0, 0, true), (first.Added, first.Updated, first.Unchanged, first.Written));
        Assert.Equal((0, 0, 100), (second.Added, second.Updated, second.Unchanged));
        Assert.Equal(before.Statements + 100, afterFirst.Statements);
        Assert.Equal(afterFirst, await SnapshotAsync(database));
    }

    [Fact]
    public async Task AChangedRowIsAnUpdateMatchedByItsKey()
    {
        await using var database = await TestDatabase.CreateAsync();
        var importer = database.Get<CsvImporter>();
        await importer.ImportAsync(CsvTestFiles.Utf8(CsvTestFiles.File([CsvTestFiles.StatementRow(1), CsvTestFiles.StatementRow(2)])), "s.csv", Editor.System);

        var report = await importer.ImportAsync(
            CsvTestFiles.Utf8(CsvTestFiles.File([CsvTestFiles.StatementRow(1, text: "Corrected wording"), CsvTestFiles.StatementRow(2)])), "s.csv", Editor.System);

        Assert.Equal((0, 1, 1), (report.Added, report.Updated, report.Unchanged));
        await using var db = database.CreateContext();
        Assert.Equal("Corrected wording", (await db.Statements.SingleAsync(s => s.Key == "bulk-1")).Text);
    }

    [Fact]
    public async Task AnImportThatDiesHalfWayLeavesTheDatabaseAsItWas()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = CsvTestFiles.File(Enumerable.Range(1, 3000).Select(i => CsvTestFiles.StatementRow(i)));
        var before = await SnapshotAsync(database);
        var crash = new CrashAfter(1000);

        await Assert.ThrowsAsync<IOException>(() => database.Get<CsvImporter>().ImportAsync(CsvTestFiles.Utf8(file), "statements.csv", Editor.System, crash));

        Assert.True(crash.Written >= 1000);
        Assert.Equal(before, await SnapshotAsync(database));
    }

    [Fact]
    public async Task ACancelledImportLeavesTheDatabaseAsItWas()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = CsvTestFiles.File(Enumerable.Range(1, 3000).Select(i => CsvTestFiles.StatementRow(i)));
        var before = await SnapshotAsync(database);
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAfter(1000, cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            database.Get<CsvImporter>().ImportAsync(CsvTestFiles.Utf8(file), "statements.csv", Editor.System, progress, cancel.Token));

        Assert.Equal(before, await SnapshotAsync(database));
    }

    private sealed class CrashAfter(int rows) : IProgress<ImportProgress>
    {
        public int Written { get; private set; }

        public void Report(ImportProgress value)
        {
            if (value.Stage == ImportStage.Writing && value.Done >= rows)
            {
                Written = value.Done;
                throw new IOException("Simulated crash in the middle of writing");
            }
        }
    }

    private sealed class CancelAfter(int rows, CancellationTokenSource cancel) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.Stage == ImportStage.Writing && value.Done >= rows)
            {
                cancel.Cancel();
            }
        }
    }

    [Theory]
    [InlineData("actor,issue,as_of,as_of_precision,stance,summary,evidence\r\nvolodymyr-zelensky,security-guarantees,2025-12-04,day,adores,Fine.,zelensky-waiting-for-signals\r\n",
        "row 2, column stance: 'adores' is not one of: supports, leans-support, ambiguous, leans-against, opposes")]
    [InlineData("slug,name,kind,role,side,alternative_names\r\nnew-actor,,person,,Ukraine,\r\n",
        "row 2, column name: is required but empty")]
    [InlineData("slug,name,kind,role,side,alternative_names\r\nNot A Slug,Name,person,,Ukraine,\r\n",
        "row 2, column slug: 'Not A Slug' is not a valid slug (lower-case letters, digits and single hyphens, e.g. 'vladimir-putin')")]
    [InlineData("slug,name,description\r\nsame,One,First.\r\nsame,Two,Second.\r\n",
        "row 3, column slug: 'same' is a duplicate: the same slug is on row 2")]
    [InlineData("key,title,outlet,url,published_on,published_precision,kind\r\nbad-url,Title,,javascript:alert(1),,,news-report\r\n",
        "row 2, column url: 'javascript:alert(1)' is not an http:// or https:// address")]
    [InlineData("key,title,outlet,url,published_on,published_precision,kind\r\nmay,Title,,,2025-05-17,month,interview\r\n",
        "row 2, column published_on: '2025-05-17' has precision month, so it must be written as 2025-05-01")]
    [InlineData("slug,name,description\r\na,\"unclosed,quote\r\n",
        "row 2: opens a double quote that is never closed")]
    [InlineData("slug,name,description\r\na,b\r\n",
        "row 2: has 2 cells, but the header has 3")]
    public async Task EachBadValueGetsAMessageNamingRowColumnValueAndReason(string file, string expected)
    {
        await using var database = await TestDatabase.CreateAsync();

        var report = await database.Get<CsvImporter>().PreviewAsync(CsvTestFiles.Utf8(file), "bad.csv");

        Assert.Contains(expected, report.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task AQuoteLongerThanTheLimitIsRefused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = CsvTestFiles.File([CsvTestFiles.StatementRow(1, text: new string('a', 20_001))]);

        var report = await database.Get<CsvImporter>().PreviewAsync(CsvTestFiles.Utf8(file), "long.csv");

        Assert.EndsWith("is 20,001 characters long; the limit is 20,000", Assert.Single(report.Errors).ToString());
    }

    [Fact]
    public async Task AnUnknownHeaderNamesTheClosestFormatAndWhatIsMissing()
    {
        await using var database = await TestDatabase.CreateAsync();

        var report = await database.Get<CsvImporter>().PreviewAsync(CsvTestFiles.Utf8("slug,name,kind,side,colour\r\na,b,person,c,red\r\n"), "x.csv");

        var message = Assert.Single(report.Errors).ToString();
        Assert.Contains("Closest is the actors format (unknown colour)", message);
        Assert.Null(report.Format);
    }

    [Fact]
    public async Task UtfSixteenAndLatinOneFilesAreRefusedWithAMessage()
    {
        await using var database = await TestDatabase.CreateAsync();
        var importer = database.Get<CsvImporter>();
        var text = "slug,name,description\r\ncafe,Café,Crème brûlée.\r\n";

        var utf16 = await importer.PreviewAsync(new MemoryStream([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]), "utf16.csv");
        var latin1 = await importer.PreviewAsync(new MemoryStream(Encoding.Latin1.GetBytes(text)), "latin1.csv");
        var utf8 = await importer.PreviewAsync(CsvTestFiles.Utf8(text, bom: true), "utf8.csv");

        Assert.Contains("UTF-16", Assert.Single(utf16.Errors).ToString());
        Assert.Contains("not UTF-8 text (the first bad bytes are on line 2)", Assert.Single(latin1.Errors).ToString());
        Assert.False(utf8.HasErrors);
        Assert.Equal(1, utf8.Added);
    }

    [Fact]
    public async Task AnEmptyFileOrAHeaderWithoutRowsIsExplained()
    {
        await using var database = await TestDatabase.CreateAsync();
        var importer = database.Get<CsvImporter>();

        var empty = await importer.PreviewAsync(new MemoryStream(), "empty.csv");
        var headerOnly = await importer.PreviewAsync(CsvTestFiles.Utf8("slug,name,description\r\n"), "header.csv");

        Assert.Contains("empty", Assert.Single(empty.Errors).ToString());
        Assert.Contains("no data rows", Assert.Single(headerOnly.Errors).ToString());
    }

    [Fact]
    public async Task ImportedMarkupIsStoredAsPlainText()
    {
        await using var database = await TestDatabase.CreateAsync();
        var text = "<script>alert(1)</script><img src=x onerror=alert(2)>";

        var report = await database.Get<CsvImporter>().ImportAsync(
            CsvTestFiles.Utf8(CsvTestFiles.File([CsvTestFiles.StatementRow(1, text: text)])), "markup.csv", Editor.System);

        Assert.True(report.Written);
        await using var db = database.CreateContext();
        Assert.Equal(text, (await db.Statements.SingleAsync(s => s.Key == "bulk-1")).Text);
    }
}
