using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Services;

/// <summary>A position a statement is evidence for.</summary>
public sealed record EvidencedPosition(ActorRef Actor, IssueRef Issue, Stance Stance, DateOnly AsOf, DatePrecision AsOfPrecision, string Summary);

/// <summary>A stance on a plan point a statement is evidence for.</summary>
public sealed record EvidencedPointStance(ActorRef Actor, string PointKey, string Point, PointStance Stance, DateOnly AsOf, DatePrecision AsOfPrecision);

/// <summary>Everything the page of one statement shows.</summary>
public sealed record StatementDetail(int Id, StatementItem Statement, IReadOnlyList<EvidencedPosition> Positions,
    IReadOnlyList<SourceRef> OtherSources)
{
    public IReadOnlyList<EvidencedPointStance> PointStances { get; init; } = [];
}

/// <summary>One statement by its key, for its own page (retracted ones too: a link to them must say what happened).</summary>
public sealed class StatementQueries(IDbContextFactory<PeaceTalksDbContext> dbFactory)
{
    public async Task<StatementDetail?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var statement = await db.Statements.AsNoTracking().IgnoreQueryFilters([PeaceTalksDbContext.Live])
            .Where(s => s.Key == key).Select(Projections.Statement).SingleOrDefaultAsync(cancellationToken);
        if (statement is null)
        {
            return null;
        }
        statement = (await Projections.WithIssuesAsync(db, [statement], cancellationToken))[0];
        var positions = await db.PositionEvidence.AsNoTracking()
            .Where(e => e.StatementId == statement.Id)
            .Select(e => e.Position)
            .OrderBy(p => p.AsOf)
            .Select(p => new EvidencedPosition(new ActorRef(p.Actor.Slug, p.Actor.Name), new IssueRef(p.Issue.Slug, p.Issue.Name),
                p.Stance, p.AsOf, p.AsOfPrecision, p.Summary))
            .ToListAsync(cancellationToken);
        var otherSources = await db.StatementSources.AsNoTracking()
            .Where(ss => ss.StatementId == statement.Id)
            .Select(ss => ss.Source)
            .OrderBy(src => src.PublishedOn).ThenBy(src => src.Key)
            .Select(src => new SourceRef(src.Key, src.Title, src.Outlet, src.Url, src.PublishedOn, src.PublishedPrecision))
            .ToListAsync(cancellationToken);
        var pointStances = await db.Set<PointPositionEvidence>().AsNoTracking()
            .Where(e => e.StatementId == statement.Id)
            .Select(e => e.PointPosition)
            .OrderBy(p => p.AsOf)
            .Select(p => new EvidencedPointStance(new ActorRef(p.Actor.Slug, p.Actor.Name), p.PlanPoint.Key,
                "point " + p.PlanPoint.Number + " of the " + p.PlanPoint.PlanVersion.Label + " (" + p.PlanPoint.PlanVersion.Plan.Title + ")",
                p.Stance, p.AsOf, p.AsOfPrecision))
            .ToListAsync(cancellationToken);
        return new StatementDetail(statement.Id, statement, positions, otherSources) { PointStances = pointStances };
    }
}
