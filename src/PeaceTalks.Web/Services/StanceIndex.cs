using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Services;

/// <summary>A cell of the matrix as of a day: the position in force, and with a comparison date the stance then.</summary>
public readonly record struct CellState(int PositionId, Stance Stance, DateOnly AsOf, DatePrecision AsOfPrecision, Stance? Before, bool Changed);

/// <summary>A cell whose stance on the as-of date differs from the one on the comparison date.</summary>
public readonly record struct CellChange(int ActorId, int IssueId, Stance? Before, Stance Stance, DateOnly AsOf, DatePrecision AsOfPrecision);

/// <summary>
/// The one implementation of the as-of rule: the position in force in a cell on a day is the one with the latest
/// as-of date on or before it. Every live position is held in memory as 12 bytes (day, id, stance, precision, verified), grouped
/// by cell and sorted by day, so a cell as of any day is a binary search, and "who moved" between two days looks only
/// at the positions dated inside that window. The index follows every write: before answering it asks the database
/// for its newest audit entry and position id, and re-reads the positions that changed since it last looked (all of
/// them after a large import). Several app nodes each keep their own index, in step through the same database.
/// </summary>
public sealed class StanceIndex(IDbContextFactory<PeaceTalksDbContext> dbFactory, ILogger<StanceIndex> logger)
{
    /// <summary>More changed positions than this since the last look: read everything again rather than one by one.</summary>
    private const int IncrementalUpTo = 5_000;

    // 12 bytes: a million positions take 12 MB.
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly record struct Entry(int Day, int PositionId, byte StanceValue, byte PrecisionValue, bool Verified)
    {
        public Entry(int day, int positionId, Stance stance, DatePrecision precision, VerificationState check)
            : this(day, positionId, (byte)stance, (byte)precision, check == VerificationState.Verified)
        {
        }

        public Stance Stance => (Stance)StanceValue;
        public DatePrecision Precision => (DatePrecision)PrecisionValue;
    }

    private sealed class Snapshot(Dictionary<long, Entry[]> cells, long auditId, long maxPositionId)
    {
        public Dictionary<long, Entry[]> Cells { get; } = cells;
        public long AuditId { get; } = auditId;
        public long MaxPositionId { get; } = maxPositionId;

        // Every position's day and cell, sorted by day: built on the first "who moved" after a change.
        private (int Day, long Cell)[]? _byDay;

        public (int Day, long Cell)[] ByDay
        {
            get
            {
                if (_byDay is { } built)
                {
                    return built;
                }
                var all = new (int Day, long Cell)[Cells.Values.Sum(c => c.Length)];
                var i = 0;
                foreach (var (cell, entries) in Cells)
                {
                    foreach (var entry in entries)
                    {
                        all[i++] = (entry.Day, cell);
                    }
                }
                Array.Sort(all, (a, b) => a.Day.CompareTo(b.Day));
                return _byDay = all;
            }
        }
    }

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot? _current;

    private static long Cell(int actor, int issue) => ((long)actor << 32) | (uint)issue;

    private static (int Actor, int Issue) Split(long cell) => ((int)(cell >> 32), (int)(cell & 0xFFFFFFFF));

    private readonly TaskCompletionSource _warmedUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the start-up warm-up has finished (or given up), e.g. for a test to wait on.</summary>
    public Task WarmedUp => _warmedUp.Task;

    /// <summary>Reads the index now (in the background at start-up) so the first matrix does not wait for it.</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var snapshot = await CurrentAsync(cancellationToken);
            logger.LogInformation("Stance index ready: {Cells} cells in {Milliseconds:N0} ms", snapshot.Cells.Count, clock.ElapsedMilliseconds);
        }
        finally
        {
            _warmedUp.TrySetResult();
        }
    }

    /// <summary>The cells of the given actors × issues as of <paramref name="asOf"/> (null: latest), compared with <paramref name="since"/>.</summary>
    /// <remarks>With <paramref name="verifiedOnly"/> only verified positions count: a cell holds the latest verified one.</remarks>
    public async Task<Dictionary<(int Actor, int Issue), CellState>> CellsAsync(IEnumerable<int> actors, IReadOnlyCollection<int> issues,
        DateOnly? asOf, DateOnly? since, CancellationToken cancellationToken = default, bool verifiedOnly = false)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        var now = Day(asOf);
        var result = new Dictionary<(int, int), CellState>();
        foreach (var actor in actors)
        {
            foreach (var issue in issues)
            {
                if (!snapshot.Cells.TryGetValue(Cell(actor, issue), out var entries) || Latest(entries, now, verifiedOnly) is not { } current)
                {
                    continue;
                }
                Stance? before = null;
                if (since is { } then && Latest(entries, then.DayNumber, verifiedOnly) is { } earlier)
                {
                    before = earlier.Stance;
                }
                result[(actor, issue)] = new CellState(current.PositionId, current.Stance, DateOnly.FromDayNumber(current.Day), current.Precision,
                    before, since is not null && before != current.Stance);
            }
        }
        return result;
    }

    /// <summary>The position ids in force as of <paramref name="asOf"/> (null: latest) for the given actors × issues (null: all).</summary>
    public async Task<List<int>> LatestPositionIdsAsync(IReadOnlySet<int>? actors, IReadOnlySet<int>? issues, DateOnly? asOf,
        CancellationToken cancellationToken = default, bool verifiedOnly = false)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        var now = Day(asOf);
        var ids = new List<int>();
        foreach (var (cell, entries) in snapshot.Cells)
        {
            var (actor, issue) = Split(cell);
            if ((actors is null || actors.Contains(actor)) && (issues is null || issues.Contains(issue)) && Latest(entries, now, verifiedOnly) is { } current)
            {
                ids.Add(current.PositionId);
            }
        }
        return ids;
    }

    /// <summary>
    /// Who moved between <paramref name="since"/> and <paramref name="asOf"/>: every cell whose stance differs (a first
    /// position counts as a move from "no known position"; a repeated stance does not), among the given actors and
    /// issues (null: all). Only positions dated inside the window are looked at. Returns the count and the most recent
    /// <paramref name="take"/>, newest first.
    /// </summary>
    public async Task<(int Total, List<CellChange> Latest)> ChangesAsync(IReadOnlySet<int>? actors, IReadOnlySet<int>? issues, DateOnly? asOf,
        DateOnly since, int take, CancellationToken cancellationToken = default, bool verifiedOnly = false)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        var now = Day(asOf);
        var then = since.DayNumber;
        var byDay = snapshot.ByDay;
        // The first position dated after the comparison day; everything up to the as-of day is the window.
        var start = LowerBound(byDay, then + 1);
        var seen = new HashSet<long>();
        var changes = new List<CellChange>();
        for (var i = start; i < byDay.Length && byDay[i].Day <= now; i++)
        {
            var cell = byDay[i].Cell;
            if (!seen.Add(cell))
            {
                continue;
            }
            var (actor, issue) = Split(cell);
            if ((actors is not null && !actors.Contains(actor)) || (issues is not null && !issues.Contains(issue)))
            {
                continue;
            }
            var entries = snapshot.Cells[cell];
            // Verified only: a cell whose positions in the window are all unverified has no verified one there, so the
            // latest verified stance is older than the window and equal to the one before it (or there is none).
            if (Latest(entries, now, verifiedOnly) is not { } current)
            {
                continue;
            }
            Stance? before = Latest(entries, then, verifiedOnly)?.Stance;
            if (before != current.Stance)
            {
                changes.Add(new CellChange(actor, issue, before, current.Stance, DateOnly.FromDayNumber(current.Day), current.Precision));
            }
        }
        var latest = changes.OrderByDescending(c => c.AsOf).ThenBy(c => c.ActorId).ThenBy(c => c.IssueId).Take(take).ToList();
        return (changes.Count, latest);
    }

    private static int Day(DateOnly? date) => date?.DayNumber ?? int.MaxValue;

    /// <summary>The last entry on or before the day (entries are sorted by day), or null; with <paramref name="verifiedOnly"/> the last verified one.</summary>
    private static Entry? Latest(Entry[] entries, int day, bool verifiedOnly)
    {
        var latest = Latest(entries, day);
        if (!verifiedOnly || latest is not { } found || found.Verified)
        {
            return latest;
        }
        // Back from the latest to the first verified one: a cell holds a handful of positions.
        var i = Array.LastIndexOf(entries, found);
        while (--i >= 0)
        {
            if (entries[i].Verified)
            {
                return entries[i];
            }
        }
        return null;
    }

    private static Entry? Latest(Entry[] entries, int day)
    {
        int lo = 0, hi = entries.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (entries[mid].Day <= day)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found < 0 ? null : entries[found];
    }

    private static int LowerBound((int Day, long Cell)[] byDay, int day)
    {
        int lo = 0, hi = byDay.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (byDay[mid].Day < day)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /// <summary>The index as of now: checks the database's newest audit entry and position, and catches up if they moved.</summary>
    private async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (auditId, maxPositionId) = await VersionAsync(db, cancellationToken);
        if (_current is { } fresh && fresh.AuditId == auditId && fresh.MaxPositionId == maxPositionId)
        {
            return fresh;
        }
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            var current = _current;
            if (current is not null && current.AuditId == auditId && current.MaxPositionId == maxPositionId)
            {
                return current;
            }
            var next = current is null ? null : await CatchUpAsync(db, current, auditId, maxPositionId, cancellationToken);
            next ??= await LoadAllAsync(db, auditId, maxPositionId, cancellationToken);
            _current = next;
            return next;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private static async Task<(long AuditId, long MaxPositionId)> VersionAsync(PeaceTalksDbContext db, CancellationToken cancellationToken)
    {
        var version = await RecordVersion.ReadAsync(db, cancellationToken);
        return (version.Audit, version.Positions);
    }

    private async Task<Snapshot> LoadAllAsync(PeaceTalksDbContext db, long auditId, long maxPositionId, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var lists = new Dictionary<long, List<Entry>>();
        await foreach (var p in db.Positions.AsNoTracking()
                           .Select(p => new { p.Id, p.ActorId, p.IssueId, p.AsOf, p.Stance, p.AsOfPrecision, p.Verification })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var cell = Cell(p.ActorId, p.IssueId);
            if (!lists.TryGetValue(cell, out var list))
            {
                lists[cell] = list = new List<Entry>(4);
            }
            list.Add(new Entry(p.AsOf.DayNumber, p.Id, p.Stance, p.AsOfPrecision, p.Verification));
        }
        var cells = new Dictionary<long, Entry[]>(lists.Count);
        foreach (var (cell, list) in lists)
        {
            var entries = list.ToArray();
            Array.Sort(entries, (a, b) => a.Day.CompareTo(b.Day));
            cells[cell] = entries;
        }
        logger.LogInformation("Stance index: {Positions} positions in {Cells} cells read in {Milliseconds} ms",
            cells.Values.Sum(c => c.Length), cells.Count, clock.ElapsedMilliseconds);
        return new Snapshot(cells, auditId, maxPositionId);
    }

    /// <summary>
    /// Re-reads the cells whose positions changed since the snapshot (their audit entries name them), or null when
    /// that is more work than reading everything.
    /// </summary>
    private static async Task<Snapshot?> CatchUpAsync(PeaceTalksDbContext db, Snapshot current, long auditId, long maxPositionId,
        CancellationToken cancellationToken)
    {
        var changed = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Id > current.AuditId && e.EntityType == "position")
            .Select(e => e.EntityId).Distinct().Take(IncrementalUpTo + 1)
            .ToListAsync(cancellationToken);
        // Positions written without an audit entry (none are, by the app): start again.
        var unaudited = await db.Positions.IgnoreQueryFilters().CountAsync(p => p.Id > current.MaxPositionId && !changed.Contains(p.Id), cancellationToken);
        if (changed.Count > IncrementalUpTo || unaudited > 0)
        {
            return null;
        }
        // The cells those positions are in now, and the cells they were in (an actor or issue never changes on edit).
        var rows = await db.Positions.AsNoTracking().IgnoreQueryFilters()
            .Where(p => changed.Contains(p.Id))
            .Select(p => new { p.ActorId, p.IssueId })
            .Distinct().ToListAsync(cancellationToken);
        var cells = new Dictionary<long, Entry[]>(current.Cells);
        foreach (var group in rows)
        {
            var entries = await db.Positions.AsNoTracking()
                .Where(p => p.ActorId == group.ActorId && p.IssueId == group.IssueId)
                .OrderBy(p => p.AsOf)
                .Select(p => new Entry(p.AsOf.DayNumber, p.Id, p.Stance, p.AsOfPrecision, p.Verification))
                .ToArrayAsync(cancellationToken);
            var cell = Cell(group.ActorId, group.IssueId);
            if (entries.Length == 0)
            {
                cells.Remove(cell);
            }
            else
            {
                cells[cell] = entries;
            }
        }
        return new Snapshot(cells, auditId, maxPositionId);
    }
}
