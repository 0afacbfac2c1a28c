using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Services;

public sealed record ActorOption(string Slug, string Name, string Side, string? Role);

public sealed record IssueOption(string Slug, string Name, string Description);

/// <summary>An item offered by a picker in an edit form: its natural key and how to show it.</summary>
public sealed record Pick(string Key, string Label);

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

    /// <summary>
    /// Items for a picker of an edit form whose label contains the text (all when empty): actors, sources, meetings,
    /// issues, or statements (of one actor when <paramref name="actor"/> is given).
    /// </summary>
    public async Task<IReadOnlyList<Pick>> PickAsync(Editing.FieldInput kind, string? text, string? actor = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pattern = string.IsNullOrWhiteSpace(text) ? null : LikePattern.Contains(text.Trim());
        switch (kind)
        {
            case Editing.FieldInput.Actor:
                return ToPicks(await db.Actors.AsNoTracking()
                    .Where(a => pattern == null || EF.Functions.Like(a.Name, pattern, LikePattern.Escape) || EF.Functions.Like(a.Slug, pattern, LikePattern.Escape)
                        || (a.AlternativeNames != null && EF.Functions.Like(a.AlternativeNames, pattern, LikePattern.Escape)))
                    .OrderBy(a => a.Name).Take(MaxSuggestions).Select(a => new { a.Slug, a.Name, a.Side }).ToListAsync(cancellationToken),
                    a => new Pick(a.Slug, $"{a.Name} · {a.Side}"));
            case Editing.FieldInput.Source:
                return ToPicks(await db.Sources.AsNoTracking()
                    .Where(s => pattern == null || EF.Functions.Like(s.Title, pattern, LikePattern.Escape) || EF.Functions.Like(s.Key, pattern, LikePattern.Escape)
                        || (s.Outlet != null && EF.Functions.Like(s.Outlet, pattern, LikePattern.Escape)))
                    .OrderBy(s => s.Title).Take(MaxSuggestions).Select(s => new { s.Key, s.Title, s.Outlet }).ToListAsync(cancellationToken),
                    s => new Pick(s.Key, s.Outlet is null ? s.Title : $"{s.Title} — {s.Outlet}"));
            case Editing.FieldInput.Meeting:
                return ToPicks(await db.Meetings.AsNoTracking()
                    .Where(m => pattern == null || EF.Functions.Like(m.Title, pattern, LikePattern.Escape) || EF.Functions.Like(m.Slug, pattern, LikePattern.Escape))
                    .OrderByDescending(m => m.Date).Take(MaxSuggestions).Select(m => new { m.Slug, m.Title, m.Date, m.DatePrecision, m.DateBasis })
                    .ToListAsync(cancellationToken),
                    m => new Pick(m.Slug, $"{m.Title} ({DateText.Short(m.Date, m.DatePrecision, m.DateBasis)})"));
            case Editing.FieldInput.Issue or Editing.FieldInput.Issues:
                return ToPicks(await db.Issues.AsNoTracking()
                    .Where(i => pattern == null || EF.Functions.Like(i.Name, pattern, LikePattern.Escape) || EF.Functions.Like(i.Slug, pattern, LikePattern.Escape))
                    .OrderBy(i => i.Name).Select(i => new { i.Slug, i.Name }).ToListAsync(cancellationToken),
                    i => new Pick(i.Slug, i.Name));
            case Editing.FieldInput.Evidence:
                return ToPicks(await db.Statements.AsNoTracking()
                    .Where(s => actor == null || s.Actor.Slug == actor)
                    .Where(s => pattern == null || EF.Functions.Like(s.Text, pattern, LikePattern.Escape) || EF.Functions.Like(s.Key, pattern, LikePattern.Escape))
                    .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).Take(MaxSuggestions)
                    .Select(s => new { s.Key, s.Text, s.Date, s.DatePrecision, s.DateBasis, Actor = s.Actor.Name }).ToListAsync(cancellationToken),
                    s => new Pick(s.Key, StatementLabel(s.Actor, s.Date, s.DatePrecision, s.DateBasis, s.Text)));
            default:
                return [];
        }
    }

    /// <summary>How the pickers show the items a form already refers to.</summary>
    public async Task<IReadOnlyDictionary<string, string>> LabelsAsync(Editing.FieldInput kind, IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken = default)
    {
        if (keys.Count == 0)
        {
            return new Dictionary<string, string>();
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return kind switch
        {
            Editing.FieldInput.Actor or Editing.FieldInput.Participants => await db.Actors.AsNoTracking().Where(a => keys.Contains(a.Slug))
                .ToDictionaryAsync(a => a.Slug, a => $"{a.Name} · {a.Side}", cancellationToken),
            Editing.FieldInput.Source => await db.Sources.AsNoTracking().Where(s => keys.Contains(s.Key))
                .ToDictionaryAsync(s => s.Key, s => s.Outlet == null ? s.Title : s.Title + " — " + s.Outlet, cancellationToken),
            Editing.FieldInput.Meeting => await db.Meetings.AsNoTracking().Where(m => keys.Contains(m.Slug))
                .ToDictionaryAsync(m => m.Slug, m => m.Title, cancellationToken),
            Editing.FieldInput.Issue or Editing.FieldInput.Issues => await db.Issues.AsNoTracking().Where(i => keys.Contains(i.Slug))
                .ToDictionaryAsync(i => i.Slug, i => i.Name, cancellationToken),
            Editing.FieldInput.Evidence => (await db.Statements.AsNoTracking().Where(s => keys.Contains(s.Key))
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
