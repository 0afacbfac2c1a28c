using System.Globalization;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Services;

/// <summary>
/// Peace plans point by point: the list of plans with where their latest version stands, one version's points with
/// each actor's stance as of a day, two versions compared (what was added, dropped, reworded, merged, split,
/// renumbered, and who moved), and the evidence behind one stance.
/// </summary>
public sealed partial class PlanQueries(IDbContextFactory<PeaceTalksDbContext> dbFactory)
{
    private sealed record VersionRow(int Id, int PlanId, PlanVersionRef Ref);

    private static readonly Expression<Func<PlanVersion, VersionRow>> Version = v => new VersionRow(v.Id, v.PlanId, new PlanVersionRef(
        v.Key, v.Label, v.Date, v.DatePrecision, v.DateBasis, v.Status, v.PointCount,
        new SourceRef(v.Source.Key, v.Source.Title, v.Source.Outlet, v.Source.Url, v.Source.PublishedOn, v.Source.PublishedPrecision)));

    /// <summary>Every live plan with its latest version and how its points stand today (or as of <paramref name="asOf"/>).</summary>
    public async Task<IReadOnlyList<PlanListItem>> ListAsync(DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plans = await db.Plans.AsNoTracking().OrderBy(p => p.Title)
            .Select(p => new { p.Id, p.Slug, p.Title, ProposedBy = p.ProposedBy == null ? null : new ActorRef(p.ProposedBy.Slug, p.ProposedBy.Name) })
            .ToListAsync(cancellationToken);
        var versions = await db.PlanVersions.AsNoTracking().Select(Version).ToListAsync(cancellationToken);
        var latest = versions.GroupBy(v => v.PlanId).ToDictionary(g => g.Key, g => g.OrderBy(v => v.Ref.Date).ThenBy(v => v.Id).Last());
        var points = await PointsAsync(db, [.. latest.Values.Select(v => v.Id)], asOf ?? Today, cancellationToken);
        return
        [
            .. plans.Select(p =>
            {
                var version = latest.GetValueOrDefault(p.Id);
                var counts = version is null ? new PointCounts(0, 0, 0, 0) : Count(points.Where(x => x.VersionId == version.Id).Select(x => x.Point));
                return new PlanListItem(p.Slug, p.Title, p.ProposedBy, version?.Ref, versions.Count(v => v.PlanId == p.Id), counts);
            }),
        ];
    }

    /// <summary>A plan with one version's points (the latest, or <paramref name="versionKey"/>) and the stances on them as of a day.</summary>
    public async Task<PlanDetail?> GetAsync(string slug, string? versionKey = null, DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Slug == slug)
            .Select(p => new
            {
                p.Id, p.Slug, p.Title, p.Summary,
                ProposedBy = p.ProposedBy == null ? null : new ActorRef(p.ProposedBy.Slug, p.ProposedBy.Name),
                Issues = p.Issues.OrderBy(i => i.Issue.Name).Select(i => new IssueRef(i.Issue.Slug, i.Issue.Name)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }
        var versions = await VersionsAsync(db, plan.Id, cancellationToken);
        var shown = versionKey is null ? versions.LastOrDefault() : versions.FirstOrDefault(v => v.Ref.Key == versionKey);
        var points = shown is null ? [] : (await PointsAsync(db, [shown.Id], asOf ?? Today, cancellationToken)).Select(p => p.Point).ToList();
        if (shown is not null && versions.SkipWhile(v => v.Id != shown.Id).Skip(1).FirstOrDefault() is { } next)
        {
            // A point the next version does not continue was dropped there.
            var continued = await db.Set<PointLineage>().AsNoTracking().Where(l => l.PlanPoint.PlanVersionId == next.Id)
                .Select(l => l.PreviousPointId).ToListAsync(cancellationToken);
            points = [.. points.Select(p => continued.Contains(p.Id) ? p : p with { DroppedIn = next.Ref.Label })];
        }
        var actors = points.SelectMany(p => p.Stances).Select(s => (s.Side, s.Actor)).Distinct()
            .OrderBy(a => a.Side, StringComparer.Ordinal).ThenBy(a => a.Actor.Name, StringComparer.Ordinal).Select(a => a.Actor).ToList();
        return new PlanDetail(plan.Id, plan.Slug, plan.Title, plan.Summary, plan.ProposedBy, plan.Issues, [.. versions.Select(v => v.Ref)],
            shown?.Ref, asOf, points, actors, Count(points));
    }

    /// <summary>A plan's title and versions, oldest first: what the compare page needs around the comparison.</summary>
    public async Task<PlanHeader?> HeaderAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Slug, p.Title }).FirstOrDefaultAsync(cancellationToken);
        return plan is null ? null : new PlanHeader(plan.Slug, plan.Title, [.. (await VersionsAsync(db, plan.Id, cancellationToken)).Select(v => v.Ref)]);
    }

    /// <summary>The plan page that shows a version or a point (by its key): the plan's address with the version, and the point's anchor.</summary>
    public async Task<string?> AddressOfAsync(string? versionKey, string? pointKey, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = pointKey is not null
            ? await db.PlanPoints.AsNoTracking().Where(p => p.Key == pointKey)
                .Select(p => new { Plan = p.PlanVersion.Plan.Slug, Version = p.PlanVersion.Key, Point = (string?)p.Key }).FirstOrDefaultAsync(cancellationToken)
            : await db.PlanVersions.AsNoTracking().Where(v => v.Key == versionKey)
                .Select(v => new { Plan = v.Plan.Slug, Version = v.Key, Point = (string?)null }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null
            : $"/plans/{Uri.EscapeDataString(found.Plan)}?version={Uri.EscapeDataString(found.Version)}"
              + (found.Point is { } point ? $"#point-{Uri.EscapeDataString(point)}" : "");
    }

    /// <summary>Two versions of a plan side by side, and who moved on their points between the two versions' days.</summary>
    public async Task<PlanComparison?> CompareAsync(string slug, string fromKey, string toKey, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Slug, p.Title }).FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }
        var versions = await VersionsAsync(db, plan.Id, cancellationToken);
        var from = versions.FirstOrDefault(v => v.Ref.Key == fromKey);
        var to = versions.FirstOrDefault(v => v.Ref.Key == toKey);
        if (from is null || to is null)
        {
            return null;
        }
        // Every point of the plan, to follow each later point back through the versions between the two.
        var lineage = await db.Set<PointLineage>().AsNoTracking().Where(l => l.PlanPoint.PlanVersion.PlanId == plan.Id)
            .Select(l => new { l.PlanPointId, l.PreviousPointId }).ToListAsync(cancellationToken);
        var previous = lineage.ToLookup(l => l.PlanPointId, l => l.PreviousPointId);
        var before = (await PointsAsync(db, [from.Id], from.Ref.Date, cancellationToken)).Select(p => p.Point).ToList();
        var after = (await PointsAsync(db, [to.Id], to.Ref.Date, cancellationToken)).Select(p => p.Point).ToList();
        var beforeIds = before.Select(p => p.Id).ToHashSet();

        HashSet<int> Ancestors(int pointId)
        {
            var found = new HashSet<int>();
            var queue = new Queue<int>([pointId]);
            var seen = new HashSet<int>();
            while (queue.TryDequeue(out var id))
            {
                foreach (var parent in previous[id])
                {
                    if (!seen.Add(parent))
                    {
                        continue;
                    }
                    if (beforeIds.Contains(parent))
                    {
                        found.Add(parent);
                    }
                    else
                    {
                        queue.Enqueue(parent);
                    }
                }
            }
            return found;
        }

        var ancestors = after.ToDictionary(p => p.Id, p => Ancestors(p.Id));
        var descendants = before.ToDictionary(p => p.Id, p => ancestors.Count(a => a.Value.Contains(p.Id)));
        var compared = new List<ComparedPoint>();
        foreach (var point in after)
        {
            var parents = before.Where(p => ancestors[point.Id].Contains(p.Id)).ToList();
            var comparison = parents.Count switch
            {
                0 => PointComparison.Added,
                > 1 => PointComparison.Merged,
                _ when descendants[parents[0].Id] > 1 => PointComparison.Split,
                _ when Same(parents[0].Text, point.Text) => PointComparison.Unchanged,
                _ => PointComparison.Reworded,
            };
            var words = comparison is PointComparison.Reworded or PointComparison.Split or PointComparison.Merged
                ? Diff(string.Join(" ", parents.Select(p => p.Text)), point.Text)
                : [new WordRun(WordChange.Same, point.Text)];
            compared.Add(new ComparedPoint(comparison, parents, point, words, parents.Count == 1 && parents[0].Number != point.Number));
        }
        foreach (var dropped in before.Where(p => descendants[p.Id] == 0))
        {
            compared.Add(new ComparedPoint(PointComparison.Dropped, [dropped], null, [new WordRun(WordChange.Removed, dropped.Text)], false));
        }

        var moves = new List<PointMove>();
        foreach (var item in compared.Where(c => c.After is not null && c.Before.Count > 0))
        {
            var then = item.Before.SelectMany(p => p.Stances).GroupBy(s => s.Actor.Slug).ToDictionary(g => g.Key, g => g.MaxBy(s => s.AsOf)!);
            var now = item.After!.Stances.ToDictionary(s => s.Actor.Slug);
            foreach (var slugOf in then.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
            {
                var was = then.GetValueOrDefault(slugOf);
                var isNow = now.GetValueOrDefault(slugOf);
                if (was?.Stance != isNow?.Stance)
                {
                    moves.Add(new PointMove((isNow ?? was)!.Actor, item.After.Number, was?.Stance, isNow?.Stance));
                }
            }
        }
        return new PlanComparison(plan.Slug, plan.Title, from.Ref, to.Ref, compared, moves);
    }

    /// <summary>One actor's stance on one point as of a day, with the statements it rests on and its history.</summary>
    public async Task<PointStanceDetail?> StanceAsync(string actorSlug, string pointKey, DateOnly? asOf, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = await db.Actors.AsNoTracking().Where(a => a.Slug == actorSlug).Select(a => new { a.Id, Ref = new ActorRef(a.Slug, a.Name), a.Side })
            .FirstOrDefaultAsync(cancellationToken);
        var point = await db.PlanPoints.AsNoTracking().Where(p => p.Key == pointKey)
            .Select(p => new { p.Id, p.Key, Label = $"point {p.Number} of the {p.PlanVersion.Label}" }).FirstOrDefaultAsync(cancellationToken);
        if (actor is null || point is null)
        {
            return null;
        }
        var history = await db.PointPositions.AsNoTracking().Where(p => p.ActorId == actor.Id && p.PlanPointId == point.Id)
            .OrderByDescending(p => p.AsOf)
            .Select(p => new PointStanceCell(p.Id, actor.Ref, actor.Side, p.Stance, p.AsOf, p.AsOfPrecision, p.Summary))
            .ToListAsync(cancellationToken);
        var current = history.FirstOrDefault(p => asOf is null || p.AsOf <= asOf);
        var evidence = current is null ? [] : await Projections.WithIssuesAsync(db, await db.Set<PointPositionEvidence>().AsNoTracking()
            .Where(e => e.PointPositionId == current.PositionId).Select(e => e.Statement).OrderBy(s => s.Date).Select(Projections.Statement)
            .ToListAsync(cancellationToken), cancellationToken);
        return new PointStanceDetail(actor.Ref, actor.Side, point.Key, point.Label, current, evidence, history);
    }

    /// <summary>The points an actor has a stance on (latest stance each), for the actor's page.</summary>
    public async Task<IReadOnlyList<PointMention>> ForActorAsync(string actorSlug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.PointPositions.AsNoTracking().Where(p => p.Actor.Slug == actorSlug)
            .Select(p => new
            {
                p.PlanPointId, p.AsOf, p.Stance, Plan = p.PlanPoint.PlanVersion.Plan.Slug, PlanTitle = p.PlanPoint.PlanVersion.Plan.Title,
                p.PlanPoint.PlanVersion.Label, VersionDate = p.PlanPoint.PlanVersion.Date, p.PlanPoint.Number, p.PlanPoint.Text,
            })
            .ToListAsync(cancellationToken);
        return
        [
            .. rows.GroupBy(r => r.PlanPointId).Select(g => g.MaxBy(r => r.AsOf)!)
                .OrderBy(r => r.PlanTitle, StringComparer.Ordinal).ThenByDescending(r => r.VersionDate).ThenBy(r => r.Number, NumberOrder.Instance)
                .Select(r => new PointMention(r.Plan, r.PlanTitle, r.Label, r.Number, r.Text, r.Stance)),
        ];
    }

    /// <summary>The points about an issue, for the issue's page: each plan's versions newest first.</summary>
    public async Task<IReadOnlyList<PointMention>> ForIssueAsync(string issueSlug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<PlanPointIssue>().AsNoTracking().Where(l => l.Issue.Slug == issueSlug)
            .Select(l => new
            {
                Plan = l.PlanPoint.PlanVersion.Plan.Slug, PlanTitle = l.PlanPoint.PlanVersion.Plan.Title, l.PlanPoint.PlanVersion.Label,
                VersionDate = l.PlanPoint.PlanVersion.Date, l.PlanPoint.Number, l.PlanPoint.Text,
            })
            .ToListAsync(cancellationToken);
        return
        [
            .. rows.OrderBy(r => r.PlanTitle, StringComparer.Ordinal).ThenByDescending(r => r.VersionDate).ThenBy(r => r.Number, NumberOrder.Instance)
                .Select(r => new PointMention(r.Plan, r.PlanTitle, r.Label, r.Number, r.Text, null)),
        ];
    }

    /// <summary>The state of a point from its stances: any rejection contests it; acceptance by two sides agrees it.</summary>
    public static PointState StateOf(IEnumerable<PointStanceCell> stances)
    {
        var list = stances.Where(s => s.Stance != PointStance.NoPositionStated).ToList();
        if (list.Any(s => s.Stance == PointStance.Rejects))
        {
            return PointState.Contested;
        }
        var sides = list.Select(s => s.Side).Distinct(StringComparer.Ordinal).Count();
        return sides switch
        {
            0 => PointState.NoPosition,
            1 => PointState.OneSide,
            _ => PointState.Agreed,
        };
    }

    private static PointCounts Count(IEnumerable<PlanPointItem> points)
    {
        var states = points.Select(p => p.State).ToList();
        return new PointCounts(states.Count(s => s == PointState.Agreed), states.Count(s => s == PointState.Contested),
            states.Count(s => s == PointState.OneSide), states.Count(s => s == PointState.NoPosition));
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task<List<VersionRow>> VersionsAsync(PeaceTalksDbContext db, int planId, CancellationToken cancellationToken) =>
        await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId).OrderBy(v => v.Date).ThenBy(v => v.Id)
            .Select(Version).ToListAsync(cancellationToken);

    /// <summary>The live points of some versions, in number order, with issues, lineage and each actor's latest stance on or before <paramref name="asOf"/>.</summary>
    private static async Task<List<(int VersionId, PlanPointItem Point)>> PointsAsync(PeaceTalksDbContext db, int[] versionIds, DateOnly asOf,
        CancellationToken cancellationToken)
    {
        if (versionIds.Length == 0)
        {
            return [];
        }
        var points = await db.PlanPoints.AsNoTracking().Where(p => EF.Parameter(versionIds).Contains(p.PlanVersionId))
            .Select(p => new { p.Id, p.PlanVersionId, p.Key, p.Number, p.Kind, p.Text, p.Change })
            .ToListAsync(cancellationToken);
        int[] ids = [.. points.Select(p => p.Id)];
        var issues = (await db.Set<PlanPointIssue>().AsNoTracking().Where(l => EF.Parameter(ids).Contains(l.PlanPointId))
                .Select(l => new { l.PlanPointId, Ref = new IssueRef(l.Issue.Slug, l.Issue.Name) }).ToListAsync(cancellationToken))
            .ToLookup(l => l.PlanPointId, l => l.Ref);
        var continues = (await db.Set<PointLineage>().AsNoTracking().Where(l => EF.Parameter(ids).Contains(l.PlanPointId))
                .Select(l => new { l.PlanPointId, l.PreviousPoint.Key, l.PreviousPoint.Number, Version = l.PreviousPoint.PlanVersion.Label })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.PlanPointId);
        // Only each actor's latest stance on each point is read: the database picks it down the (actor, point, day) index
        // instead of every earlier stance travelling to .NET to be dropped there.
        var stances = (await db.PointPositions.AsNoTracking()
                .Where(p => EF.Parameter(ids).Contains(p.PlanPointId) && p.AsOf <= asOf
                    && !db.PointPositions.Any(later => later.ActorId == p.ActorId && later.PlanPointId == p.PlanPointId && later.AsOf > p.AsOf && later.AsOf <= asOf))
                .Select(p => new { p.PlanPointId, Cell = new PointStanceCell(p.Id, new ActorRef(p.Actor.Slug, p.Actor.Name), p.Actor.Side, p.Stance, p.AsOf, p.AsOfPrecision, p.Summary) })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.PlanPointId, s => s.Cell);
        return
        [
            .. points.OrderBy(p => p.PlanVersionId).ThenBy(p => p.Number, NumberOrder.Instance).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p =>
            {
                var cells = stances[p.Id].OrderBy(c => c.Side, StringComparer.Ordinal).ThenBy(c => c.Actor.Name, StringComparer.Ordinal).ToList();
                return (p.PlanVersionId, new PlanPointItem(p.Id, p.Key, p.Number, p.Kind, p.Text, p.Change,
                    [.. issues[p.Id].OrderBy(i => i.Name, StringComparer.Ordinal)], [.. continues[p.Id].Select(c => c.Key).Order(StringComparer.Ordinal)],
                    cells, StateOf(cells))
                {
                    ContinuesText = string.Join(", ", continues[p.Id].OrderBy(c => c.Number, NumberOrder.Instance)
                        .GroupBy(c => c.Version).Select(g => $"{(g.Count() == 1 ? "point" : "points")} {string.Join(" and ", g.Select(c => c.Number))} of the {g.Key}")),
                });
            }),
        ];
    }

    private static bool Same(string a, string b) => string.Equals(Spaces().Replace(a.Trim(), " "), Spaces().Replace(b.Trim(), " "), StringComparison.Ordinal);

    /// <summary>The words of two texts lined up (longest common subsequence): runs kept, removed and added.</summary>
    public static IReadOnlyList<WordRun> Diff(string before, string after)
    {
        var a = Tokens().Matches(before).Select(m => m.Value).ToArray();
        var b = Tokens().Matches(after).Select(m => m.Value).ToArray();
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }
        var runs = new List<WordRun>();
        void Add(WordChange change, string token)
        {
            if (runs.Count > 0 && runs[^1].Change == change)
            {
                runs[^1] = runs[^1] with { Text = runs[^1].Text + token };
            }
            else
            {
                runs.Add(new WordRun(change, token));
            }
        }
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                Add(WordChange.Same, a[x++]);
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                Add(WordChange.Removed, a[x++]);
            }
            else
            {
                Add(WordChange.Added, b[y++]);
            }
        }
        while (x < a.Length)
        {
            Add(WordChange.Removed, a[x++]);
        }
        while (y < b.Length)
        {
            Add(WordChange.Added, b[y++]);
        }
        return runs;
    }

    // A word with the spaces after it, so runs read as they were written.
    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex Tokens();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>Point numbers as printed, in reading order: "2" before "10", "10" before "10 b".</summary>
public sealed partial class NumberOrder : IComparer<string>
{
    public static NumberOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var (nx, rx) = Split(x ?? "");
        var (ny, ry) = Split(y ?? "");
        var byNumber = nx.CompareTo(ny);
        return byNumber != 0 ? byNumber : string.CompareOrdinal(rx, ry);
    }

    private static (long Number, string After) Split(string text)
    {
        var match = Leading().Match(text);
        return match.Success && long.TryParse(match.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? (n, text[match.Length..].Trim())
            : (long.MaxValue, text);
    }

    [GeneratedRegex(@"^\d{1,12}")]
    private static partial Regex Leading();
}
