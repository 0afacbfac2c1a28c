using System.Globalization;
using Microsoft.Playwright;

namespace PeaceTalks.LoadTest;

/// <summary>
/// Whether the load test's circuits cost the server what a reader's browser costs it (else its memory figures say
/// nothing): real Chromium pages and headless circuits on the same timeline, measured by the server itself (managed
/// heap after a full compacting collection) in its own process. A measurement for the report, not a pass/fail check:
/// on a busy machine the server's pools drift between readings (one CI run measured 0.595).
/// </summary>
public static class CircuitCalibration
{
    public sealed record Result(int PerKind, double BrowserBytesPerCircuit, double HeadlessBytesPerCircuit)
    {
        public double Ratio => HeadlessBytesPerCircuit / BrowserBytesPerCircuit;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"Managed heap per circuit on the timeline ({PerKind} of each): Chromium page {BrowserBytesPerCircuit / 1024:N0} KB, headless circuit {HeadlessBytesPerCircuit / 1024:N0} KB, ratio {Ratio:N2}");
    }

    /// <summary>
    /// Opens two of each first (so one-time costs are in the baseline), then sets of <paramref name="perSet"/> in the
    /// order browser, headless, headless, browser, so the server's drift falls on both kinds alike.
    /// </summary>
    /// <param name="openBrowserPage">Opens one Chromium page on the timeline, in a context of its own, and waits for its count.</param>
    public static async Task<Result> MeasureAsync(HttpClient http, Uri baseUrl, Func<Task> openBrowserPage, int perSet,
        List<HeadlessCircuit> headless, CancellationToken cancellationToken = default)
    {
        var expected = (await LoadRun.MemoryAsync(http, cancellationToken, collect: false)).Circuits;
        for (var i = 0; i < 2; i++)
        {
            await openBrowserPage();
            headless.Add(await OpenHeadlessAsync(http, baseUrl, cancellationToken));
        }
        expected += 4;
        var previous = await CircuitsAsync(http, expected, cancellationToken);
        var cost = new Dictionary<string, double> { ["browser"] = 0, ["headless"] = 0 };
        foreach (var kind in new[] { "browser", "headless", "headless", "browser" })
        {
            for (var i = 0; i < perSet; i++)
            {
                if (kind == "browser")
                {
                    await openBrowserPage();
                }
                else
                {
                    headless.Add(await OpenHeadlessAsync(http, baseUrl, cancellationToken));
                }
            }
            expected += perSet;
            var now = await CircuitsAsync(http, expected, cancellationToken);
            cost[kind] += now.ManagedBytes - previous.ManagedBytes;
            previous = now;
        }
        return new Result(2 * perSet, cost["browser"] / (2.0 * perSet), cost["headless"] / (2.0 * perSet));
    }

    /// <summary>The report's calibration with Debian's Chromium (or PEACETALKS_CHROMIUM); null when there is none.</summary>
    public static async Task<Result?> MeasureWithChromiumAsync(HttpClient http, Uri baseUrl, int perSet, CancellationToken cancellationToken)
    {
        var executable = Environment.GetEnvironmentVariable("PEACETALKS_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            return null;
        }
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            Headless = true, ExecutablePath = executable, Args = ["--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
        var headless = new List<HeadlessCircuit>();
        try
        {
            return await MeasureAsync(http, baseUrl, async () =>
            {
                // Each in its own browser context, as separate readers are; kept open until the end.
                var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl.ToString() });
                var page = await context.NewPageAsync();
                await page.GotoAsync("timeline");
                await page.GetByTestId("timeline-count").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            }, perSet, headless, cancellationToken);
        }
        finally
        {
            await Task.WhenAll(headless.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    private static async Task<HeadlessCircuit> OpenHeadlessAsync(HttpClient http, Uri baseUrl, CancellationToken cancellationToken)
    {
        var circuit = new HeadlessCircuit(http, baseUrl);
        await circuit.StartAsync("/timeline", "timeline-count", TimeSpan.FromSeconds(30), cancellationToken);
        return circuit;
    }

    /// <summary>The server's figures once it holds <paramref name="expected"/> circuits (a page's circuit starts after its load).</summary>
    private static async Task<LoadRun.ServerMemory> CircuitsAsync(HttpClient http, int expected, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var memory = await LoadRun.MemoryAsync(http, cancellationToken);
            if (memory.Circuits >= expected || DateTime.UtcNow > deadline)
            {
                return memory.Circuits == expected ? memory
                    : throw new InvalidOperationException($"The server holds {memory.Circuits} circuits; expected {expected}.");
            }
            await Task.Delay(200, cancellationToken);
        }
    }
}
