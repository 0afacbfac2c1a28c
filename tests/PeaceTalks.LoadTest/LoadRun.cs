using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace PeaceTalks.LoadTest;

/// <summary>What one level of the run measured.</summary>
public sealed record LevelResult(
    int Circuits,
    int Held,
    int Steps,
    int Errors,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double ManagedBytesPerCircuit,
    double WorkingSetBytesPerCircuit,
    double TimelineManagedBytesPerCircuit,
    double TimelineWorkingSetBytesPerCircuit,
    double TimelineManagedBytesPerAddedCircuit,
    double CpuPercent,
    double ClientCpuPercent,
    double SecondsHeld);

/// <summary>The run's settings: levels, ramp, hold time and think time, all bounded.</summary>
public sealed record LoadOptions(Uri Url, int[] Levels, int RampPerSecond, TimeSpan Hold, TimeSpan Think, TimeSpan StepTimeout, TimeSpan ParkedHold,
    int Calibrate = 6)
{
    public static LoadOptions Parse(string[] args)
    {
        string? Get(string name)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        var url = new Uri(Get("url") ?? throw new ArgumentException("--url http://127.0.0.1:PORT/ is required (a running PeaceTalks with Diagnostics:MemoryEndpoint=true)"));
        if (!url.IsLoopback)
        {
            throw new ArgumentException("The load test only runs against loopback addresses.");
        }
        var levels = (Get("levels") ?? "100,500,1000,2000").Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        if (levels.Any(l => l is < 1 or > 10_000))
        {
            throw new ArgumentException("Levels are between 1 and 10,000 circuits.");
        }
        return new LoadOptions(url, levels,
            int.Parse(Get("ramp") ?? "50", CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(int.Parse(Get("hold") ?? "30", CultureInfo.InvariantCulture)),
            // A reader reads before the next click: 10 s on average (5–15 s). --think 2000 is the stress pace.
            TimeSpan.FromMilliseconds(int.Parse(Get("think") ?? "10000", CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(10),
            // Keeps the readers parked on the timeline this long after the reading, to take a heap dump of that state.
            TimeSpan.FromSeconds(int.Parse(Get("parked-hold") ?? "0", CultureInfo.InvariantCulture)),
            // Chromium pages and headless circuits of each kind compared at the end (0 leaves the comparison out).
            int.Parse(Get("calibrate") ?? "6", CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// Many simulated readers, level by level: each opens the timeline, filters it by an actor, clicks "Load more" when
/// there is more, goes to the stance matrix, clicks a cell to open its evidence, moves the as-of date, and back, with
/// think time between steps. After each level has been held, the server reports its memory after a full collection,
/// once mid-script and once with every reader parked on the timeline; the run stops by itself at the last level, or
/// early when p95 passes one second or more than 1 % of steps fail.
/// </summary>
public sealed class LoadRun(LoadOptions options, TextWriter log)
{
    private const string OpenStep = "open the timeline (new circuit)";

    private readonly ConcurrentBag<(string Step, double Ms)> _latencies = [];
    private int _errors;
    private int _steps;
    // While set, readers go to the plain timeline after their current step and wait there, so the server's memory
    // can be read with every circuit on the timeline page (the figure).
    private TaskCompletionSource? _resume;
    private int _parked;

    public static async Task<int> MainAsync(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
        var results = await new LoadRun(options, Console.Out).RunAsync(CancellationToken.None);
        Console.WriteLine();
        Console.WriteLine("| Circuits held | Steps | Errors | p50 | p95 | p99 | Managed heap per circuit, on the timeline | per circuit added since the level before | Working set per circuit, on the timeline | Managed heap per circuit, mid-script | Server CPU | Client CPU |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Held:N0} of {r.Circuits:N0} | {r.Steps:N0} | {r.Errors:N0} | {r.P50Ms:N0} ms | {r.P95Ms:N0} ms | {r.P99Ms:N0} ms | {r.TimelineManagedBytesPerCircuit / 1024:N0} KB | {r.TimelineManagedBytesPerAddedCircuit / 1024:N0} KB | {r.TimelineWorkingSetBytesPerCircuit / 1024:N0} KB | {r.ManagedBytesPerCircuit / 1024:N0} KB | {r.CpuPercent:N0} % | {r.ClientCpuPercent:N0} % |"));
        }
        // Whether a headless circuit costs the server what a Chromium page does: the figures above are only as good as that.
        CircuitCalibration.Result? calibration = null;
        if (options.Calibrate > 0)
        {
            using var http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };
            calibration = await CircuitCalibration.MeasureWithChromiumAsync(http, options.Url, options.Calibrate, CancellationToken.None);
            Console.WriteLine();
            Console.WriteLine(calibration?.ToString() ?? "Circuit cost against Chromium: not measured (no /usr/bin/chromium; set PEACETALKS_CHROMIUM).");
        }
        var folder = Path.Combine("artifacts", "loadtest");
        Directory.CreateDirectory(folder);
        var json = Path.Combine(folder, $"results-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new { options.Url, options.Levels, results, calibration },
            new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"JSON: {json}");
        return 0;
    }

    public async Task<List<LevelResult>> RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };
        var actors = (await http.GetFromJsonAsync<List<Dictionary<string, string?>>>("api/v1/actors", cancellationToken))!
            .Select(a => (Slug: a["slug"]!, Name: a["name"]!)).ToList();
        // One reader goes through the whole script first, so the one-time costs (compiled queries, caches, the stance
        // index) are in the baseline and not charged to the circuits measured; that reader stays and is not counted.
        var circuits = new List<HeadlessCircuit> { new(http, options.Url) };
        await circuits[0].StartAsync("/timeline", "timeline-count", options.StepTimeout, cancellationToken);
        await circuits[0].NavigateAsync($"/timeline?actor={actors[0].Slug}", actors[0].Name, options.StepTimeout, cancellationToken);
        if (circuits[0].CanClick("Load more"))
        {
            await circuits[0].ClickAsync("Load more", "timeline-card", options.StepTimeout, cancellationToken);
        }
        await circuits[0].NavigateAsync("/stances", "matrix-count", options.StepTimeout, cancellationToken);
        if (circuits[0].FirstClickable(StanceWords) is { } cell)
        {
            await circuits[0].ClickAsync(cell, "History", options.StepTimeout, cancellationToken);
        }
        await circuits[0].NavigateAsync("/stances?asof=2025-12-03", "2025-12-03", options.StepTimeout, cancellationToken);
        await circuits[0].NavigateAsync("/timeline", "timeline-count", options.StepTimeout, cancellationToken);
        var baseline = await MemoryAsync(http, cancellationToken);
        log.WriteLine($"Baseline (one warm reader): {baseline.Circuits} circuits, managed heap {baseline.ManagedBytes / 1048576.0:N1} MB, working set {baseline.WorkingSetBytes / 1048576.0:N1} MB");

        var readers = new List<Task>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var results = new List<LevelResult>();
        var random = new Random(1);
        // Each level's timeline reading, to give what the circuits added since the level before cost each (the
        // server's fixed costs, such as pooled buffers that grow with load, weigh less there than in the average).
        var previous = (Circuits: baseline.Circuits, ManagedBytes: baseline.ManagedBytes);
        try
        {
            foreach (var level in options.Levels)
            {
                // Ramp up to the level at the configured rate; each new reader starts its script at once.
                while (circuits.Count - 1 < level)
                {
                    var circuit = new HeadlessCircuit(http, options.Url);
                    circuits.Add(circuit);
                    var actor = actors[random.Next(actors.Count)];
                    readers.Add(ReadAsync(circuit, actor, circuits.Count, stop.Token));
                    await Task.Delay(TimeSpan.FromSeconds(1.0 / options.RampPerSecond), cancellationToken);
                }
                _latencies.Clear();
                Interlocked.Exchange(ref _errors, 0);
                Interlocked.Exchange(ref _steps, 0);
                // CPU readings without a forced collection: one would pause the server inside the measured window.
                var before = await MemoryAsync(http, cancellationToken, collect: false);
                var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var held = Stopwatch.StartNew();
                await Task.Delay(options.Hold, cancellationToken);
                var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - clientBefore).TotalSeconds;
                var end = await MemoryAsync(http, cancellationToken, collect: false);
                var heldFor = held.Elapsed;
                // Event → render: the steps a reader takes on a live page, taken before the memory readings below
                // (each forces a full collection). Opening a circuit (a page load) is shown on its own.
                var latencies = _latencies.ToArray();
                var steps = Volatile.Read(ref _steps);
                var errors = Volatile.Read(ref _errors);
                var after = await MemoryAsync(http, cancellationToken);
                var parked = await ParkOnTimelineAsync(readers, http, cancellationToken);
                var sorted = latencies.Where(l => l.Step != OpenStep).Select(l => l.Ms).Order().ToArray();
                foreach (var step in latencies.GroupBy(l => l.Step).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var times = step.Select(l => l.Ms).Order().ToArray();
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {step.Key}: {times.Length} steps, p50 {times[times.Length / 2]:N0} ms, p95 {times[Math.Min(times.Length - 1, (int)(0.95 * times.Length))]:N0} ms"));
                }
                double Percentile(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
                var heldCircuits = after.Circuits - baseline.Circuits;
                double PerCircuit(long bytes, long baselineBytes) => heldCircuits == 0 ? 0 : (bytes - baselineBytes) / (double)heldCircuits;
                var result = new LevelResult(level, heldCircuits, steps, errors, Percentile(0.5), Percentile(0.95), Percentile(0.99),
                    PerCircuit(after.ManagedBytes, baseline.ManagedBytes),
                    PerCircuit(after.WorkingSetBytes, baseline.WorkingSetBytes),
                    PerCircuit(parked.ManagedBytes, baseline.ManagedBytes),
                    PerCircuit(parked.WorkingSetBytes, baseline.WorkingSetBytes),
                    parked.Circuits == previous.Circuits ? 0 : (parked.ManagedBytes - previous.ManagedBytes) / (double)(parked.Circuits - previous.Circuits),
                    100 * (end.CpuSeconds - before.CpuSeconds) / heldFor.TotalSeconds / Environment.ProcessorCount,
                    100 * clientCpu / heldFor.TotalSeconds / Environment.ProcessorCount,
                    heldFor.TotalSeconds);
                results.Add(result);
                previous = (parked.Circuits, parked.ManagedBytes);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{level} circuits: {heldCircuits} held, {result.Steps} steps, {result.Errors} errors, p95 {result.P95Ms:N0} ms, {result.TimelineManagedBytesPerCircuit / 1024:N0} KB managed per circuit on the timeline ({parked.Circuits - baseline.Circuits} parked), {result.ManagedBytesPerCircuit / 1024:N0} KB mid-script"));
                if (result.P95Ms > 1000 || result.Errors > 0.01 * Math.Max(1, result.Steps))
                {
                    log.WriteLine("Stopping early: p95 over 1 s or more than 1 % errors.");
                    break;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(readers.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
            // All at once: each closes its connection with a handshake, and one after another that took minutes.
            await Task.WhenAll(circuits.Select(c => c.DisposeAsync().AsTask()));
        }
        return results;
    }

    /// <summary>
    /// Asks every reader to go to the plain timeline and wait there, reads the server's memory once they all have (or
    /// after a minute), then lets them go on.
    /// </summary>
    private async Task<ServerMemory> ParkOnTimelineAsync(List<Task> readers, HttpClient http, CancellationToken cancellationToken)
    {
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _resume, resume);
        try
        {
            var until = Stopwatch.StartNew();
            while (Volatile.Read(ref _parked) < readers.Count(r => !r.IsCompleted) && until.Elapsed < TimeSpan.FromMinutes(1))
            {
                await Task.Delay(200, cancellationToken);
            }
            var memory = await MemoryAsync(http, cancellationToken);
            if (options.ParkedHold > TimeSpan.Zero)
            {
                log.WriteLine($"Parked on the timeline: {Volatile.Read(ref _parked)} readers, for {options.ParkedHold.TotalSeconds:N0} s");
                await Task.Delay(options.ParkedHold, cancellationToken);
            }
            return memory;
        }
        finally
        {
            Volatile.Write(ref _resume, null);
            resume.SetResult();
        }
    }

    /// <summary>The words a filled cell of the stance matrix shows: clicking one opens its evidence.</summary>
    public static readonly string[] StanceWords = ["supports", "leans support", "ambiguous", "leans against", "opposes"];

    /// <summary>
    /// One reader's script, round and round until the run ends: each round starts on the plain timeline, and a reader
    /// asked to park goes back there after its current step.
    /// </summary>
    private async Task ReadAsync(HeadlessCircuit circuit, (string Slug, string Name) actor, int n, CancellationToken cancellationToken)
    {
        var random = new Random(n);
        try
        {
            await Step(OpenStep, () => circuit.StartAsync("/timeline", "timeline-count", options.StepTimeout, cancellationToken));
            while (!cancellationToken.IsCancellationRequested)
            {
                await Round();
                await ParkIfAskedAsync(onTimeline: true);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        async Task Round()
        {
            await Think();
            if (await ParkIfAskedAsync(onTimeline: true))
            {
                return;
            }
            // Whether there is something to click is known once the page has finished drawing: after the think time.
            if (await StepThenThinkAsync("filter by an actor", () => circuit.NavigateAsync($"/timeline?actor={actor.Slug}", actor.Name, options.StepTimeout, cancellationToken)))
            {
                return;
            }
            // The next page's cards arrive in the render that answers the click.
            if (circuit.CanClick("Load more")
                && await StepThenThinkAsync("load more", () => circuit.ClickAsync("Load more", "timeline-card", options.StepTimeout, cancellationToken)))
            {
                return;
            }
            if (await StepThenThinkAsync("open the stance matrix", () => circuit.NavigateAsync("/stances", "matrix-count", options.StepTimeout, cancellationToken)))
            {
                return;
            }
            if (circuit.FirstClickable(StanceWords) is { } cell
                && await StepThenThinkAsync("open an evidence dialog", () => circuit.ClickAsync(cell, "History", options.StepTimeout, cancellationToken)))
            {
                return;
            }
            var day = new DateOnly(2025, 12, 1).AddDays(random.Next(5)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (await StepThenThinkAsync("change the as-of date", () => circuit.NavigateAsync($"/stances?asof={day}", day, options.StepTimeout, cancellationToken)))
            {
                return;
            }
            await Step("back to the timeline", () => circuit.NavigateAsync("/timeline", "timeline-count", options.StepTimeout, cancellationToken));
        }

        // A step, the reader's think time, then whether the reader was asked to park (it has gone back to the timeline
        // and waited there, and the round starts again).
        async Task<bool> StepThenThinkAsync(string name, Func<Task<TimeSpan>> step)
        {
            await Step(name, step);
            await Think();
            return await ParkIfAskedAsync(onTimeline: false);
        }

        async Task<bool> ParkIfAskedAsync(bool onTimeline)
        {
            if (Volatile.Read(ref _resume) is not { } resume)
            {
                return false;
            }
            if (!onTimeline)
            {
                await Step("back to the timeline", () => circuit.NavigateAsync("/timeline", "timeline-count", options.StepTimeout, cancellationToken));
            }
            Interlocked.Increment(ref _parked);
            try
            {
                await resume.Task.WaitAsync(cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _parked);
            }
            return true;
        }

        async Task Step(string name, Func<Task<TimeSpan>> step)
        {
            try
            {
                var took = await step();
                _latencies.Add((name, took.TotalMilliseconds));
                Interlocked.Increment(ref _steps);
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException or IOException)
            {
                Interlocked.Increment(ref _errors);
                Interlocked.Increment(ref _steps);
                if (!circuit.Connected)
                {
                    throw new OperationCanceledException("circuit lost", ex, cancellationToken);
                }
            }
        }

        Task Think() => Task.Delay(TimeSpan.FromMilliseconds(options.Think.TotalMilliseconds * (0.5 + random.NextDouble())), cancellationToken);
    }

    public sealed record ServerMemory(int Circuits, long ManagedBytes, long GcHeapBytes, long WorkingSetBytes, double CpuSeconds);

    public static async Task<ServerMemory> MemoryAsync(HttpClient http, CancellationToken cancellationToken, bool collect = true)
    {
        using var response = await http.GetAsync(collect ? "diagnostics/memory" : "diagnostics/memory?collect=false", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException("The server does not report its memory: start it with Diagnostics__MemoryEndpoint=true.");
        }
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return new ServerMemory(json.GetProperty("circuits").GetInt32(), json.GetProperty("managedBytes").GetInt64(),
            json.GetProperty("gcHeapBytes").GetInt64(), json.GetProperty("workingSetBytes").GetInt64(), json.GetProperty("cpuSeconds").GetDouble());
    }
}
