using PeaceTalks.Web.Filtering;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Services;

public enum SearchHitKind { Actor, Meeting, Statement }

/// <summary>A search result and where it leads.</summary>
public sealed record SearchHit(SearchHitKind Kind, string Title, string Detail, string Href);

/// <summary>The app bar's search: actors, meetings and statements matching the words typed, best matches first.</summary>
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
        // The word being typed counts as a prefix; the best matches (bm25) come first.
        if (SearchText.Parse(text) is not { } search)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var actorIds = await search.RankedActorIds(db, PerKind * 2).ToListAsync(cancellationToken);
        var actors = await db.Actors.AsNoTracking().Where(a => actorIds.Contains(a.Id))
            .Select(a => new { a.Id, Hit = new SearchHit(SearchHitKind.Actor, a.Name, (a.Role ?? "") + " · " + a.Side, "/actors/" + a.Slug) })
            .ToListAsync(cancellationToken);

        var meetingIds = await search.RankedMeetingIds(db, PerKind * 2).ToListAsync(cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Title, m.Place, m.Date, m.DatePrecision, m.DateBasis, m.Slug })
            .ToListAsync(cancellationToken);

        var statementIds = await search.RankedStatementIds(db, PerKind * 2).ToListAsync(cancellationToken);
        var statements = await db.Statements.AsNoTracking().Where(s => statementIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Key, s.Text, s.Kind, Actor = s.Actor.Name, s.Date, s.DatePrecision, s.DateBasis })
            .ToListAsync(cancellationToken);

        // Ranked lists of ids come back from the index; retracted items are not in the joined rows, so rank order is
        // restored from the id lists and each kind is cut to its share.
        return
        [
            .. actors.OrderBy(a => actorIds.IndexOf(a.Id)).Take(PerKind).Select(a => a.Hit),
            .. meetings.OrderBy(m => meetingIds.IndexOf(m.Id)).Take(PerKind).Select(m => new SearchHit(SearchHitKind.Meeting, m.Title,
                $"{m.Place} · {DateText.Short(m.Date, m.DatePrecision, m.DateBasis)}", "/meetings/" + m.Slug)),
            .. statements.OrderBy(s => statementIds.IndexOf(s.Id)).Take(PerKind).Select(s => new SearchHit(SearchHitKind.Statement, Snippet(s.Text, s.Kind),
                $"{s.Actor} · {DateText.Short(s.Date, s.DatePrecision, s.DateBasis)}", "/statements/" + Uri.EscapeDataString(s.Key))),
        ];
    }

    private static string Snippet(string text, TextKind kind)
    {
        var shortText = text.Length > 90 ? text[..90] + "…" : text;
        return kind == TextKind.Quote ? $"“{shortText}”" : shortText;
    }
}
