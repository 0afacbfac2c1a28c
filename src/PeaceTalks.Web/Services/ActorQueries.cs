using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Services;

public enum ActorSort { Name, Side, Statements, Latest }

public sealed record ActorListItem(string Slug, string Name, ActorKind Kind, string? Role, string Side, int Statements,
    DateOnly? LatestDate, DatePrecision LatestPrecision, DateBasis LatestBasis);

public sealed record ActorList(IReadOnlyList<ActorListItem> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record ActorStance(IssueRef Issue, PositionHistoryItem Current, int Positions);

public sealed record ActorMeeting(MeetingItem Meeting, ParticipantRole? Role);

public sealed record MonthCount(int Year, int Month, int Count);

public sealed record ActorProfile(
    int Id,
    string Slug,
    string Name,
    ActorKind Kind,
    string? Role,
    string Side,
    string? AlternativeNames,
    int StatementCount,
    IReadOnlyList<ActorStance> Stances,
    IReadOnlyList<ActorMeeting> Meetings,
    IReadOnlyList<MonthCount> StatementsPerMonth);

/// <summary>The actor list and the actor profile.</summary>
public sealed class ActorQueries(IDbContextFactory<PeaceTalksDbContext> dbFactory)
{
    public const int PageSize = 50;

    /// <summary>Actors limited by the filter's actors, sides and search text (name, alternative names, role).</summary>
    public static IQueryable<Actor> Filtered(PeaceTalksDbContext db, IQueryable<Actor> actors, ResolvedFilter filter)
    {
        actors = actors.AnyOf(ActorFilters.Actor, filter.ActorIds).AnyOf(ActorFilters.Side, filter.Sides);
        if (SearchText.Parse(filter.Filter.Text) is { } search)
        {
            var ids = search.ActorIds(db);
            actors = actors.Where(a => ids.Contains(a.Id));
        }
        return actors;
    }

    public async Task<ActorList> ListAsync(ResolvedFilter filter, ActorSort sort, bool descending, int page,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actors = Filtered(db, db.Actors.AsNoTracking(), filter);
        var total = await actors.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));

        var rows = actors.Select(a => new
        {
            a.Slug, a.Name, a.Kind, a.Role, a.Side,
            Statements = a.Statements.Count,
            Latest = a.Statements.OrderByDescending(s => s.Date).Select(s => new { s.Date, s.DatePrecision, s.DateBasis }).FirstOrDefault(),
        });
        rows = (sort, descending) switch
        {
            (ActorSort.Side, false) => rows.OrderBy(a => a.Side).ThenBy(a => a.Name),
            (ActorSort.Side, true) => rows.OrderByDescending(a => a.Side).ThenBy(a => a.Name),
            (ActorSort.Statements, false) => rows.OrderBy(a => a.Statements).ThenBy(a => a.Name),
            (ActorSort.Statements, true) => rows.OrderByDescending(a => a.Statements).ThenBy(a => a.Name),
            (ActorSort.Latest, false) => rows.OrderBy(a => a.Latest!.Date).ThenBy(a => a.Name),
            (ActorSort.Latest, true) => rows.OrderByDescending(a => a.Latest!.Date).ThenBy(a => a.Name),
            (_, true) => rows.OrderByDescending(a => a.Name).ThenBy(a => a.Slug),
            _ => rows.OrderBy(a => a.Name).ThenBy(a => a.Slug),
        };
        var items = await rows.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new ActorList(
            [.. items.Select(a => new ActorListItem(a.Slug, a.Name, a.Kind, a.Role, a.Side, a.Statements,
                a.Latest?.Date, a.Latest?.DatePrecision ?? DatePrecision.Day, a.Latest?.DateBasis ?? DateBasis.On))],
            total, page, PageSize);
    }

    /// <summary>Everything the profile shows except the statements themselves (which the timeline query pages).</summary>
    public async Task<ActorProfile?> GetProfileAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = await db.Actors.AsNoTracking().Where(a => a.Slug == slug)
            .Select(a => new { a.Id, a.Slug, a.Name, a.Kind, a.Role, a.Side, a.AlternativeNames, Statements = a.Statements.Count })
            .SingleOrDefaultAsync(cancellationToken);
        if (actor is null)
        {
            return null;
        }

        var positions = await db.Positions.AsNoTracking().Where(p => p.ActorId == actor.Id)
            .Select(p => new { p.IssueId, IssueSlug = p.Issue.Slug, IssueName = p.Issue.Name, Item = new PositionHistoryItem(p.Id, p.Stance, p.AsOf, p.AsOfPrecision, p.Summary) })
            .ToListAsync(cancellationToken);
        var stances = positions.GroupBy(p => p.IssueId)
            .Select(g => new ActorStance(new IssueRef(g.First().IssueSlug, g.First().IssueName),
                g.OrderBy(p => p.Item.AsOf).Last().Item, g.Count()))
            .OrderBy(s => s.Issue.Name)
            .ToList();

        // Meetings they took part in, and meetings their statements are about.
        var roles = await db.MeetingParticipants.AsNoTracking().Where(p => p.ActorId == actor.Id)
            .ToDictionaryAsync(p => p.MeetingId, p => p.Role, cancellationToken);
        var meetingIds = roles.Keys.ToList();
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => meetingIds.Contains(m.Id) || m.Statements.Any(s => s.ActorId == actor.Id))
            .OrderBy(m => m.Date).ThenBy(m => m.Id)
            .Select(Projections.Meeting)
            .ToListAsync(cancellationToken);
        meetings = await Projections.WithParticipantsAsync(db, meetings, cancellationToken);

        var months = await db.Statements.AsNoTracking().Where(s => s.ActorId == actor.Id)
            .GroupBy(s => new { s.Date.Year, s.Date.Month })
            .Select(g => new MonthCount(g.Key.Year, g.Key.Month, g.Count()))
            .ToListAsync(cancellationToken);

        return new ActorProfile(actor.Id, actor.Slug, actor.Name, actor.Kind, actor.Role, actor.Side, actor.AlternativeNames,
            actor.Statements, stances,
            [.. meetings.Select(m => new ActorMeeting(m, roles.TryGetValue(m.Id, out var role) ? role : null))],
            [.. months.OrderBy(m => m.Year).ThenBy(m => m.Month)]);
    }
}
