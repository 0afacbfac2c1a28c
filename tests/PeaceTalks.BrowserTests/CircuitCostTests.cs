extern alias loadtest;

using loadtest::PeaceTalks.LoadTest;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;

namespace PeaceTalks.BrowserTests;

/// <summary>
/// The load test's comparison of a headless circuit with a Chromium page (CircuitCalibration) works: both kinds open
/// on the timeline, the server counts each as a circuit and measures its memory. The ratio itself is a measurement
/// and is printed in the load test's report; it is not checked here, where a busy machine makes it drift.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CircuitCostTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheLoadTestsCircuitCostComparisonOpensBothKindsAndTheServerMeasuresEach()
    {
        var folder = Directory.CreateTempSubdirectory("peacetalks-circuits-");
        await using var node = Node.Start("memory", Cluster.Built("PeaceTalks.Web"), Cluster.FreePort(), new Dictionary<string, string>
        {
            ["ConnectionStrings__PeaceTalks"] = $"Data Source={Path.Combine(folder.FullName, "circuits.db")}",
            ["Diagnostics__MemoryEndpoint"] = "true",
            // A build output finds its scripts through the development manifest only (see Cluster).
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        await node.WaitForOkAsync("/health/ready");
        using var http = new HttpClient { BaseAddress = new Uri(node.Url + "/"), Timeout = TimeSpan.FromSeconds(30) };
        var headless = new List<HeadlessCircuit>();
        try
        {
            var result = await CircuitCalibration.MeasureAsync(http, new Uri(node.Url + "/"), async () =>
            {
                var timeline = new TimelinePage(await fixture.AnotherPageAsync(node.Url));
                await timeline.OpenAsync();
                await Microsoft.Playwright.Assertions.Expect(timeline.Count).ToBeVisibleAsync();
            }, perSet: 1, headless);

            TestContext.Current.TestOutputHelper?.WriteLine(result.ToString());
            // Four circuits of each kind, every one counted by the server (MeasureAsync waits for each count).
            Assert.Equal(2, result.PerKind);
            Assert.Equal(4, headless.Count);
            Assert.Equal(8, (await LoadRun.MemoryAsync(http, CancellationToken.None, collect: false)).Circuits);
            Assert.True(double.IsFinite(result.Ratio), result.ToString());
        }
        finally
        {
            await Task.WhenAll(headless.Select(c => c.DisposeAsync().AsTask()));
            folder.Delete(recursive: true);
        }
    }
}
