using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Services;

/// <summary>One side's account of a meeting: what its people said about it (empty: no readout on record).</summary>
public sealed record SideAccount(string Side, IReadOnlyList<ParticipantItem> Participants, IReadOnlyList<StatementItem> Statements);

public sealed record MeetingDetail(MeetingItem Meeting, IReadOnlyList<SideAccount> Accounts);

public sealed record MeetingList(IReadOnlyList<MeetingItem> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed class MeetingQueries(IDbContextFactory<PeaceTalksDbContext> dbFactory)
{
    public const int PageSize = 50;

    public async Task<MeetingList> ListAsync(ResolvedFilter filter, int page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meetings = TimelineQueries.FilterMeetings(db, db.Meetings.AsNoTracking(), filter);
        var total = await meetings.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var ordered = filter.Filter.OldestFirst
            ? meetings.OrderBy(m => m.Date).ThenBy(m => m.Id)
            : meetings.OrderByDescending(m => m.Date).ThenByDescending(m => m.Id);
        var items = await ordered.Skip((page - 1) * PageSize).Take(PageSize).Select(Projections.Meeting).ToListAsync(cancellationToken);
        return new MeetingList(await Projections.WithParticipantsAsync(db, items, cancellationToken), total, page, PageSize);
    }

    /// <summary>The meeting with each side's account: participants' sides first (hosts' side leading), then any other side that spoke about it.</summary>
    /// <remarks>With <paramref name="verifiedOnly"/> (a reader where unverified items are not published) an unverified meeting is not found and only verified statements are its accounts.</remarks>
    public async Task<MeetingDetail?> GetAsync(string slug, CancellationToken cancellationToken = default, bool verifiedOnly = false)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Slug == slug).Select(Projections.Meeting).SingleOrDefaultAsync(cancellationToken);
        if (meeting is null || (verifiedOnly && meeting.Check.State != VerificationState.Verified))
        {
            return null;
        }
        meeting = (await Projections.WithParticipantsAsync(db, [meeting], cancellationToken))[0];
        var statements = await db.Statements.AsNoTracking().Where(s => s.MeetingId == meeting.Id)
            .Where(s => !verifiedOnly || s.Verification == VerificationState.Verified)
            .OrderBy(s => s.Date).ThenBy(s => s.Id)
            .Select(Projections.Statement)
            .ToListAsync(cancellationToken);
        statements = await Projections.WithIssuesAsync(db, statements, cancellationToken);

        var sides = meeting.Participants.Select(p => p.Side)
            .Concat(statements.Select(s => s.ActorSide))
            .Distinct()
            .ToList();
        var accounts = sides.Select(side => new SideAccount(side,
            [.. meeting.Participants.Where(p => p.Side == side)],
            [.. statements.Where(s => s.ActorSide == side)])).ToList();
        return new MeetingDetail(meeting, accounts);
    }
}
