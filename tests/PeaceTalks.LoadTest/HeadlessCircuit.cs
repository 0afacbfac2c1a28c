using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace PeaceTalks.LoadTest;

/// <summary>
/// One reader's live connection without a browser, after the design of ASP.NET Core's former Ignitor client: fetch
/// the prerendered page, open the /_blazor hub over WebSockets with the blazorpack protocol, start the circuit, add the
/// prerendered root components, acknowledge every render batch, answer the JavaScript calls the page makes, and move
/// between pages the way the client-side router does (OnLocationChanged). Render batches are kept only until the text
/// a step waits for has arrived.
/// </summary>
public sealed class HeadlessCircuit : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _base;
    private readonly Lock _lock = new();
    private readonly List<(string Text, TaskCompletionSource<TimeSpan> Done, long Since)> _waiting = [];
    /// <summary>PEACETALKS_LOADTEST_TRACE=1 prints every batch's strings and every JavaScript call (read once, not per message).</summary>
    private static readonly bool Trace = Environment.GetEnvironmentVariable("PEACETALKS_LOADTEST_TRACE") == "1";

    private HubConnection? _hub;
    private long _lastBatch;
    private readonly Dictionary<string, ulong> _clickTargets = new(StringComparer.Ordinal);
    // The renderer's interop object (Blazor._internal.attachWebRendererInterop): events are calls to its DispatchEventAsync.
    private long? _rendererInterop;
    private long _calls;

    public HeadlessCircuit(HttpClient http, Uri baseAddress)
    {
        _http = http;
        _base = baseAddress;
    }

    /// <summary>Render batches received and acknowledged.</summary>
    public int Batches { get; private set; }

    /// <summary>JavaScript calls answered for the server.</summary>
    public int JsCalls { get; private set; }

    /// <summary>Errors the server reported to this client (JS.Error), or the connection closing with one.</summary>
    public List<string> Errors { get; } = [];

    public bool Connected => _hub?.State == HubConnectionState.Connected;

    /// <summary>Opens <paramref name="path"/> and waits until the live circuit has rendered text that proves it is interactive.</summary>
    public async Task<TimeSpan> StartAsync(string path, string expectedText, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var html = await _http.GetStringAsync(new Uri(_base, path), cancellationToken);
        var page = PrerenderedPage.Parse(html);
        if (page.Markers.Count == 0)
        {
            throw new InvalidOperationException($"{path} has no server component markers: is it an interactive page?");
        }

        // SignalR's client speaks JSON unless told otherwise; the Blazor hub speaks blazorpack only.
        _hub = BuildWithBlazorPack();
        _hub.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        // .NET 10's server sends six arguments (the last is the call type: function call, constructor, get or set).
        _hub.On<long, string, string, int, long, int>("JS.BeginInvokeJS", OnBeginInvokeJsAsync);
        _hub.On<string>("JS.Error", error => { lock (_lock) { Errors.Add(error); } });
        _hub.Closed += ex =>
        {
            if (ex is not null)
            {
                lock (_lock)
                {
                    Errors.Add($"connection closed: {ex.Message}");
                }
            }
            return Task.CompletedTask;
        };

        var rendered = Expect(expectedText);
        var clock = Stopwatch.StartNew();
        await _hub.StartAsync(cancellationToken);
        var url = new Uri(_base, path).ToString();
        var secret = await _hub.InvokeAsync<string?>("StartCircuit", _base.ToString(), url, "[]", "", cancellationToken);
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException($"The server refused to start a circuit: {string.Join("; ", Errors)}");
        }
        await _hub.SendAsync("UpdateRootComponents", page.AddOperations(1), page.ApplicationState, cancellationToken);
        await WaitAsync(rendered, expectedText, timeout, cancellationToken);
        return clock.Elapsed;
    }

    /// <summary>
    /// Moves to <paramref name="path"/> as a click on an internal link does, and returns the time from sending the
    /// event to the render batch that contains <paramref name="expectedText"/>.
    /// </summary>
    public async Task<TimeSpan> NavigateAsync(string path, string expectedText, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var rendered = Expect(expectedText);
        var clock = Stopwatch.StartNew();
        await _hub!.SendAsync("OnLocationChanged", new Uri(_base, path).ToString(), null, true, cancellationToken);
        await WaitAsync(rendered, expectedText, timeout, cancellationToken);
        return clock.Elapsed;
    }

    /// <summary>Whether something with this text can be clicked on the page as last rendered.</summary>
    public bool CanClick(string text)
    {
        lock (_lock)
        {
            return _clickTargets.ContainsKey(text);
        }
    }

    /// <summary>The first of these texts that can be clicked, or null.</summary>
    public string? FirstClickable(IEnumerable<string> texts)
    {
        lock (_lock)
        {
            return texts.FirstOrDefault(_clickTargets.ContainsKey);
        }
    }

    /// <summary>
    /// Clicks the element around <paramref name="text"/> as the browser does — a call to the renderer's
    /// DispatchEventAsync with the handler id the render batch gave it and a mouse event's fields — and returns the
    /// time to the render batch that contains <paramref name="expectedText"/>.
    /// </summary>
    public async Task<TimeSpan> ClickAsync(string text, string expectedText, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ulong handler;
        long interop;
        lock (_lock)
        {
            if (!_clickTargets.TryGetValue(text, out handler))
            {
                throw new InvalidOperationException($"Nothing with the text “{text}” can be clicked on this page.");
            }
            interop = _rendererInterop ?? throw new InvalidOperationException("The server has not attached its renderer's event interop yet.");
        }
        var descriptor = JsonSerializer.Serialize(new { eventHandlerId = handler, eventName = "click", eventFieldInfo = (object?)null });
        const string mouse = """{"detail":1,"screenX":0,"screenY":0,"clientX":0,"clientY":0,"offsetX":0,"offsetY":0,"pageX":0,"pageY":0,"movementX":0,"movementY":0,"button":0,"buttons":0,"ctrlKey":false,"shiftKey":false,"altKey":false,"metaKey":false,"type":"click"}""";
        var rendered = Expect(expectedText);
        var clock = Stopwatch.StartNew();
        await InvokeDotNetAsync("DispatchEventAsync", interop, $"[{descriptor},{mouse}]", cancellationToken);
        await WaitAsync(rendered, expectedText, timeout, cancellationToken);
        return clock.Elapsed;
    }

    /// <summary>A call from the page's JavaScript to a method of a .NET object the server handed it, as DotNet.invokeMethodAsync makes.</summary>
    private Task InvokeDotNetAsync(string method, long dotNetObjectId, string argsJson, CancellationToken cancellationToken = default)
    {
        var callId = Interlocked.Increment(ref _calls).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return _hub!.SendAsync("BeginInvokeDotNetFromJS", callId, null, method, dotNetObjectId, argsJson, cancellationToken);
    }

    private HubConnection BuildWithBlazorPack()
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(_base, "_blazor"), HttpTransportType.WebSockets)
            .WithServerTimeout(TimeSpan.FromSeconds(60));
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        return builder.Build();
    }

    private TaskCompletionSource<TimeSpan> Expect(string text)
    {
        var done = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _waiting.Add((text, done, Stopwatch.GetTimestamp()));
        }
        return done;
    }

    private async Task WaitAsync(TaskCompletionSource<TimeSpan> rendered, string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await rendered.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            lock (_lock)
            {
                _waiting.RemoveAll(w => w.Done == rendered);
            }
            throw new TimeoutException($"No render batch with “{text}” within {timeout.TotalSeconds:N0} s ({Batches} batches; errors: {string.Join("; ", Errors)})");
        }
    }

    /// <summary>Checks the batch for the texts waited on, then acknowledges it, as the browser does once it has applied it.</summary>
    private async Task OnRenderBatchAsync(long batchId, byte[] batch)
    {
        if (Trace)
        {
            Console.WriteLine($"batch {batchId}: {batch.Length} bytes; {string.Join(" | ", System.Text.RegularExpressions.Regex.Matches(Encoding.UTF8.GetString(batch), "[A-Za-z][A-Za-z ]{6,}").Select(m => m.Value).Take(12))}");
        }
        var targets = RenderBatchFrames.ClickTargets(batch);
        var disposed = RenderBatchFrames.DisposedHandlers(batch);
        var replaced = RenderBatchFrames.ReplacedHandlers(batch);
        lock (_lock)
        {
            Batches++;
            _lastBatch = batchId;
            // A re-render that gives an element a new handler retires the old one and sends the new one, in the same
            // order; when the counts agree the texts follow their elements' new handlers, otherwise they are dropped.
            var renamed = replaced.Count == disposed.Count
                ? disposed.Zip(replaced).GroupBy(p => p.First).ToDictionary(g => g.Key, g => g.First().Second)
                : [];
            foreach (var (text, id) in _clickTargets.Where(t => disposed.Contains(t.Value)).ToList())
            {
                if (renamed.TryGetValue(id, out var renewed))
                {
                    _clickTargets[text] = renewed;
                }
                else
                {
                    _clickTargets.Remove(text);
                }
            }
            foreach (var (text, handler) in targets)
            {
                _clickTargets[text] = handler;
            }
            for (var i = _waiting.Count - 1; i >= 0; i--)
            {
                var (text, done, since) = _waiting[i];
                if (RenderBatchText.Contains(batch, text))
                {
                    done.TrySetResult(Stopwatch.GetElapsedTime(since));
                    _waiting.RemoveAt(i);
                }
            }
        }
        await _hub!.SendAsync("OnRenderCompleted", batchId, null);
    }

    /// <summary>
    /// Answers the page's JavaScript calls as a browser would for a reader who only reads: success, with the value a
    /// browser gives for the calls whose result the page uses, and null otherwise.
    /// </summary>
    private async Task OnBeginInvokeJsAsync(long asyncHandle, string identifier, string argsJson, int resultType, long targetInstanceId, int callType)
    {
        lock (_lock)
        {
            JsCalls++;
        }
        if (Trace)
        {
            Console.WriteLine($"js {asyncHandle} {identifier} {argsJson} result {resultType}");
        }
        if (identifier == "Blazor._internal.attachWebRendererInterop" && DotNetObjectIn(argsJson) is { } interop)
        {
            lock (_lock)
            {
                _rendererInterop = interop;
            }
        }
        if (asyncHandle != 0)
        {
            await AnswerAsync(asyncHandle, identifier, resultType);
        }
        if (identifier == "Blazor._internal.Virtualize.dispose" && DotNetObjectIn(argsJson) is { } released)
        {
            // The browser's dispose() stops observing and releases the list's .NET object (DotNetObject.dispose()
            // calls "__Dispose"); the server never releases it itself, so a client that did not would keep every
            // list it ever saw, rows and all, alive on the server.
            await InvokeDotNetAsync("__Dispose", released, "null");
        }
        if (identifier == "Blazor._internal.Virtualize.init" && DotNetObjectIn(argsJson) is { } virtualize)
        {
            // A virtualised list reads no rows until the browser's IntersectionObserver reports that its leading spacer
            // is in view: at the top of the list that is a report of a 0-pixel overlap in a 768-pixel window, and the
            // list then reads and draws the rows that fill the window plus its overscan, as it does in a browser.
            await InvokeDotNetAsync("OnSpacerBeforeVisible", virtualize, $"[0,0,{JsResults.WindowHeight}]");
        }
    }

    private async Task AnswerAsync(long asyncHandle, string identifier, int resultType)
    {
        // A module import (result type 1) gives the page a JavaScript object reference; calls on it name its id.
        var result = resultType == 1 ? $$"""{"__jsObjectId":{{asyncHandle}}}""" : JsResults.For(identifier);
        var payload = $"[{asyncHandle},true,{result}]";
        await _hub!.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, payload);
    }

    /// <summary>The first .NET object reference among a JavaScript call's arguments ({"__dotNetObject": id}).</summary>
    private static long? DotNetObjectIn(string argsJson)
    {
        using var args = JsonDocument.Parse(argsJson);
        if (args.RootElement.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        foreach (var arg in args.RootElement.EnumerateArray())
        {
            if (arg.ValueKind == JsonValueKind.Object && arg.TryGetProperty("__dotNetObject", out var id))
            {
                return id.GetInt64();
            }
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
    }
}

/// <summary>
/// What a desktop browser answers to the JavaScript calls this app (MudBlazor) makes whose results it reads; calls
/// without a result (resultType 3) and any others get null. Seen with PEACETALKS_LOADTEST_TRACE=1.
/// </summary>
public static class JsResults
{
    /// <summary>The window the simulated reader looks through: a common laptop screen.</summary>
    public const int WindowHeight = 768;

    public static string For(string identifier) => identifier switch
    {
        "prefersDark" => "false",
        "timeZone" => "\"UTC\"",
        "window.hasOwnProperty" => "true",
        "mudpopoverHelper.countProviders" => "1",
        "mudResizeListener.getBrowserWindowSize" => """{"width":1366,"height":768}""",
        "mudElementRef.getBoundingClientRect" =>
            """{"x":0,"y":0,"width":300,"height":40,"top":0,"left":0,"right":300,"bottom":40,"scrollX":0,"scrollY":0,"windowWidth":1366,"windowHeight":768}""",
        _ => "null",
    };
}

/// <summary>
/// Finds rendered text in a render batch without decoding its tree: every string a batch renders is in its string
/// table, written as UTF-8 (the batch format of Blazor's RenderBatchWriter).
/// </summary>
public static class RenderBatchText
{
    public static bool Contains(byte[] batch, string text) =>
        batch.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
