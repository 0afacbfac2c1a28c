extern alias loadtest;

using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using loadtest::PeaceTalks.LoadTest;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.Web.Extensions;

namespace PeaceTalks.BrowserTests;

/// <summary>The headless load client against the real app: its protocol pieces, and a small run of live circuits.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LoadClientTests(BrowserFixture fixture)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ThePrerenderedTimelineCarriesItsServerMarkersAndState()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };

        var page = PrerenderedPage.Parse(await http.GetStringAsync("/timeline"));

        Assert.Equal(2, page.Markers.Count);
        Assert.All(page.Markers, m => Assert.StartsWith("CfDJ8", m.GetProperty("descriptor").GetString()));
        Assert.NotEmpty(page.ApplicationState);
        using var operations = JsonDocument.Parse(page.AddOperations(1));
        Assert.Equal(1, operations.RootElement.GetProperty("batchId").GetInt32());
        Assert.Equal([(1, "add"), (2, "add")], operations.RootElement.GetProperty("operations").EnumerateArray()
            .Select(o => (o.GetProperty("ssrComponentId").GetInt32(), o.GetProperty("type").GetString())));
    }

    [Fact]
    public void RenderedTextIsFoundInABatchByItsUtf8Bytes()
    {
        byte[] batch = [0, 1, 2, .. System.Text.Encoding.UTF8.GetBytes("Ми готові"), 3];

        Assert.True(RenderBatchText.Contains(batch, "готові"));
        Assert.False(RenderBatchText.Contains(batch, "готова"));
    }

    [Fact]
    public async Task TwentyHeadlessReadersEachRenderTheTimelineApplyAFilterAndGetTheFilteredRender()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };
        var count = fixture.App.Services.GetRequiredService<CircuitCount>();
        var before = count.Open;
        var circuits = Enumerable.Range(0, 20).Select(_ => new HeadlessCircuit(http, new Uri(fixture.App.BaseUrl))).ToList();
        try
        {
            await Task.WhenAll(circuits.Select(c => c.StartAsync("/timeline", "timeline-count", StepTimeout)));
            Assert.True(count.Open - before >= 20, $"the server holds {count.Open - before} new circuits");

            // Each filter's render must carry that filter's statements: Ushakov's "constructive", then Pompeo's words.
            var until = DateTime.UtcNow.AddSeconds(10);
            var rounds = 0;
            while (DateTime.UtcNow < until || rounds < 2)
            {
                await Task.WhenAll(circuits.Select(c => c.NavigateAsync("/timeline?actor=yuri-ushakov", "Kremlin aide", StepTimeout)));
                await Task.WhenAll(circuits.Select(c => c.NavigateAsync("/timeline?actor=mike-pompeo", "Mike Pompeo", StepTimeout)));
                rounds++;
            }

            Assert.All(circuits, c => Assert.Empty(c.Errors));
            Assert.All(circuits, c => Assert.True(c.Batches >= 1 + 2 * rounds, $"{c.Batches} batches for {rounds} rounds"));
        }
        finally
        {
            foreach (var circuit in circuits)
            {
                await circuit.DisposeAsync();
            }
        }
    }
}
