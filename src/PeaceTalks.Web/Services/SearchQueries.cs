using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Services;

public enum SearchHitKind { Actor, Meeting, Statement }

/// <summary>A search result and where it leads.</summary>
public sealed record SearchHit(SearchHitKind Kind, string Title, string Detail, string Href);

/// <summary>The app bar's search: actors, meetings and statements whose text contains the words typed.</summary>
public sealed class SearchQueries(IDbContextFactory<PeaceTalksDbContext> dbFactory)
{
    public const int PerKind = 5;
    public const int MinLength = 2;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string? text, CancellationToken cancellationToken = default)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length < MinLength)
        {
            return [];
        }
        if (text.Length > Filtering.DashboardFilter.MaxTextLength)
        {
            text = text[..Filtering.DashboardFilter.MaxTextLength];
        }
        var pattern = LikePattern.Contains(text);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var actors = await db.Actors.AsNoTracking()
            .Where(a => EF.Functions.Like(a.Name, pattern, LikePattern.Escape)
                || (a.AlternativeNames != null && EF.Functions.Like(a.AlternativeNames, pattern, LikePattern.Escape))
                || (a.Role != null && EF.Functions.Like(a.Role, pattern, LikePattern.Escape)))
            .OrderBy(a => a.Name).Take(PerKind)
            .Select(a => new SearchHit(SearchHitKind.Actor, a.Name, (a.Role ?? "") + " · " + a.Side, "/actors/" + a.Slug))
            .ToListAsync(cancellationToken);

        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => EF.Functions.Like(m.Title, pattern, LikePattern.Escape) || EF.Functions.Like(m.Place, pattern, LikePattern.Escape))
            .OrderByDescending(m => m.Date).Take(PerKind)
            .Select(m => new { m.Title, m.Place, m.Date, m.DatePrecision, m.DateBasis, m.Slug })
            .ToListAsync(cancellationToken);

        var statements = await db.Statements.AsNoTracking()
            .Where(s => EF.Functions.Like(s.Text, pattern, LikePattern.Escape))
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).Take(PerKind)
            .Select(s => new { s.Text, s.Kind, Actor = s.Actor.Name, ActorSlug = s.Actor.Slug, s.Date, s.DatePrecision, s.DateBasis })
            .ToListAsync(cancellationToken);

        var q = Uri.EscapeDataString(text);
        return
        [
            .. actors,
            .. meetings.Select(m => new SearchHit(SearchHitKind.Meeting, m.Title,
                $"{m.Place} · {DateText.Short(m.Date, m.DatePrecision, m.DateBasis)}", "/meetings/" + m.Slug)),
            .. statements.Select(s => new SearchHit(SearchHitKind.Statement, Snippet(s.Text, s.Kind),
                $"{s.Actor} · {DateText.Short(s.Date, s.DatePrecision, s.DateBasis)}", $"/timeline?actor={s.ActorSlug}&q={q}")),
        ];
    }

    private static string Snippet(string text, TextKind kind)
    {
        var shortText = text.Length > 90 ? text[..90] + "…" : text;
        return kind == TextKind.Quote ? $"“{shortText}”" : shortText;
    }
}
