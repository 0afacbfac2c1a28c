using System.Text;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using PeaceTalks.Web.Models;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CsvTests(BrowserFixture fixture)
{
    private static string TempFile(string name, string content)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("peacetalks-upload-").FullName, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    [Trait("Category", "Postgres")]
    public async Task ExportingTheFilteredMatrixDownloadsOnlyThatActorsRows()
    {
        var page = await fixture.NewPageAsync();
        var stances = new StancesPage(page);
        await stances.OpenAsync("?actor=volodymyr-zelensky");
        await Expect(stances.RowHeaders).ToHaveTextAsync(["Volodymyr Zelensky"]);

        var download = await page.RunAndWaitForDownloadAsync(() => stances.ExportButton.ClickAsync());

        Assert.Matches(@"^peacetalks-stances-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
        var path = Path.Combine(BrowserFixture.ScreenshotFolder, "..", download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]), "The download has no UTF-8 byte-order mark");
        using var reader = CsvHelper.CsvReader.Create(new MemoryStream(bytes), new CsvHelper.CsvReaderOptions { Separator = ',', HasHeader = true });
        var actors = new List<string>();
        var issues = new List<string>();
        while (reader.Read())
        {
            actors.Add(reader.GetString("actor"));
            issues.Add(reader.GetString("issue"));
        }
        Assert.Equal(["volodymyr-zelensky", "volodymyr-zelensky", "volodymyr-zelensky"], actors);
        Assert.Equal(["ukrainian-sovereignty", "security-guarantees", "us-brokered-talks"], issues);
    }

    [Fact]
    [Trait("Category", "Postgres")]
    public async Task UploadingAFileWithErrorsListsEveryErrorAndImportsNothing()
    {
        var page = await fixture.NewSignedInPageAsync(AppRoles.Editor);
        var import = new ImportPage(page);
        await import.OpenAsync();
        var file = TempFile("statements-with-errors.csv",
            "key,actor,date,date_precision,date_basis,kind,text,channel,attribution,source,via_source,meeting,issues,original_language,original_text\r\n" +
            "ok-row,mike-pompeo,2025-12-02,day,on,quote,Fine,x-post,first-hand,pompeo-warns-2025-12-03,,,,,\r\n" +
            "bad-date,mike-pompeo,2025-13-45,day,on,quote,Text,x-post,first-hand,pompeo-warns-2025-12-03,,,,,\r\n" +
            "bad-actor,nobody,2025-12-02,day,on,quote,Text,x-post,first-hand,pompeo-warns-2025-12-03,,,,,\r\n");

        await import.ChooseFileAsync(file);

        await Expect(import.Errors).ToHaveCountAsync(2);
        await Expect(import.Errors.Nth(0)).ToContainTextAsync("row 3, column date: '2025-13-45' is not a date (expected YYYY-MM-DD)");
        await Expect(import.Errors.Nth(1)).ToContainTextAsync("row 4, column actor: 'nobody' is not a known actor slug");
        await Expect(import.Message).ToContainTextAsync("The database is unchanged");
        await Expect(import.ImportButton).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "import-errors");
    }

    [Fact]
    [Trait("Category", "Postgres")]
    public async Task ACleanFileIsPreviewedAndThenImported()
    {
        var page = await fixture.NewSignedInPageAsync(AppRoles.Editor);
        var import = new ImportPage(page);
        await import.OpenAsync();
        var file = TempFile("sources.csv",
            "key,title,outlet,url,published_on,published_precision,kind\r\n" +
            "browser-test-source,A source added by the browser test,Test Desk,https://example.org/report,2025-12-04,day,news-report\r\n");

        await import.ChooseFileAsync(file);
        await Expect(import.Counts).ToContainTextAsync("1 to add");
        await BrowserFixture.ScreenshotAsync(page, "import-preview");
        await import.ImportButton.ClickAsync();

        await Expect(import.Message).ToContainTextAsync("Imported 'sources.csv': 1 added, 0 updated, 0 unchanged.");
        var sources = await page.APIRequest.GetAsync("/export/sources.csv");
        Assert.Contains("browser-test-source,A source added by the browser test", await sources.TextAsync());
    }
}
