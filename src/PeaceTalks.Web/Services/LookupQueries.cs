using PeaceTalks.Web.Filtering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Services;

public sealed record ActorOption(string Slug, string Name, string Side, string? Role);

public sealed record IssueOption(string Slug, string Name, string Description);

/// <summary>An item offered by a picker in an edit form: its natural key and how to show it.</summary>
public sealed record Pick(string Key, string Label);

public sealed record DashboardCounts(int Actors, int Statements, int Meetings, int Issues, int Positions, int Sources);

/// <summary>The small lists filters offer (actors, sides, issues) and the dashboard's counts.</summary>
public sealed class LookupQueries(IDbContextFactory<PeaceTalksDbContext> dbFactory, IMemoryCache cache)
{
    public const int MaxSuggestions = 20;

    /// <summary>Actors whose name, alternative names or slug contain the text, for type-ahead.</summary>
    public async Task<IReadOnlyList<ActorOption>> SearchActorsAsync(string? text, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Actors.AsNoTracking();
        if (SearchText.Parse(text) is { } search)
        {
            var ids = search.ActorIds(db);
            query = query.Where(a => ids.Contains(a.Id));
        }
        return await query.OrderBy(a => a.Name).Take(MaxSuggestions)
            .Select(a => new ActorOption(a.Slug, a.Name, a.Side, a.Role))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Items for a picker of an edit form whose label contains the text (all when empty): actors, sources, meetings,
    /// issues, plans, plan versions, plan points (of the same plan's other versions when <paramref name="within"/> names
    /// a version), or statements (of one actor when <paramref name="within"/> names one).
    /// </summary>
    public async Task<IReadOnlyList<Pick>> PickAsync(Records.FieldInput kind, string? text, string? within = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var search = SearchText.Parse(text);
        switch (kind)
        {
            case Records.FieldInput.Actor or Records.FieldInput.Participants:
                var actors = db.Actors.AsNoTracking();
                if (search is not null)
                {
                    // Composed only when there is text: a query compared with null inside the query cannot be translated.
                    var actorIds = search.ActorIds(db);
                    actors = actors.Where(a => actorIds.Contains(a.Id));
                }
                return ToPicks(await actors
                    .OrderBy(a => a.Name).Take(MaxSuggestions).Select(a => new { a.Slug, a.Name, a.Side }).ToListAsync(cancellationToken),
                    a => new Pick(a.Slug, $"{a.Name} · {a.Side}"));
            case Records.FieldInput.Source:
                // Sources are matched by the words of their picker label (title, outlet, key), without an index:
                // an installation has hundreds of sources, not millions.
                return Loosely((await db.Sources.AsNoTracking().OrderBy(s => s.Title).Select(s => new { s.Key, s.Title, s.Outlet }).ToListAsync(cancellationToken))
                    .Select(s => new Pick(s.Key, s.Outlet is null ? s.Title : $"{s.Title} — {s.Outlet}")), search);
            case Records.FieldInput.Meeting:
                var meetings = db.Meetings.AsNoTracking();
                if (search is not null)
                {
                    var meetingIds = search.MeetingIds(db);
                    meetings = meetings.Where(m => meetingIds.Contains(m.Id));
                }
                return ToPicks(await meetings
                    .OrderByDescending(m => m.Date).Take(MaxSuggestions).Select(m => new { m.Slug, m.Title, m.Date, m.DatePrecision, m.DateBasis })
                    .ToListAsync(cancellationToken),
                    m => new Pick(m.Slug, $"{m.Title} ({DateText.Short(m.Date, m.DatePrecision, m.DateBasis)})"));
            case Records.FieldInput.Issue or Records.FieldInput.Issues:
                return [.. (await db.Issues.AsNoTracking().OrderBy(i => i.Name).Select(i => new { i.Slug, i.Name }).ToListAsync(cancellationToken))
                    .Select(i => new Pick(i.Slug, i.Name))
                    .Where(p => search is null || search.MatchesLoosely(p.Label + " " + p.Key))];
            case Records.FieldInput.Evidence:
                var statements = db.Statements.AsNoTracking();
                if (within is not null)
                {
                    statements = statements.Where(s => s.Actor.Slug == within);
                }
                if (search is not null)
                {
                    var statementIds = search.StatementIds(db);
                    statements = statements.Where(s => statementIds.Contains(s.Id));
                }
                return ToPicks(await statements
                    .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).Take(MaxSuggestions)
                    .Select(s => new { s.Key, s.Text, s.Date, s.DatePrecision, s.DateBasis, Actor = s.Actor.Name }).ToListAsync(cancellationToken),
                    s => new Pick(s.Key, StatementLabel(s.Actor, s.Date, s.DatePrecision, s.DateBasis, s.Text)));
            // Plans, versions and points are matched by the words of their label, without an index: an installation
            // follows a handful of plans with tens of points each.
            case Records.FieldInput.Plan:
                return Loosely(await db.Plans.AsNoTracking().OrderBy(p => p.Title).Select(p => new Pick(p.Slug, p.Title)).ToListAsync(cancellationToken), search);
            case Records.FieldInput.PlanVersion:
                return Loosely((await db.PlanVersions.AsNoTracking().OrderBy(v => v.Plan.Title).ThenByDescending(v => v.Date)
                        .Select(v => new { v.Key, Plan = v.Plan.Title, v.Label, v.Date, v.DatePrecision, v.DateBasis }).ToListAsync(cancellationToken))
                    .Select(v => new Pick(v.Key, VersionLabel(v.Plan, v.Label, v.Date, v.DatePrecision, v.DateBasis))), search);
            case Records.FieldInput.PlanPoint or Records.FieldInput.PlanPoints:
                var points = db.PlanPoints.AsNoTracking();
                if (within is not null)
                {
                    // The points a point of this version can continue: the same plan's other versions, not later than this one.
                    var version = await db.PlanVersions.AsNoTracking().Where(v => v.Key == within).Select(v => new { v.Id, v.PlanId, v.Date })
                        .FirstOrDefaultAsync(cancellationToken);
                    if (version is not null)
                    {
                        points = points.Where(p => p.PlanVersion.PlanId == version.PlanId && p.PlanVersionId != version.Id && p.PlanVersion.Date <= version.Date);
                    }
                }
                return Loosely((await points
                        .Select(p => new { p.Key, Plan = p.PlanVersion.Plan.Title, Version = p.PlanVersion.Label, p.PlanVersion.Date, p.Number, p.Text })
                        .ToListAsync(cancellationToken))
                    .OrderBy(p => p.Plan, StringComparer.Ordinal).ThenByDescending(p => p.Date).ThenBy(p => p.Version, StringComparer.Ordinal)
                    .ThenBy(p => p.Number, NumberOrder.Instance)
                    .Select(p => (new Pick(p.Key, PointLabel(p.Plan, p.Version, p.Number, p.Text)), p.Text)), search);
            default:
                return [];
        }
    }

    private static IReadOnlyList<Pick> Loosely(IEnumerable<Pick> picks, SearchText? search) => Loosely(picks.Select(p => (p, "")), search);

    // A label may shorten its item's words (a point's text after 70 characters); the search reads them whole.
    private static IReadOnlyList<Pick> Loosely(IEnumerable<(Pick Pick, string Words)> picks, SearchText? search) =>
        [.. picks.Where(p => search is null || search.MatchesLoosely($"{p.Pick.Label} {p.Pick.Key} {p.Words}")).Select(p => p.Pick).Take(MaxSuggestions)];

    private static string VersionLabel(string plan, string label, DateOnly date, DatePrecision precision, DateBasis basis) =>
        $"{plan}: {label} ({DateText.Short(date, precision, basis)})";

    private static string PointLabel(string plan, string version, string number, string text) =>
        $"{plan}, {version}, point {number}: {(text.Length > 70 ? text[..70] + "…" : text)}";

    /// <summary>How the pickers show the items a form already refers to.</summary>
    public async Task<IReadOnlyDictionary<string, string>> LabelsAsync(Records.FieldInput kind, IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken = default)
    {
        if (keys.Count == 0)
        {
            return new Dictionary<string, string>();
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return kind switch
        {
            Records.FieldInput.Actor or Records.FieldInput.Participants => await db.Actors.AsNoTracking().Where(a => keys.Contains(a.Slug))
                .ToDictionaryAsync(a => a.Slug, a => $"{a.Name} · {a.Side}", cancellationToken),
            Records.FieldInput.Source => await db.Sources.AsNoTracking().Where(s => keys.Contains(s.Key))
                .ToDictionaryAsync(s => s.Key, s => s.Outlet == null ? s.Title : s.Title + " — " + s.Outlet, cancellationToken),
            Records.FieldInput.Meeting => await db.Meetings.AsNoTracking().Where(m => keys.Contains(m.Slug))
                .ToDictionaryAsync(m => m.Slug, m => m.Title, cancellationToken),
            Records.FieldInput.Issue or Records.FieldInput.Issues => await db.Issues.AsNoTracking().Where(i => keys.Contains(i.Slug))
                .ToDictionaryAsync(i => i.Slug, i => i.Name, cancellationToken),
            Records.FieldInput.Plan => await db.Plans.AsNoTracking().Where(p => keys.Contains(p.Slug))
                .ToDictionaryAsync(p => p.Slug, p => p.Title, cancellationToken),
            Records.FieldInput.PlanVersion => (await db.PlanVersions.AsNoTracking().Where(v => keys.Contains(v.Key))
                    .Select(v => new { v.Key, Plan = v.Plan.Title, v.Label, v.Date, v.DatePrecision, v.DateBasis }).ToListAsync(cancellationToken))
                .ToDictionary(v => v.Key, v => VersionLabel(v.Plan, v.Label, v.Date, v.DatePrecision, v.DateBasis)),
            Records.FieldInput.PlanPoint or Records.FieldInput.PlanPoints => (await db.PlanPoints.AsNoTracking().Where(p => keys.Contains(p.Key))
                    .Select(p => new { p.Key, Plan = p.PlanVersion.Plan.Title, Version = p.PlanVersion.Label, p.Number, p.Text }).ToListAsync(cancellationToken))
                .ToDictionary(p => p.Key, p => PointLabel(p.Plan, p.Version, p.Number, p.Text)),
            Records.FieldInput.Evidence => (await db.Statements.AsNoTracking().Where(s => keys.Contains(s.Key))
                    .Select(s => new { s.Key, s.Text, s.Date, s.DatePrecision, s.DateBasis, Actor = s.Actor.Name }).ToListAsync(cancellationToken))
                .ToDictionary(s => s.Key, s => StatementLabel(s.Actor, s.Date, s.DatePrecision, s.DateBasis, s.Text)),
            _ => new Dictionary<string, string>(),
        };
    }

    private static IReadOnlyList<Pick> ToPicks<T>(IEnumerable<T> rows, Func<T, Pick> pick) => [.. rows.Select(pick)];

    private static string StatementLabel(string actor, DateOnly date, DatePrecision precision, DateBasis basis, string text) =>
        $"{actor}, {DateText.Short(date, precision, basis)}: “{(text.Length > 80 ? text[..80] + "…" : text)}”";

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

    /// <summary>How many of each there are (live items): counted once per change of the record, not on every page.</summary>
    public async Task<DashboardCounts> CountsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var version = await RecordVersion.ReadAsync(db, cancellationToken);
        if (cache.TryGetValue((nameof(DashboardCounts), version), out DashboardCounts? cached))
        {
            return cached!;
        }
        var counts = new DashboardCounts(
            await db.Actors.CountAsync(cancellationToken),
            await db.Statements.CountAsync(cancellationToken),
            await db.Meetings.CountAsync(cancellationToken),
            await db.Issues.CountAsync(cancellationToken),
            await db.Positions.CountAsync(cancellationToken),
            await db.Sources.CountAsync(cancellationToken));
        cache.Set((nameof(DashboardCounts), version), counts, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) });
        return counts;
    }
}
