using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests;

/// <summary>The real app seeded with the seed data plus rows whose texts are attacks or layout breakers.</summary>
public sealed class HostileServer : IAsyncLifetime
{
    public const string ScriptQuote = "<script>alert('quote')</script>";
    public const string ImgName = "Evil <img src=x onerror=alert('name')> Actor";
    public static readonly string LongQuote = new('Ж', 10_000);
    public const string Rtl = "\u202Eevil role\u202C";
    public const string MeetingTitle = "<iframe src=javascript:alert('meeting')></iframe>";

    private readonly string _seed = Directory.CreateTempSubdirectory("peacetalks-hostile-").FullName;

    public AppServer App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data"), "*.csv"))
        {
            File.Copy(file, Path.Combine(_seed, Path.GetFileName(file)));
        }
        Append("actors.csv", ["hostile-actor", ImgName, "person", Rtl, "Ukraine", new string('W', 1000)]);
        Append("sources.csv", ["hostile-source", "<b onmouseover=alert('title')>Bold title</b>", "=HYPERLINK(\"x\")", "https://example.org/ok", "2025-12-03", "day", "news-report"]);
        Append("meetings.csv", ["hostile-meeting", MeetingTitle, "\u202Eecalp", "2025-12-03", "day", "on", "60",
            "hostile-actor:host|vladimir-putin:participant", "</p><script>alert('outcome')</script>" + new string('x', 500), "hostile-source"]);
        Append("statements.csv", ["hostile-1", "hostile-actor", ImgName, "2025-12-03", "day", "on", "quote", ScriptQuote, "speech", "first-hand", "hostile-source", "", "hostile-meeting", "security-guarantees", "", ""]);
        Append("statements.csv", ["hostile-2", "hostile-actor", ImgName, "2025-12-03", "day", "on", "quote", LongQuote, "speech", "first-hand", "hostile-source", "", "", "", "", ""]);
        Append("statements.csv", ["hostile-3", "hostile-actor", ImgName, "2025-12-03", "day", "on", "paraphrase", "javascript:alert('text') " + Rtl, "speech", "reported", "hostile-source", "", "", "", "ru", "<svg onload=alert('original')>"]);
        Append("positions.csv", ["hostile-actor", ImgName, "Ukraine", "security-guarantees", "x", "2025-12-03", "day", "supports", "<svg onload=alert('summary')>", "hostile-1", ""]);

        App = new AppServer { SeedDirectory = _seed };
        App.Start();

        // A link that the importer would refuse, as if it had reached the database some other way.
        await using var connection = new SqliteConnection($"Data Source={App.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE Sources SET Url = 'javascript:alert(''url'')' WHERE Key = 'hostile-source'";
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    /// <summary>Adds a row; columns after the given cells (those added since the test was written) are left empty.</summary>
    private void Append(string file, string[] cells)
    {
        var path = Path.Combine(_seed, file);
        var columns = File.ReadLines(path).First().Split(',').Length;
        var row = cells.Concat(Enumerable.Repeat("", Math.Max(0, columns - cells.Length)));
        File.AppendAllText(path, string.Join(",", row.Select(Quote)) + "\r\n", new UTF8Encoding(false));
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

[Collection(BrowserCollection.Name)]
public sealed class HostileDataTests(BrowserFixture fixture, HostileServer hostile) : IClassFixture<HostileServer>
{
    [Theory]
    [InlineData("/", 1366)]
    [InlineData("/timeline", 1366)]
    [InlineData("/timeline?actor=hostile-actor", 390)]
    [InlineData("/stances?actor=hostile-actor", 1366)]
    [InlineData("/actors", 1366)]
    [InlineData("/actors/hostile-actor", 390)]
    [InlineData("/actors/hostile-actor", 1366)]
    [InlineData("/meetings", 1366)]
    [InlineData("/meetings/hostile-meeting", 390)]
    [InlineData("/meetings/hostile-meeting", 1366)]
    public async Task HostileTextIsShownAsTextRunsNothingAndBreaksNoLayout(string path, int width)
    {
        var page = await fixture.NewPageAsync(hostile.App.BaseUrl, width, 844);
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) => { dialogs.Add(dialog.Message); await dialog.DismissAsync(); };

        await page.GotoAsync(path);
        await new HomePage(page).WaitForInteractiveAsync();
        // Wait until the hostile text itself is on the screen: any script it smuggled in would have run by then.
        await Expect(page.GetByText(path == "/meetings" ? HostileServer.MeetingTitle : HostileServer.ImgName).Filter(new() { Visible = true }).First).ToBeVisibleAsync();
        await page.EvaluateAsync("() => Promise.all(document.getAnimations().map(a => a.finished))");

        Assert.Empty(dialogs);
        Assert.Equal(0, await page.Locator("img[src='x'], iframe, svg[onload], b[onmouseover]").CountAsync());
        Assert.Equal(0, await page.Locator("a[href^='javascript:' i]").CountAsync());
        var scripts = await page.EvaluateAsync<string[]>("() => [...document.scripts].map(s => s.src || s.textContent)");
        Assert.DoesNotContain(scripts, s => s.Contains("alert(", StringComparison.Ordinal));
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a {width}px screen");
        if (path.StartsWith("/timeline", StringComparison.Ordinal) || path.StartsWith("/actors/", StringComparison.Ordinal))
        {
            // Look in the cards: on a phone the filter panel (with the actor chip) is folded away.
            var cards = page.Locator(".statement-card");
            await Expect(cards.GetByText(HostileServer.ScriptQuote).First).ToBeVisibleAsync();
            await Expect(cards.GetByText(HostileServer.ImgName).First).ToBeVisibleAsync();
        }
        await BrowserFixture.ScreenshotAsync(page, "hostile" + path.Replace('/', '-').Replace('?', '-').Replace('=', '-') + $"-{width}");
    }

    [Fact]
    public async Task TheEvidenceDrawerAndTheSearchShowHostileTextAsText()
    {
        var page = await fixture.NewPageAsync(hostile.App.BaseUrl);
        var dialogs = 0;
        page.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };
        var stances = new StancesPage(page);
        await page.GotoAsync("/stances?actor=hostile-actor");
        await stances.WaitForInteractiveAsync();

        await stances.OpenCellWithKeyboardAsync("hostile-actor", "security-guarantees");
        await Expect(stances.Evidence).ToContainTextAsync("<svg onload=alert('summary')>");
        await Expect(stances.Evidence).ToContainTextAsync(HostileServer.ScriptQuote);
        await page.Keyboard.PressAsync("Escape");

        var search = await stances.OpenSearchAsync();
        await search.PressSequentiallyAsync("<script>", new() { Delay = 30 });
        await Expect(page.GetByRole(AriaRole.Option).Filter(new() { HasText = "<script>alert('quote')</script>" })).ToBeVisibleAsync();

        Assert.Equal(0, dialogs);
    }
}
