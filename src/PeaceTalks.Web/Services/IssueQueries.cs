using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;

namespace PeaceTalks.Web.Services;

/// <summary>An issue in the list: how much has been said on it and how many actors have a recorded stance.</summary>
public sealed record IssueListItem(string Slug, string Name, string Description, int Statements, int Actors);

/// <summary>The issue page's heading: the issue and how many statements are about it.</summary>
public sealed record IssueSummary(int Id, string Slug, string Name, string Description, int Statements);

/// <summary>The issue list and the issue page's heading; the page's stances come from <see cref="StanceQueries"/>.</summary>
public sealed class IssueQueries(IDbContextFactory<PeaceTalksDbContext> dbFactory)
{
    public async Task<IReadOnlyList<IssueListItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Issues.AsNoTracking().OrderBy(i => i.Name)
            .Select(i => new IssueListItem(i.Slug, i.Name, i.Description,
                db.Statements.Count(s => s.Issues.Any(l => l.IssueId == i.Id)),
                db.Positions.Where(p => p.IssueId == i.Id).Select(p => p.ActorId).Distinct().Count()))
            .ToListAsync(cancellationToken);
    }

    public async Task<IssueSummary?> GetAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Issues.AsNoTracking().Where(i => i.Slug == slug)
            .Select(i => new IssueSummary(i.Id, i.Slug, i.Name, i.Description, db.Statements.Count(s => s.Issues.Any(l => l.IssueId == i.Id))))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
