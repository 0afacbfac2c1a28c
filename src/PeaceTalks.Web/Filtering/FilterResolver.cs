using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;

namespace PeaceTalks.Web.Filtering;

public sealed record NamedRef(int Id, string Slug, string Name);

/// <summary>A filter with its slugs looked up: ids to query with, names to show, and every problem found.</summary>
public sealed record ResolvedFilter(
    DashboardFilter Filter,
    IReadOnlyList<NamedRef> Actors,
    IReadOnlyList<string> Sides,
    IReadOnlyList<NamedRef> Issues,
    IReadOnlyList<string> Problems)
{
    [JsonIgnore] public IReadOnlyList<int> ActorIds { get; } = [.. Actors.Select(a => a.Id)];
    [JsonIgnore] public IReadOnlyList<int> IssueIds { get; } = [.. Issues.Select(i => i.Id)];

    /// <summary>The filter without the values that matched nothing, as the page applies it (and as its URL should read).</summary>
    [JsonIgnore] public DashboardFilter Applied { get; } = Filter with
    {
        Actors = [.. Actors.Select(a => a.Slug)],
        Sides = Sides,
        Issues = [.. Issues.Select(i => i.Slug)],
        Problems = [],
    };
}

/// <summary>Looks up the actor, side and issue values of a filter; unknown ones are dropped with a message.</summary>
public sealed class FilterResolver(IDbContextFactory<PeaceTalksDbContext> dbFactory)
{
    public async Task<ResolvedFilter> ResolveAsync(DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>(filter.Problems);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // The slugs go in as one parameter (a JSON array), so the SQL text, and EF Core's cached plan for it, is the
        // same however many there are; a list would be one parameter per slug and new SQL on every page load.
        string[] actorSlugs = [.. filter.Actors];
        var actors = actorSlugs.Length == 0 ? [] : await db.Actors.AsNoTracking()
            .Where(a => EF.Parameter(actorSlugs).Contains(a.Slug))
            .Select(a => new NamedRef(a.Id, a.Slug, a.Name))
            .ToListAsync(cancellationToken);
        problems.AddRange(actorSlugs.Where(s => actors.All(a => a.Slug != s))
            .Select(s => $"No actor '{DashboardFilter.Shorten(s)}' — filter ignored."));

        string[] issueSlugs = [.. filter.Issues];
        var issues = issueSlugs.Length == 0 ? [] : await db.Issues.AsNoTracking()
            .Where(i => EF.Parameter(issueSlugs).Contains(i.Slug))
            .Select(i => new NamedRef(i.Id, i.Slug, i.Name))
            .ToListAsync(cancellationToken);
        problems.AddRange(issueSlugs.Where(s => issues.All(i => i.Slug != s))
            .Select(s => $"No issue '{DashboardFilter.Shorten(s)}' — filter ignored."));

        var sides = new List<string>();
        if (filter.Sides.Count > 0)
        {
            var known = await db.Actors.AsNoTracking().Select(a => a.Side).Distinct().ToListAsync(cancellationToken);
            foreach (var side in filter.Sides)
            {
                // Sides match without regard to case, so ?side=ukraine works as well as ?side=Ukraine.
                var match = known.FirstOrDefault(k => string.Equals(k, side, StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    problems.Add($"No side '{DashboardFilter.Shorten(side)}' — filter ignored.");
                }
                else if (!sides.Contains(match))
                {
                    sides.Add(match);
                }
            }
        }

        // Keep the order the URL gave, so chips do not jump around.
        return new ResolvedFilter(filter,
            [.. actors.OrderBy(a => IndexOf(actorSlugs, a.Slug))], sides,
            [.. issues.OrderBy(i => IndexOf(issueSlugs, i.Slug))], problems);
    }

    private static int IndexOf(string[] list, string value)
    {
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }
        return -1;
    }
}
