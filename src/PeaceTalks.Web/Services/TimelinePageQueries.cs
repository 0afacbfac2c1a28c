using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Services;

/// <summary>
/// The newest-first timeline page (the view nearly every reader opens) as compiled queries. Every filter is a
/// parameter that is null when the filter is not set; EF Core writes one SQL text per combination of nulls, so each
/// is as plain as a hand-written one, and a compiled query skips the translation work that otherwise costs more than
/// SQLite spends on the page. Only single values go in: a list parameter is expanded into one SQL parameter per item,
/// which makes EF Core write the SQL afresh on every run. Text searches, oldest-first pages and filters on several
/// actors, sides or issues take the composed query in <see cref="TimelineQueries"/>.
/// </summary>
internal sealed class TimelinePageQueries
{
    private static readonly string[] LiveFilter = [PeaceTalksDbContext.Live];

    private readonly int? _actorId;
    private readonly string? _side;
    private readonly int? _issueId;
    private readonly DateOnly? _from;
    private readonly DateOnly? _to;
    private readonly bool _includeRetracted;
    private readonly DateOnly? _beforeDate;
    private readonly int? _beforeStatement;
    private readonly int? _beforeMeeting;

    private TimelinePageQueries(ResolvedFilter filter, TimelineCursor? after)
    {
        _actorId = filter.ActorIds.Count == 1 ? filter.ActorIds[0] : null;
        _side = filter.Sides.Count == 1 ? filter.Sides[0] : null;
        _issueId = filter.IssueIds.Count == 1 ? filter.IssueIds[0] : null;
        _from = filter.Filter.From;
        _to = filter.Filter.To;
        _includeRetracted = filter.Filter.IncludeRetracted;
        // Newest first, a day's meetings come before its statements: after a meeting, the rest of its day's meetings
        // (lower ids) and all its statements; after a statement, the rest of its day's statements and no meetings.
        _beforeDate = after?.Date;
        _beforeStatement = after is { KindOrder: 0 } ? after.Id : null;
        _beforeMeeting = after is { KindOrder: 1 } ? after.Id : null;
    }

    /// <summary>The compiled page for a filter and cursor, or null when the composed query must answer.</summary>
    public static TimelinePageQueries? For(ResolvedFilter filter, TimelineCursor? after) =>
        filter.Filter.OldestFirst || SearchText.Parse(filter.Filter.Text) is not null
            || filter.ActorIds.Count > 1 || filter.Sides.Count > 1 || filter.IssueIds.Count > 1
            ? null
            : new TimelinePageQueries(filter, after);

    public ValueTask<List<StatementItem>> StatementsAsync(PeaceTalksDbContext db, int take, CancellationToken cancellationToken) =>
        NewestStatements(db, _actorId, _side, _issueId, _from, _to, _includeRetracted, _beforeDate, _beforeStatement, _beforeMeeting is not null, take)
            .ToListAsync(cancellationToken);

    public ValueTask<List<MeetingItem>> MeetingsAsync(PeaceTalksDbContext db, int take, CancellationToken cancellationToken) =>
        NewestMeetings(db, _actorId, _side, _issueId, _from, _to, _includeRetracted, _beforeDate, _beforeMeeting, take)
            .ToListAsync(cancellationToken);

    // The filters are the rules every other query applies (Rule.Holds is replaced by each rule's body).
    private static readonly Func<PeaceTalksDbContext, int?, string?, int?, DateOnly?, DateOnly?, bool, DateOnly?, int?, bool, int,
        IAsyncEnumerable<StatementItem>> NewestStatements = EF.CompileAsyncQuery(Rule.Expand<Expression<Func<PeaceTalksDbContext, int?, string?, int?,
        DateOnly?, DateOnly?, bool, DateOnly?, int?, bool, int, IQueryable<StatementItem>>>>(
        (db, actorId, side, issueId, from, to, includeRetracted, beforeDate, beforeId, wholeDay, take) =>
            db.Statements.AsNoTracking().IgnoreQueryFilters(LiveFilter)
                .Where(s => includeRetracted || s.RetractedAt == null)
                .Where(s => actorId == null || Rule.Holds(StatementFilters.Actor, s, actorId.Value))
                .Where(s => side == null || Rule.Holds(StatementFilters.Side, s, side))
                .Where(s => issueId == null || Rule.Holds(StatementFilters.Issue, s, issueId.Value))
                .Where(s => from == null || Rule.Holds(StatementFilters.From, s, from.Value))
                .Where(s => to == null || Rule.Holds(StatementFilters.To, s, to.Value))
                .Where(s => beforeDate == null || s.Date < beforeDate
                    || (s.Date == beforeDate && (wholeDay || (beforeId != null && s.Id < beforeId))))
                .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id)
                .Take(take)
                .Select(Projections.Statement)));

    private static readonly Func<PeaceTalksDbContext, int?, string?, int?, DateOnly?, DateOnly?, bool, DateOnly?, int?, int,
        IAsyncEnumerable<MeetingItem>> NewestMeetings = EF.CompileAsyncQuery(Rule.Expand<Expression<Func<PeaceTalksDbContext, int?, string?, int?,
        DateOnly?, DateOnly?, bool, DateOnly?, int?, int, IQueryable<MeetingItem>>>>(
        (db, actorId, side, issueId, from, to, includeRetracted, beforeDate, beforeId, take) =>
            db.Meetings.AsNoTracking().IgnoreQueryFilters(LiveFilter)
                .Where(m => includeRetracted || m.RetractedAt == null)
                .Where(m => actorId == null || Rule.Holds(MeetingFilters.Actor, m, actorId.Value))
                .Where(m => side == null || Rule.Holds(MeetingFilters.Side, m, side))
                .Where(m => issueId == null || Rule.Holds(MeetingFilters.Issue, m, issueId.Value))
                .Where(m => from == null || Rule.Holds(MeetingFilters.From, m, from.Value))
                .Where(m => to == null || Rule.Holds(MeetingFilters.To, m, to.Value))
                .Where(m => beforeDate == null || m.Date < beforeDate || (m.Date == beforeDate && beforeId != null && m.Id < beforeId))
                .OrderByDescending(m => m.Date).ThenByDescending(m => m.Id)
                .Take(take)
                .Select(Projections.Meeting)));
}
