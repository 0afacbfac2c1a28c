using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Services;

/// <summary>
/// The stance matrix. The as-of rule (a cell holds the position with the latest as-of date on or before the chosen
/// day) lives in <see cref="StanceIndex"/>; this service adds the actors, issues and words around it.
/// </summary>
public sealed class StanceQueries(IDbContextFactory<PeaceTalksDbContext> dbFactory, StanceIndex index)
{
    public const int MaxChangesListed = 200;

    /// <summary>Positions limited to the actor, side and issue filters (every date).</summary>
    public static IQueryable<Position> Filtered(IQueryable<Position> positions, ResolvedFilter filter) =>
        positions.AnyOf(PositionFilters.Actor, filter.ActorIds).AnyOf(PositionFilters.Side, filter.Sides).AnyOf(PositionFilters.Issue, filter.IssueIds);

    /// <summary>
    /// The matrix's rows: every actor with any position at all (so moving the date back empties cells rather than
    /// removing rows), or the actors named in the filter; by side, then name.
    /// </summary>
    private static IQueryable<Actor> RowActors(PeaceTalksDbContext db, ResolvedFilter filter)
    {
        var actors = ActorQueries.Filtered(db, db.Actors.AsNoTracking(), filter);
        return (filter.ActorIds.Count > 0 ? actors : actors.Where(a => a.Positions.Any()))
            .OrderBy(a => a.Side).ThenBy(a => a.Name).ThenBy(a => a.Id);
    }

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

    /// <summary>The actors a filter allows, or null when it allows every actor.</summary>
    private static async Task<HashSet<int>?> AllowedActorsAsync(PeaceTalksDbContext db, ResolvedFilter filter, CancellationToken cancellationToken) =>
        filter.ActorIds.Count == 0 && filter.Sides.Count == 0 ? null
            : [.. await ActorQueries.Filtered(db, db.Actors.AsNoTracking(), filter).Select(a => a.Id).ToListAsync(cancellationToken)];

    /// <summary>The position ids in force as of the filter's day for the actors and issues it allows: what the matrix and its export show.</summary>
    public async Task<List<int>> LatestPositionIdsAsync(ResolvedFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actors = await AllowedActorsAsync(db, filter, cancellationToken);
        var issues = filter.IssueIds.Count == 0 ? null : filter.IssueIds.ToHashSet();
        return await index.LatestPositionIdsAsync(actors, issues, filter.Filter.AsOf, cancellationToken, filter.Filter.OnlyVerified);
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
            ? await ChangesAsync(db, filter, since, cancellationToken)
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
        var issueIds = await Issues(db, filter).Select(i => i.Id).ToListAsync(cancellationToken);
        var cells = await index.CellsAsync(actors.Select(a => a.Id), issueIds, filter.Filter.AsOf, filter.Filter.Since, cancellationToken,
            filter.Filter.OnlyVerified);
        // The summaries are words, kept in the database; only the window's are read.
        var positionIds = cells.Values.Select(c => c.PositionId).ToList();
        var summaries = await db.Positions.AsNoTracking()
            .Where(p => EF.Parameter(positionIds).Contains(p.Id))
            .Select(p => new { p.Id, p.Summary })
            .ToDictionaryAsync(p => p.Id, p => p.Summary, cancellationToken);
        var byActor = cells.ToLookup(c => c.Key.Actor);
        return
        [
            .. actors.Select(a => new StanceRow(a.Id, new ActorRef(a.Slug, a.Name), a.Side, a.Role,
                byActor[a.Id].ToDictionary(c => c.Key.Issue, c => new StanceCell(c.Value.PositionId, c.Value.Stance, c.Value.AsOf,
                    c.Value.AsOfPrecision, summaries.GetValueOrDefault(c.Value.PositionId, ""))
                {
                    Before = c.Value.Before,
                    Changed = c.Value.Changed,
                }))),
        ];
    }

    /// <summary>
    /// Who moved: every cell whose stance on the as-of date differs from the one on <paramref name="since"/>, from the
    /// same index that marks the cells, the most recent <see cref="MaxChangesListed"/> with their names.
    /// </summary>
    private async Task<StanceChangeList> ChangesAsync(PeaceTalksDbContext db, ResolvedFilter filter, DateOnly since, CancellationToken cancellationToken)
    {
        var actors = await AllowedActorsAsync(db, filter, cancellationToken);
        var issues = filter.IssueIds.Count == 0 ? null : filter.IssueIds.ToHashSet();
        var (total, latest) = await index.ChangesAsync(actors, issues, filter.Filter.AsOf, since, MaxChangesListed, cancellationToken,
            filter.Filter.OnlyVerified);
        var actorIds = latest.Select(c => c.ActorId).Distinct().ToList();
        var issueIds = latest.Select(c => c.IssueId).Distinct().ToList();
        var actorNames = await db.Actors.AsNoTracking().Where(a => actorIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => new ActorRef(a.Slug, a.Name), cancellationToken);
        var issueNames = await db.Issues.AsNoTracking().Where(i => issueIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => (i.Slug, i.Name), cancellationToken);
        return new StanceChangeList(total,
        [
            .. latest.Where(c => actorNames.ContainsKey(c.ActorId) && issueNames.ContainsKey(c.IssueId))
                .Select(c => new StanceChange(actorNames[c.ActorId], issueNames[c.IssueId].Slug, issueNames[c.IssueId].Name, c.Before, c.Stance,
                    c.AsOf, c.AsOfPrecision))
                .OrderByDescending(c => c.AsOf).ThenBy(c => c.Actor.Name).ThenBy(c => c.IssueName),
        ]);
    }

    /// <summary>The evidence drawer: the cell's position with its evidence, and the actor's stance history on the issue.</summary>
    /// <remarks>With <paramref name="verifiedOnly"/> the cell, its history and its evidence hold verified items only.</remarks>
    public async Task<StanceCellDetail?> GetCellAsync(string actorSlug, string issueSlug, DateOnly? asOf, CancellationToken cancellationToken = default,
        bool verifiedOnly = false)
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
            .Where(p => !verifiedOnly || p.Verification == VerificationState.Verified)
            .OrderBy(p => p.AsOf)
            .Select(p => new PositionHistoryItem(p.Id, p.Stance, p.AsOf, p.AsOfPrecision, p.Summary)
            {
                Check = new Verification.CheckInfo(p.Verification, p.CheckedBy, p.CheckedAt, p.DisputeReason, p.DisputeNote),
            })
            .ToListAsync(cancellationToken);
        var cells = await index.CellsAsync([actor.Id], [issue.Id], asOf, null, cancellationToken, verifiedOnly);
        var current = cells.TryGetValue((actor.Id, issue.Id), out var cell) ? all.Single(p => p.Id == cell.PositionId) : null;
        var history = asOf is { } day ? all.Where(p => p.AsOf <= day).ToList() : all;

        var evidence = new List<StatementItem>();
        if (current is not null)
        {
            evidence = await db.PositionEvidence.AsNoTracking()
                .Where(e => e.PositionId == current.Id)
                .Select(e => e.Statement)
                .Where(st => !verifiedOnly || st.Verification == VerificationState.Verified)
                .OrderBy(s => s.Date).ThenBy(s => s.Id)
                .Select(Projections.Statement)
                .ToListAsync(cancellationToken);
            evidence = await Projections.WithIssuesAsync(db, evidence, cancellationToken);
        }
        return new StanceCellDetail(actor.Ref, actor.Side, issue.Ref, current, evidence, history, all.Count - history.Count);
    }
}
