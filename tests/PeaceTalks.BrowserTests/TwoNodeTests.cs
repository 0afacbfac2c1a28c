using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using PeaceTalks.Web.Models;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests;

/// <summary>
/// PeaceTalks on PostgreSQL with two nodes behind the proxy (deploy/compose.yaml without Docker), and a database that
/// goes away under a running app. These need the test PostgreSQL server (bash .ci/with-postgres …).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "TwoNodes")]
public sealed class TwoNodeTests(BrowserFixture fixture)
{
    private const string StatementPath = "/statements/ushakov-no-compromise";

    [Fact]
    public async Task ThroughTheProxyAnEditorStaysSignedInAcrossNodesAndAStoppedNodeCostsNothingSaved()
    {
        await using var cluster = await Cluster.StartAsync();
        await cluster.CreateUserAsync("editor@peacetalks.test", "Cluster Editor", AppRoles.Editor);
        var page = await fixture.NewPageAsync(cluster.ProxyUrl);

        // Signed in through the proxy; the proxy keeps this browser on one node (its cookie).
        await new SignInPage(page).SignInAsync("editor@peacetalks.test", AppServer.Password);
        var first = await page.GotoAsync("/timeline");
        var home = cluster.NodeNamed(first!.Headers["x-peacetalks-node"]);
        var other = cluster.Nodes.Single(n => n != home);
        Assert.Equal(home.Name, (await page.GotoAsync("/actors"))!.Headers["x-peacetalks-node"]);

        // An edit through one node is what the other node shows.
        var form = new RecordFormPage(page);
        await form.OpenAsync(StatementPath + "/edit");
        await form.FillAsync("text", $"Corrected through {home.Name}.");
        await form.SaveAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(StatementPath) + "$"));
        using var http = new HttpClient();
        Assert.Contains($"Corrected through {home.Name}.", await http.GetStringAsync(other.Url + StatementPath));

        // An import on this node while the other one serves readers: every read answers, none waits for the import.
        var import = new ImportPage(page);
        await import.OpenAsync();
        await import.ChooseFileAsync(StatementsFile(2_000));
        await Expect(import.Counts).ToContainTextAsync("to add");
        var reads = new List<(HttpStatusCode Status, double Ms)>();
        using var importing = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            while (!importing.IsCancellationRequested)
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync(other.Url + "/timeline");
                reads.Add((response.StatusCode, clock.Elapsed.TotalMilliseconds));
            }
        });
        await import.ImportButton.ClickAsync();
        await Expect(import.Message).ToContainTextAsync("Imported 'statements.csv'", new() { Timeout = 60_000 });
        await importing.CancelAsync();
        await reader;
        Assert.NotEmpty(reads);
        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Contains("bulk-1999", await http.GetStringAsync(other.Url + "/export/statements.csv"));

        // The node holding the live page stops dead. The page says the connection was lost, comes back through the
        // proxy from the other node, and the editor is still signed in with the edit in place.
        await page.GotoAsync(StatementPath);
        await new HomePage(page).WaitForInteractiveAsync();
        await page.EvaluateAsync("""
            () => {
              sessionStorage.removeItem('sawConnectionLost');
              const dialog = document.getElementById('components-reconnect-modal');
              new MutationObserver(() => { if (dialog.open) sessionStorage.setItem('sawConnectionLost', dialog.textContent); })
                .observe(dialog, { attributes: true });
            }
            """);
        var reload = page.WaitForResponseAsync(r => r.Url.EndsWith(StatementPath, StringComparison.Ordinal) && r.Request.IsNavigationRequest,
            new() { Timeout = 60_000 });
        await home.KillAsync();

        var answer = await reload;
        Assert.Equal(other.Name, answer.Headers["x-peacetalks-node"]);
        // Polled in the frame, so the reload (which may still be replacing the document) does not break the check.
        var sawConnectionLost = await page.WaitForFunctionAsync("() => sessionStorage.getItem('sawConnectionLost')", null, new() { Timeout = 30_000 });
        Assert.Contains("Connection lost", await sawConnectionLost.JsonValueAsync<string>());
        await Expect(page.GetByTestId("user-name")).ToContainTextAsync("Cluster Editor");
        await Expect(page.Locator(".statement-card").First).ToContainTextAsync($"Corrected through {home.Name}.");
        await new HomePage(page).WaitForInteractiveAsync();
        await BrowserFixture.ScreenshotAsync(page, "two-nodes-after-failover");
    }

    [Fact]
    public async Task WhenTheDatabaseGoesAwayHealthSaysSoPagesSayWhyAndBothComeBackWithIt()
    {
        var stop = Environment.GetEnvironmentVariable("PEACETALKS_TEST_POSTGRES_STOP");
        var start = Environment.GetEnvironmentVariable("PEACETALKS_TEST_POSTGRES_START");
        TestPostgresServer.Require();
        Assert.False(string.IsNullOrEmpty(stop) || string.IsNullOrEmpty(start), "Run through .ci/with-postgres, which says how to stop and start its server");
        await using var cluster = await Cluster.StartAsync();
        var node = cluster.Node1;
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(node.Url + "/health/ready")).StatusCode);

        await ShellAsync(stop!);
        try
        {
            using var ready = await http.GetAsync(node.Url + "/health/ready");
            using var live = await http.GetAsync(node.Url + "/health/live");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);

            var page = await fixture.NewPageAsync(node.Url);
            var response = await page.GotoAsync("/timeline");
            Assert.Equal(200, response!.Status);
            await Expect(page.GetByTestId("database-down")).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, "database-down");
            // A reader asking again gets the same message, not an error page or a loop of them.
            await page.ReloadAsync();
            await Expect(page.GetByTestId("database-down")).ToBeVisibleAsync();
        }
        finally
        {
            await ShellAsync(start!);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            using var ready = await http.GetAsync(node.Url + "/health/ready");
            status = ready.StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline && await Delay());
        Assert.Equal(HttpStatusCode.OK, status);
        var again = await fixture.NewPageAsync(node.Url);
        await again.GotoAsync("/timeline");
        await Expect(again.Locator(".statement-card").First).ToBeVisibleAsync();
        Assert.False(node.HasExited);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(200);
        return true;
    }

    private static async Task ShellAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"`{command}` failed: {await errors}");
    }

    /// <summary>A statements file of new rows for the seeded actor and source.</summary>
    private static string StatementsFile(int rows)
    {
        var text = new StringBuilder("key,actor,date,date_precision,date_basis,kind,text,channel,attribution,source,via_source,meeting,issues,original_language,original_text\r\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append($"bulk-{i},volodymyr-zelensky,2025-11-01,day,on,quote,\"Bulk statement number {i}\",interview,first-hand,pompeo-warns-2025-12-03,,,security-guarantees,,\r\n");
        }
        var path = Path.Combine(Directory.CreateTempSubdirectory("peacetalks-import-").FullName, "statements.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
