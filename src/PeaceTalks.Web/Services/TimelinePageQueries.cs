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
    private readonly bool _verifiedOnly;
    private readonly DateOnly? _beforeDate;
    private readonly int? _beforeStatement;
    private readonly int? _beforeMeeting;
    private readonly int? _afterKind;

    private TimelinePageQueries(ResolvedFilter filter, TimelineCursor? after)
    {
        _actorId = filter.ActorIds.Count == 1 ? filter.ActorIds[0] : null;
        _side = filter.Sides.Count == 1 ? filter.Sides[0] : null;
        _issueId = filter.IssueIds.Count == 1 ? filter.IssueIds[0] : null;
        _from = filter.Filter.From;
        _to = filter.Filter.To;
        _includeRetracted = filter.Filter.IncludeRetracted;
        _verifiedOnly = filter.Filter.OnlyVerified;
        // Newest first, a day's plan versions come before its meetings and its meetings before its statements: after an
        // item, the rest of its kind on its day (lower ids) and the whole day of the kinds that follow.
        _beforeDate = after?.Date;
        _afterKind = after?.KindOrder;
        _beforeStatement = after?.KindOrder == TimelineKinds.Statement ? after.Id : null;
        _beforeMeeting = after?.KindOrder == TimelineKinds.Meeting ? after.Id : null;
    }

    /// <summary>The compiled page for a filter and cursor, or null when the composed query must answer.</summary>
    public static TimelinePageQueries? For(ResolvedFilter filter, TimelineCursor? after) =>
        filter.Filter.OldestFirst || SearchText.Parse(filter.Filter.Text) is not null
            || filter.ActorIds.Count > 1 || filter.Sides.Count > 1 || filter.IssueIds.Count > 1
            ? null
            : new TimelinePageQueries(filter, after);

    public ValueTask<List<StatementItem>> StatementsAsync(PeaceTalksDbContext db, int take, CancellationToken cancellationToken) =>
        NewestStatements(db, _actorId, _side, _issueId, _from, _to, _includeRetracted, _verifiedOnly, _beforeDate, _beforeStatement, _afterKind > TimelineKinds.Statement, take)
            .ToListAsync(cancellationToken);

    public ValueTask<List<MeetingItem>> MeetingsAsync(PeaceTalksDbContext db, int take, CancellationToken cancellationToken) =>
        NewestMeetings(db, _actorId, _side, _issueId, _from, _to, _includeRetracted, _verifiedOnly, _beforeDate, _beforeMeeting, _afterKind > TimelineKinds.Meeting, take)
            .ToListAsync(cancellationToken);

    private static readonly Func<PeaceTalksDbContext, int?, string?, int?, DateOnly?, DateOnly?, bool, bool, DateOnly?, int?, bool, int,
        IAsyncEnumerable<StatementItem>> NewestStatements = EF.CompileAsyncQuery(Newest(TimelineFilters.Statements, Projections.Statement));

    private static readonly Func<PeaceTalksDbContext, int?, string?, int?, DateOnly?, DateOnly?, bool, bool, DateOnly?, int?, bool, int,
        IAsyncEnumerable<MeetingItem>> NewestMeetings = EF.CompileAsyncQuery(Newest(TimelineFilters.Meetings, Projections.Meeting));

    /// <summary>
    /// The newest-first page of one kind of item as a query template: each filter a parameter (null when not set) and
    /// the rule every other query applies for it (<see cref="Rule.Holds{T, TValue}"/> becomes the rule's body).
    /// After the cursor: earlier days, and on its day the lower ids (or, with <c>wholeDay</c>, all of them).
    /// </summary>
    private static Expression<Func<PeaceTalksDbContext, int?, string?, int?, DateOnly?, DateOnly?, bool, bool, DateOnly?, int?, bool, int, IQueryable<TItem>>>
        Newest<T, TItem>(TimelineRules<T> rules, Expression<Func<T, TItem>> projection) where T : class, IDatedRecord =>
        Rule.Expand<Expression<Func<PeaceTalksDbContext, int?, string?, int?, DateOnly?, DateOnly?, bool, bool, DateOnly?, int?, bool, int, IQueryable<TItem>>>>(
            (db, actorId, side, issueId, from, to, includeRetracted, verifiedOnly, beforeDate, beforeId, wholeDay, take) =>
                db.Set<T>().AsNoTracking().IgnoreQueryFilters(LiveFilter)
                    .Where(e => includeRetracted || e.RetractedAt == null)
                    .Where(e => actorId == null || Rule.Holds(rules.Actor, e, actorId.Value))
                    .Where(e => side == null || Rule.Holds(rules.Side, e, side))
                    .Where(e => issueId == null || Rule.Holds(rules.Issue, e, issueId.Value))
                    .Where(e => from == null || Rule.Holds(rules.From, e, from.Value))
                    .Where(e => to == null || Rule.Holds(rules.To, e, to.Value))
                    .Where(e => !verifiedOnly || Rule.Holds(rules.Check, e, VerificationState.Verified))
                    .Where(e => beforeDate == null || e.Date < beforeDate
                        || (e.Date == beforeDate && (wholeDay || (beforeId != null && e.Id < beforeId))))
                    .OrderByDescending(e => e.Date).ThenByDescending(e => e.Id)
                    .Take(take)
                    .Select(projection));
}
