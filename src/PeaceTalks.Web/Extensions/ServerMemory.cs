using System.Diagnostics;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace PeaceTalks.Web.Extensions;

/// <summary>How many live connections (circuits) this node holds.</summary>
public sealed class CircuitCount
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    public void Opened() => Interlocked.Increment(ref _open);

    public void Closed() => Interlocked.Decrement(ref _open);
}

/// <summary>Keeps <see cref="CircuitCount"/> up to date as circuits open and close.</summary>
public sealed class CircuitCounter(CircuitCount count) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        count.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        count.Closed();
        return Task.CompletedTask;
    }
}

/// <summary>
/// GET /diagnostics/memory, for the load test: the node's circuits, and its memory right after a forced full,
/// compacting garbage collection (managed heap, GC heap, working set) with the CPU time used so far; with
/// ?collect=false the same figures without the collection (for CPU time: a forced collection of a large heap pauses
/// the node for a second or more, which would show up in the latencies measured around it). Off unless
/// Diagnostics:MemoryEndpoint is true, and answered only to loopback clients.
/// </summary>
public static class ServerMemory
{
    public static void MapServerMemory(this IEndpointRouteBuilder app) =>
        app.MapGet("/diagnostics/memory", (HttpContext context, CircuitCount count) =>
        {
            if (context.Connection.RemoteIpAddress is not { } address || !System.Net.IPAddress.IsLoopback(address))
            {
                return Results.NotFound();
            }
            if (context.Request.Query["collect"] != "false")
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            }
            using var process = Process.GetCurrentProcess();
            return Results.Json(new
            {
                circuits = count.Open,
                managedBytes = GC.GetTotalMemory(false),
                gcHeapBytes = GC.GetGCMemoryInfo().HeapSizeBytes,
                workingSetBytes = process.WorkingSet64,
                cpuSeconds = process.TotalProcessorTime.TotalSeconds,
            });
        }).AllowAnonymous().ExcludeFromDescription();
}
