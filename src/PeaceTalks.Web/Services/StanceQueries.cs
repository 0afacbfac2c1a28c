using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Services;

/// <summary>
/// The stance matrix. The as-of rule: a cell holds the actor's position on the issue with the latest as-of
/// date on or before the chosen day. (Actor, issue, as-of) is unique, so there are never two candidates.
/// </summary>
public sealed class StanceQueries(IDbContextFactory<PeaceTalksDbContext> dbFactory)
{
    public sealed record CellRow(int PositionId, int ActorId, int IssueId, Stance Stance, DateOnly AsOf, DatePrecision AsOfPrecision, string Summary);

    /// <summary>
    /// Each actor × issue's latest position on or before <paramref name="asOf"/> (no bound when null), computed
    /// in SQLite: the latest date per cell by GROUP BY over the (ActorId, IssueId, AsOf) index, joined back.
    /// </summary>
    public static IQueryable<Position> LatestPositions(IQueryable<Position> positions, DateOnly? asOf)
    {
        var candidates = asOf is { } day ? positions.Where(p => p.AsOf <= day) : positions;
        var latest = candidates
            .GroupBy(p => new { p.ActorId, p.IssueId })
            .Select(g => new { g.Key.ActorId, g.Key.IssueId, AsOf = g.Max(p => p.AsOf) });
        return from p in positions
               join l in latest on new { p.ActorId, p.IssueId, p.AsOf } equals new { l.ActorId, l.IssueId, l.AsOf }
               select p;
    }

    /// <summary>Positions limited to the actor, side and issue filters.</summary>
    public static IQueryable<Position> Filtered(IQueryable<Position> positions, ResolvedFilter filter)
    {
        if (filter.ActorIds.Count > 0)
        {
            var ids = filter.ActorIds;
            positions = positions.Where(p => ids.Contains(p.ActorId));
        }
        if (filter.Sides.Count > 0)
        {
            var sides = filter.Sides;
            positions = positions.Where(p => sides.Contains(p.Actor.Side));
        }
        if (filter.IssueIds.Count > 0)
        {
            var ids = filter.IssueIds;
            positions = positions.Where(p => ids.Contains(p.IssueId));
        }
        return positions;
    }

    /// <summary>The cells of the matrix as of a day, as flat rows.</summary>
    public static Task<List<CellRow>> CellsAsync(PeaceTalksDbContext db, ResolvedFilter filter, DateOnly? asOf, CancellationToken cancellationToken) =>
        LatestPositions(Filtered(db.Positions.AsNoTracking(), filter), asOf)
            .Select(p => new CellRow(p.Id, p.ActorId, p.IssueId, p.Stance, p.AsOf, p.AsOfPrecision, p.Summary))
            .ToListAsync(cancellationToken);

    public async Task<StanceMatrix> GetMatrixAsync(ResolvedFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var asOf = filter.Filter.AsOf;
        var since = filter.Filter.Since;

        var issues = db.Issues.AsNoTracking();
        if (filter.IssueIds.Count > 0)
        {
            var ids = filter.IssueIds;
            issues = issues.Where(i => ids.Contains(i.Id));
        }
        var columns = await issues.OrderBy(i => i.Name)
            .Select(i => new StanceColumn(i.Id, i.Slug, i.Name, i.Description))
            .ToListAsync(cancellationToken);

        // Rows: every actor with any position at all (so moving the date back empties cells rather than
        // removing rows), plus actors named in the filter.
        var actors = db.Actors.AsNoTracking();
        if (filter.ActorIds.Count > 0)
        {
            var ids = filter.ActorIds;
            actors = actors.Where(a => ids.Contains(a.Id));
        }
        else
        {
            actors = actors.Where(a => a.Positions.Any());
        }
        if (filter.Sides.Count > 0)
        {
            var sides = filter.Sides;
            actors = actors.Where(a => sides.Contains(a.Side));
        }
        var rows = await actors.OrderBy(a => a.Side).ThenBy(a => a.Name)
            .Select(a => new { a.Id, a.Slug, a.Name, a.Side, a.Role })
            .ToListAsync(cancellationToken);

        var now = await CellsAsync(db, filter, asOf, cancellationToken);
        var before = since is null ? null
            : (await CellsAsync(db, filter, since, cancellationToken)).ToDictionary(c => (c.ActorId, c.IssueId));

        var cellsByActor = now.ToLookup(c => c.ActorId);
        var names = rows.ToDictionary(r => r.Id);
        var issueNames = columns.ToDictionary(c => c.Id);
        var changes = new List<StanceChange>();
        var matrixRows = new List<StanceRow>(rows.Count);
        foreach (var actor in rows)
        {
            var cells = new Dictionary<int, StanceCell>();
            foreach (var c in cellsByActor[actor.Id])
            {
                if (!issueNames.TryGetValue(c.IssueId, out var issue))
                {
                    continue;
                }
                var cell = new StanceCell(c.PositionId, c.Stance, c.AsOf, c.AsOfPrecision, c.Summary);
                if (before is not null)
                {
                    Stance? then = before.TryGetValue((c.ActorId, c.IssueId), out var old) ? old.Stance : null;
                    cell = cell with { Before = then, Changed = then != c.Stance };
                    if (cell.Changed)
                    {
                        changes.Add(new StanceChange(new ActorRef(actor.Slug, actor.Name), issue.Slug, issue.Name, then, c.Stance, c.AsOf, c.AsOfPrecision));
                    }
                }
                cells[c.IssueId] = cell;
            }
            matrixRows.Add(new StanceRow(actor.Id, new ActorRef(actor.Slug, actor.Name), actor.Side, actor.Role, cells));
        }

        return new StanceMatrix(asOf, since, columns, matrixRows,
            [.. changes.OrderByDescending(c => c.AsOf).ThenBy(c => c.Actor.Name).ThenBy(c => c.IssueName)]);
    }

    /// <summary>The evidence drawer: the cell's position with its evidence, and the actor's stance history on the issue.</summary>
    public async Task<StanceCellDetail?> GetCellAsync(string actorSlug, string issueSlug, DateOnly? asOf, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = await db.Actors.AsNoTracking().Where(a => a.Slug == actorSlug)
            .Select(a => new { a.Id, Ref = new ActorRef(a.Slug, a.Name), a.Side }).SingleOrDefaultAsync(cancellationToken);
        var issue = await db.Issues.AsNoTracking().Where(i => i.Slug == issueSlug)
            .Select(i => new { i.Id, Ref = new IssueRef(i.Slug, i.Name) }).SingleOrDefaultAsync(cancellationToken);
        if (actor is null || issue is null)
        {
            return null;
        }

        var all = await db.Positions.AsNoTracking()
            .Where(p => p.ActorId == actor.Id && p.IssueId == issue.Id)
            .OrderBy(p => p.AsOf)
            .Select(p => new PositionHistoryItem(p.Id, p.Stance, p.AsOf, p.AsOfPrecision, p.Summary))
            .ToListAsync(cancellationToken);
        var history = asOf is { } day ? all.Where(p => p.AsOf <= day).ToList() : all;
        var current = history.LastOrDefault();

        var evidence = new List<StatementItem>();
        if (current is not null)
        {
            evidence = await db.PositionEvidence.AsNoTracking()
                .Where(e => e.PositionId == current.Id)
                .Select(e => e.Statement)
                .OrderBy(s => s.Date).ThenBy(s => s.Id)
                .Select(Projections.Statement)
                .ToListAsync(cancellationToken);
            evidence = await Projections.WithIssuesAsync(db, evidence, cancellationToken);
        }
        return new StanceCellDetail(actor.Ref, actor.Side, issue.Ref, current, evidence, history, all.Count - history.Count);
    }
}
