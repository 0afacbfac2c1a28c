extern alias loadtest;

using System.Globalization;
using System.Text;
using loadtest::PeaceTalks.LoadTest;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests;

/// <summary>An app seeded with 300 actors × 20 issues: the matrix must stay usable (rows read and rendered as they scroll).</summary>
public sealed class LargeMatrixServer : IDisposable
{
    public const int Actors = 300;
    public const int Issues = 20;

    private readonly string _seed = Directory.CreateTempSubdirectory("peacetalks-large-").FullName;

    public LargeMatrixServer()
    {
        string[] stances = ["supports", "leans-support", "ambiguous", "leans-against", "opposes"];
        Write("issues.csv", "slug,name,description", Enumerable.Range(1, Issues).Select(i => $"issue-{i:00},Issue {i:00},Synthetic issue {i}."));
        Write("actors.csv", "slug,name,kind,role,side,alternative_names",
            Enumerable.Range(1, Actors).Select(a => $"actor-{a:000},Actor {a:000},person,Synthetic role,Side {a / 50},"));
        Write("sources.csv", "key,title,outlet,url,published_on,published_precision,kind", ["synthetic,SYNTHETIC source,Synthetic Wire,,,,news-report"]);
        Write("statements.csv", "key,actor,date,date_precision,date_basis,kind,text,channel,attribution,source,via_source,meeting,issues,original_language,original_text",
            Enumerable.Range(1, Actors).Select(a => $"st-{a:000},actor-{a:000},2025-11-01,day,on,paraphrase,Synthetic statement {a}.,interview,reported,synthetic,,,,,"));
        Write("positions.csv", "actor,issue,as_of,as_of_precision,stance,summary,evidence",
            from a in Enumerable.Range(1, Actors)
            from i in Enumerable.Range(1, Issues)
            where (a + i) % 3 != 0
            select $"actor-{a:000},issue-{i:00},2025-11-01,day,{stances[(a * i) % 5]},Synthetic summary {a}-{i}.,st-{a:000}");
        App = new AppServer { SeedDirectory = _seed };
        App.Start();
    }

    public AppServer App { get; }

    private void Write(string file, string header, IEnumerable<string> rows) =>
        File.WriteAllText(Path.Combine(_seed, file), header + "\r\n" + string.Join("\r\n", rows) + "\r\n", new UTF8Encoding(false));

    public void Dispose() => App.Dispose();
}

[Collection(BrowserCollection.Name)]
public sealed class LargeMatrixTests(BrowserFixture fixture, LargeMatrixServer server) : IClassFixture<LargeMatrixServer>
{
    [Fact]
    public async Task HundredsOfActorsRenderOnlyTheRowsInViewAndHeadersStayPut()
    {
        var page = await fixture.NewPageAsync(server.App.BaseUrl, 1366, 900);
        var stances = new StancesPage(page);
        await stances.OpenAsync();

        await Expect(page.GetByTestId("matrix-count")).ToContainTextAsync($"{LargeMatrixServer.Actors} actors × {LargeMatrixServer.Issues} issues");
        await Expect(stances.RowHeaders.First).ToBeVisibleAsync();
        var rendered = await stances.RowHeaders.CountAsync();
        Assert.InRange(rendered, 5, LargeMatrixServer.Actors / 2);

        // Scroll to the end; rows load as they come into view.
        var scroller = page.Locator(".matrix-scroll");
        var last = stances.Cell($"actor-{LargeMatrixServer.Actors:000}", "issue-01");
        for (var i = 0; i < 40 && await last.CountAsync() == 0; i++)
        {
            var lastShown = await stances.RowHeaders.Last.TextContentAsync();
            await scroller.EvaluateAsync("el => el.scrollTop = el.scrollHeight");
            // Wait for the rows below to arrive (the last row on screen changes), not for a fixed time.
            await page.WaitForFunctionAsync("""
                previous => {
                  const rows = document.querySelectorAll('table.stance-matrix tbody th a.actor-link');
                  return rows.length > 0 && rows[rows.length - 1].textContent !== previous;
                }
                """, lastShown);
        }
        await Expect(last).ToBeVisibleAsync();

        // The column headers stick to the top of the scrolled matrix.
        var header = await page.Locator("table.stance-matrix thead th").Nth(1).BoundingBoxAsync();
        var box = await scroller.BoundingBoxAsync();
        Assert.InRange(header!.Y - box!.Y, -1, 2);
        await BrowserFixture.ScreenshotAsync(page, "stances-300-actors-scrolled");

        // A cell far down still opens its evidence.
        await stances.OpenCellWithKeyboardAsync($"actor-{LargeMatrixServer.Actors:000}", "issue-01");
        await Expect(stances.Evidence).ToContainTextAsync($"Synthetic statement {LargeMatrixServer.Actors}.");
    }

    [Fact]
    public async Task AWideMatrixShowsTwelveIssuesAtATimeAndTheAddressSaysWhich()
    {
        var page = await fixture.NewPageAsync(server.App.BaseUrl, 1366, 900);
        var stances = new StancesPage(page);
        await stances.OpenAsync();
        var headers = stances.ColumnHeaders;

        await Expect(page.GetByTestId("matrix-columns")).ToHaveTextAsync($"Issues 1–12 of {LargeMatrixServer.Issues}");
        await Expect(headers).ToHaveCountAsync(1 + 12);
        await Expect(page.GetByTestId("earlier-issues")).ToHaveCountAsync(0);

        await page.GetByTestId("more-issues").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("issues-page=2"));
        await Expect(page.GetByTestId("matrix-columns")).ToHaveTextAsync($"Issues 13–{LargeMatrixServer.Issues} of {LargeMatrixServer.Issues}");
        await Expect(headers.Nth(1)).ToHaveTextAsync("Issue 13");
        await Expect(page.GetByTestId("more-issues")).ToHaveCountAsync(0);
        await stances.OpenCellWithKeyboardAsync("actor-001", "issue-13");
        await Expect(stances.Evidence).ToContainTextAsync("Synthetic statement 1.");

        // A page of columns that does not exist shows the nearest one; a word shows the first.
        await page.GotoAsync("/stances?issues-page=99");
        await Expect(page.GetByTestId("matrix-columns")).ToHaveTextAsync($"Issues 13–{LargeMatrixServer.Issues} of {LargeMatrixServer.Issues}");
        await page.GotoAsync("/stances?issues-page=abc");
        await Expect(page.GetByTestId("matrix-columns")).ToHaveTextAsync($"Issues 1–12 of {LargeMatrixServer.Issues}");
    }

    [Fact]
    public async Task AHeadlessReaderThatReportsItsWindowGetsTheRowsInView()
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.App.BaseUrl) };
        await using var circuit = new HeadlessCircuit(http, new Uri(server.App.BaseUrl));

        // The virtualised matrix reads no rows until the client reports its 768-pixel window; then the first rows
        // (fifteen in a 768-pixel window of 52-pixel rows, with two more below) arrive in a render batch.
        await circuit.StartAsync("/stances", "Actor 015", TimeSpan.FromSeconds(15));

        Assert.NotNull(circuit.FirstClickable(LoadRun.StanceWords));
        Assert.Empty(circuit.Errors);
    }
}
