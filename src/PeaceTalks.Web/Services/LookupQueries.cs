using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;

namespace PeaceTalks.Web.Services;

public sealed record ActorOption(string Slug, string Name, string Side, string? Role);

public sealed record IssueOption(string Slug, string Name, string Description);

public sealed record DashboardCounts(int Actors, int Statements, int Meetings, int Issues, int Positions, int Sources);

/// <summary>The small lists filters offer (actors, sides, issues) and the dashboard's counts.</summary>
public sealed class LookupQueries(IDbContextFactory<PeaceTalksDbContext> dbFactory)
{
    public const int MaxSuggestions = 20;

    /// <summary>Actors whose name, alternative names or slug contain the text, for type-ahead.</summary>
    public async Task<IReadOnlyList<ActorOption>> SearchActorsAsync(string? text, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Actors.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = LikePattern.Contains(text.Trim());
            query = query.Where(a => EF.Functions.Like(a.Name, pattern, LikePattern.Escape)
                || EF.Functions.Like(a.Slug, pattern, LikePattern.Escape)
                || (a.AlternativeNames != null && EF.Functions.Like(a.AlternativeNames, pattern, LikePattern.Escape)));
        }
        return await query.OrderBy(a => a.Name).Take(MaxSuggestions)
            .Select(a => new ActorOption(a.Slug, a.Name, a.Side, a.Role))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> SidesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Actors.AsNoTracking().Select(a => a.Side).Distinct().OrderBy(s => s).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<IssueOption>> IssuesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Issues.AsNoTracking().OrderBy(i => i.Name)
            .Select(i => new IssueOption(i.Slug, i.Name, i.Description))
            .ToListAsync(cancellationToken);
    }

    public async Task<DashboardCounts> CountsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return new DashboardCounts(
            await db.Actors.CountAsync(cancellationToken),
            await db.Statements.CountAsync(cancellationToken),
            await db.Meetings.CountAsync(cancellationToken),
            await db.Issues.CountAsync(cancellationToken),
            await db.Positions.CountAsync(cancellationToken),
            await db.Sources.CountAsync(cancellationToken));
    }
}
