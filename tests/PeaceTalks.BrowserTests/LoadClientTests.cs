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
    public void AClickTargetIsTheTextInsideAnElementWithAClickHandlerAndARetiredHandlerIsListed()
    {
        // A batch as Blazor's RenderBatchWriter lays it out: <p>Intro</p><button onclick=7><span>Load more</span></button>,
        // and handler 5 retired by this render.
        var batch = new TestBatch();
        batch.Element("p", 2);
        batch.Text("Intro");
        batch.Element("button", 4);
        batch.Attribute("onclick", null, 7);
        batch.Element("span", 2);
        batch.Text("Load more");

        var bytes = batch.ToArray(disposedHandlers: [5]);

        Assert.Equal(new Dictionary<string, ulong> { ["Load more"] = 7 }, RenderBatchFrames.ClickTargets(bytes));
        Assert.Equal([5UL], RenderBatchFrames.DisposedHandlers(bytes));
        Assert.Empty(RenderBatchFrames.ReplacedHandlers(bytes));
    }

    [Fact]
    public void AHandlerGivenToAnElementAlreadyOnThePageIsAReplacement()
    {
        // A re-render's SetAttribute edit: a lone attribute frame, with the old handler retired in the same batch.
        var batch = new TestBatch();
        batch.Attribute("onclick", null, 9);

        var bytes = batch.ToArray(disposedHandlers: [7]);

        Assert.Empty(RenderBatchFrames.ClickTargets(bytes));
        Assert.Equal([9UL], RenderBatchFrames.ReplacedHandlers(bytes));
        Assert.Equal([7UL], RenderBatchFrames.DisposedHandlers(bytes));
    }

    [Fact]
    public async Task AHeadlessReaderOpensAMatrixCellsEvidenceWithAClickAsTheBrowserDispatchesIt()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };
        await using var circuit = new HeadlessCircuit(http, new Uri(fixture.App.BaseUrl));
        await circuit.StartAsync("/stances", "matrix-count", StepTimeout);

        Assert.True(circuit.CanClick("supports"), "the rendered matrix offers a cell that says “supports”");
        await circuit.ClickAsync("supports", "History", StepTimeout);

        Assert.Empty(circuit.Errors);
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

/// <summary>Writes the render batch format by hand (the framework's writer is internal): frames, string table, offsets.</summary>
internal sealed class TestBatch
{
    private readonly List<byte[]> _frames = [];
    private readonly List<string> _strings = [];

    private int StringIndex(string? value)
    {
        if (value is null)
        {
            return -1;
        }
        _strings.Add(value);
        return _strings.Count - 1;
    }

    private void Frame(int type, int a, int b, ulong c)
    {
        var frame = new byte[20];
        BitConverter.GetBytes(type).CopyTo(frame, 0);
        BitConverter.GetBytes(a).CopyTo(frame, 4);
        BitConverter.GetBytes(b).CopyTo(frame, 8);
        BitConverter.GetBytes(c).CopyTo(frame, 12);
        _frames.Add(frame);
    }

    public void Element(string name, int subtreeLength) => Frame(1, subtreeLength, StringIndex(name), 0);

    public void Text(string text) => Frame(2, StringIndex(text), 0, 0);

    public void Attribute(string name, string? value, ulong handler) => Frame(3, StringIndex(name), StringIndex(value), handler);

    public byte[] ToArray(ulong[] disposedHandlers)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8);
        var updated = (int)stream.Position;
        writer.Write(0);
        var frames = (int)stream.Position;
        writer.Write(_frames.Count);
        _frames.ForEach(writer.Write);
        var components = (int)stream.Position;
        writer.Write(0);
        var handlers = (int)stream.Position;
        writer.Write(disposedHandlers.Length);
        foreach (var handler in disposedHandlers)
        {
            writer.Write(handler);
        }
        var locations = new List<int>();
        foreach (var value in _strings)
        {
            locations.Add((int)stream.Position);
            writer.Write(value);
        }
        var table = (int)stream.Position;
        locations.ForEach(writer.Write);
        writer.Write(updated);
        writer.Write(frames);
        writer.Write(components);
        writer.Write(handlers);
        writer.Write(table);
        writer.Flush();
        return stream.ToArray();
    }
}
