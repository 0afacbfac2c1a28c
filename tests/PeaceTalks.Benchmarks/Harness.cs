using System.Diagnostics;

namespace PeaceTalks.Benchmarks;

/// <summary>What a scenario produced, so ours and the peer can be checked to do the same work.</summary>
public sealed record ScenarioOutput(long Rows, string First, string Last);

public sealed record Stats(double MinMs, double MedianMs, double P95Ms, int Runs)
{
    public static Stats From(List<double> ms)
    {
        ms.Sort();
        return new Stats(ms[0], ms[ms.Count / 2], ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(ms.Count * 0.95) - 1)], ms.Count);
    }
}

/// <summary>
/// A plain Stopwatch harness: warm-up runs, then timed repetitions of ours and the peer interleaved, so noise
/// on this shared 2-core machine hits both alike; min, median and p95 per side.
/// </summary>
public static class Harness
{
    /// <summary>Says so when ours and the peer did not return the same rows: then the times do not compare the same work.</summary>
    public static void Check(string scenario, ScenarioOutput ours, ScenarioOutput peer)
    {
        if (ours != peer)
        {
            Console.WriteLine($"WARNING {scenario}: ours returned {ours}, the peer {peer} — they are not doing the same work.");
        }
    }

    public static async Task<(Stats Ours, Stats Peer, ScenarioOutput OursOutput, ScenarioOutput PeerOutput)> CompareAsync(
        Func<Task<ScenarioOutput>> ours, Func<Task<ScenarioOutput>> peer, int warmup, int runs, Func<Task>? beforeEach = null)
    {
        ScenarioOutput oursOutput = null!, peerOutput = null!;
        for (var i = 0; i < warmup; i++)
        {
            if (beforeEach is not null) await beforeEach();
            await ours();
            if (beforeEach is not null) await beforeEach();
            await peer();
        }
        var oursMs = new List<double>();
        var peerMs = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            if (beforeEach is not null) await beforeEach();
            var clock = Stopwatch.StartNew();
            oursOutput = await ours();
            oursMs.Add(clock.Elapsed.TotalMilliseconds);

            if (beforeEach is not null) await beforeEach();
            clock.Restart();
            peerOutput = await peer();
            peerMs.Add(clock.Elapsed.TotalMilliseconds);
        }
        return (Stats.From(oursMs), Stats.From(peerMs), oursOutput, peerOutput);
    }

    /// <summary>Peak growth of this process's working set while <paramref name="work"/> runs, sampled every 5 ms.</summary>
    public static async Task<(T Result, long PeakGrowthBytes)> PeakWorkingSetAsync<T>(Func<Task<T>> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                try { await Task.Delay(5, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var result = await work();
        await stop.CancelAsync();
        await sampler;
        process.Refresh();
        peak = Math.Max(peak, process.WorkingSet64);
        return (result, peak - baseline);
    }
}
