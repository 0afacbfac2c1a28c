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
    public const int MaxChangesListed = 200;

    public sealed record CellRow(int PositionId, int ActorId, int IssueId, Stance Stance, DateOnly AsOf, DatePrecision AsOfPrecision,
        string Summary, Stance? Before);

    /// <summary>
    /// Each actor × issue's latest position on or before <paramref name="asOf"/> (no bound when null), for the
    /// given actors and issues. Computed in SQLite as one seek per cell down the unique (ActorId, IssueId, AsOf)
    /// index: the latest position on or before a day is the last index entry at or below (actor, issue, day), so
    /// the cost grows with the number of cells asked for, not with the history behind them.
    /// </summary>
    public static IQueryable<Position> LatestPositions(PeaceTalksDbContext db, IQueryable<Actor> actors, IQueryable<Issue> issues, DateOnly? asOf)
    {
        var candidates = Candidates(db, asOf);
        return from a in actors
               from i in issues
               let latest = candidates
                   .Where(q => q.ActorId == a.Id && q.IssueId == i.Id)
                   .OrderByDescending(q => q.AsOf)
                   .Select(q => (int?)q.Id)
                   .FirstOrDefault()
               join p in db.Positions on latest equals (int?)p.Id
               select p;
    }

    /// <summary>The latest positions for the actors and issues a filter allows.</summary>
    public static IQueryable<Position> LatestPositions(PeaceTalksDbContext db, ResolvedFilter filter, DateOnly? asOf) =>
        LatestPositions(db, Actors(db, filter), Issues(db, filter), asOf);

    private static IQueryable<Position> Candidates(PeaceTalksDbContext db, DateOnly? asOf) =>
        asOf is { } day ? db.Positions.Where(p => p.AsOf <= day) : db.Positions;

    /// <summary>Positions limited to the actor, side and issue filters (every date).</summary>
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

    /// <summary>
    /// The matrix's rows: every actor with any position at all (so moving the date back empties cells rather than
    /// removing rows), or the actors named in the filter; by side, then name.
    /// </summary>
    private static IQueryable<Actor> RowActors(PeaceTalksDbContext db, ResolvedFilter filter)
    {
        var actors = Actors(db, filter);
        return (filter.ActorIds.Count > 0 ? actors : actors.Where(a => a.Positions.Any()))
            .OrderBy(a => a.Side).ThenBy(a => a.Name).ThenBy(a => a.Id);
    }

    private static IQueryable<Actor> Actors(PeaceTalksDbContext db, ResolvedFilter filter) =>
        ActorQueries.Filtered(db.Actors.AsNoTracking(), filter);

    private static IQueryable<Issue> Issues(PeaceTalksDbContext db, ResolvedFilter filter)
    {
        var issues = db.Issues.AsNoTracking();
        if (filter.IssueIds.Count > 0)
        {
            var ids = filter.IssueIds;
            issues = issues.Where(i => ids.Contains(i.Id));
        }
        return issues;
    }

    /// <summary>The cells of the given actors' rows, with the stance on the comparison date when there is one.</summary>
    private static Task<List<CellRow>> CellsAsync(PeaceTalksDbContext db, IQueryable<Actor> actors, IQueryable<Issue> issues,
        DateOnly? asOf, DateOnly? since, CancellationToken cancellationToken)
    {
        var now = Candidates(db, asOf);
        if (since is not { } sinceDay)
        {
            return LatestPositions(db, actors, issues, asOf)
                .Select(p => new CellRow(p.Id, p.ActorId, p.IssueId, p.Stance, p.AsOf, p.AsOfPrecision, p.Summary, null))
                .ToListAsync(cancellationToken);
        }
        var then = Candidates(db, sinceDay);
        return (from a in actors
                from i in issues
                let latest = now.Where(q => q.ActorId == a.Id && q.IssueId == i.Id).OrderByDescending(q => q.AsOf).Select(q => (int?)q.Id).FirstOrDefault()
                let before = then.Where(q => q.ActorId == a.Id && q.IssueId == i.Id).OrderByDescending(q => q.AsOf).Select(q => (Stance?)q.Stance).FirstOrDefault()
                join p in db.Positions on latest equals (int?)p.Id
                select new CellRow(p.Id, p.ActorId, p.IssueId, p.Stance, p.AsOf, p.AsOfPrecision, p.Summary, before))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The matrix's columns, row count and (with a comparison date) who moved, as of the filter's day.</summary>
    public async Task<StanceMatrix> GetMatrixAsync(ResolvedFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var columns = await Issues(db, filter).OrderBy(i => i.Name)
            .Select(i => new StanceColumn(i.Id, i.Slug, i.Name, i.Description))
            .ToListAsync(cancellationToken);
        var rowCount = await RowActors(db, filter).CountAsync(cancellationToken);
        var changes = filter.Filter.Since is { } since
            ? await ChangesAsync(db, filter, filter.Filter.AsOf, since, cancellationToken)
            : null;
        return new StanceMatrix(filter.Filter.AsOf, filter.Filter.Since, columns, rowCount, changes);
    }

    /// <summary>A window of the matrix's rows (the page renders only the rows in view), with their cells.</summary>
    public async Task<IReadOnlyList<StanceRow>> GetRowsAsync(ResolvedFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actors = await RowActors(db, filter).Skip(skip).Take(take)
            .Select(a => new { a.Id, a.Slug, a.Name, a.Side, a.Role })
            .ToListAsync(cancellationToken);
        if (actors.Count == 0)
        {
            return [];
        }
        var ids = actors.Select(a => a.Id).ToList();
        var cells = await CellsAsync(db, db.Actors.Where(a => ids.Contains(a.Id)), Issues(db, filter),
            filter.Filter.AsOf, filter.Filter.Since, cancellationToken);
        var byActor = cells.ToLookup(c => c.ActorId);
        var compare = filter.Filter.Since is not null;
        return
        [
            .. actors.Select(a => new StanceRow(a.Id, new ActorRef(a.Slug, a.Name), a.Side, a.Role,
                byActor[a.Id].ToDictionary(c => c.IssueId, c => new StanceCell(c.PositionId, c.Stance, c.AsOf, c.AsOfPrecision, c.Summary)
                {
                    Before = c.Before,
                    Changed = compare && c.Before != c.Stance,
                }))),
        ];
    }

    /// <summary>
    /// Who moved: every cell whose stance on <paramref name="asOf"/> differs from the one on <paramref name="since"/>
    /// (a position that did not exist yet counts as a move from "no known position"), most recent first.
    /// </summary>
    private static async Task<StanceChangeList> ChangesAsync(PeaceTalksDbContext db, ResolvedFilter filter, DateOnly? asOf, DateOnly since,
        CancellationToken cancellationToken)
    {
        var now = Candidates(db, asOf);
        var then = Candidates(db, since);
        var changed = await (from a in Actors(db, filter)
                             from i in Issues(db, filter)
                             let latest = now.Where(q => q.ActorId == a.Id && q.IssueId == i.Id).OrderByDescending(q => q.AsOf).Select(q => (int?)q.Id).FirstOrDefault()
                             let before = then.Where(q => q.ActorId == a.Id && q.IssueId == i.Id).OrderByDescending(q => q.AsOf).Select(q => (Stance?)q.Stance).FirstOrDefault()
                             join p in db.Positions on latest equals (int?)p.Id
                             where before == null || before != p.Stance
                             select new { p.ActorId, p.IssueId, p.Stance, Before = before, p.AsOf, p.AsOfPrecision })
            .ToListAsync(cancellationToken);

        var latestChanges = changed.OrderByDescending(c => c.AsOf).ThenBy(c => c.ActorId).ThenBy(c => c.IssueId).Take(MaxChangesListed).ToList();
        var actorIds = latestChanges.Select(c => c.ActorId).Distinct().ToList();
        var issueIds = latestChanges.Select(c => c.IssueId).Distinct().ToList();
        var actors = await db.Actors.AsNoTracking().Where(a => actorIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => new ActorRef(a.Slug, a.Name), cancellationToken);
        var issues = await db.Issues.AsNoTracking().Where(i => issueIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => (i.Slug, i.Name), cancellationToken);
        return new StanceChangeList(changed.Count,
        [
            .. latestChanges.Select(c => new StanceChange(actors[c.ActorId], issues[c.IssueId].Slug, issues[c.IssueId].Name, c.Before, c.Stance, c.AsOf, c.AsOfPrecision))
                .OrderByDescending(c => c.AsOf).ThenBy(c => c.Actor.Name).ThenBy(c => c.IssueName),
        ]);
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
