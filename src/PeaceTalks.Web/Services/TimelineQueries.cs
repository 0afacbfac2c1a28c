using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Services;

/// <summary>
/// Reads the timeline: statements and meetings in one stream, a page at a time. Each kind is read with
/// keyset paging on (Date, Id) through its own index, then the two short lists are merged, so a page
/// costs two index range scans however many rows the database holds.
/// </summary>
public sealed class TimelineQueries(IDbContextFactory<PeaceTalksDbContext> dbFactory, LookupQueries lookups, IMemoryCache cache)
{
    public const int DefaultPageSize = 25;

    public async Task<TimelinePage> GetPageAsync(ResolvedFilter filter, TimelineCursor? after = null,
        int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One connection for the page's four queries, rather than one open and close each.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var oldestFirst = filter.Filter.OldestFirst;
        var take = pageSize + 1;

        var kind = filter.Filter.Kind;
        var compiled = TimelinePageQueries.For(filter, after);
        var statements = kind is ItemKind.All or ItemKind.Statements
            ? compiled is not null
                ? await compiled.StatementsAsync(db, take, cancellationToken)
                : await PageAsync(FilterStatements(db, Statements(db, filter), filter), after, oldestFirst, TimelineKinds.Statement, take,
                    Projections.Statement, cancellationToken)
            : [];
        var meetings = kind is ItemKind.All or ItemKind.Meetings
            ? compiled is not null
                ? await compiled.MeetingsAsync(db, take, cancellationToken)
                : await PageAsync(FilterMeetings(db, Meetings(db, filter), filter), after, oldestFirst, TimelineKinds.Meeting, take,
                    Projections.Meeting, cancellationToken)
            : [];
        // A plan's versions are few: always the composed query.
        var versions = kind is ItemKind.All or ItemKind.Plans
            ? await PageAsync(PlanVersions(db, filter).Filter(PlanVersionFilters.Rules, db, filter), after, oldestFirst, TimelineKinds.PlanVersion, take,
                Projections.PlanVersion, cancellationToken)
            : [];

        var merged = Merge(statements, meetings, versions, oldestFirst);
        var page = merged.Take(pageSize).ToList();
        var next = merged.Count > pageSize ? page[^1].Cursor : null;

        var pageStatements = await Projections.WithIssuesAsync(db,
            [.. page.Where(i => i.Statement is not null).Select(i => i.Statement!)], cancellationToken);
        var pageMeetings = await Projections.WithParticipantsAsync(db,
            [.. page.Where(i => i.Meeting is not null).Select(i => i.Meeting!)], cancellationToken);
        var statementsById = pageStatements.ToDictionary(s => s.Id);
        var meetingsById = pageMeetings.ToDictionary(m => m.Id);
        return new TimelinePage(
            [.. page.Select(i => i.Statement is { } s ? new TimelineItem(statementsById[s.Id], null)
                : i.Meeting is { } m ? new TimelineItem(null, meetingsById[m.Id])
                : i)],
            next);
    }

    /// <summary>
    /// How many statements and meetings match the filter, of how many there are. The totals come from the counts kept
    /// per change of the record; only a filter that narrows anything is counted here.
    /// </summary>
    public async Task<TimelineCounts> CountAsync(ResolvedFilter filter, CancellationToken cancellationToken = default)
    {
        // A shared link is opened by many readers: its counts are computed once per change of the record.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var version = await RecordVersion.ReadAsync(db, cancellationToken);
        // Whether this reader may see unverified items is not in the address, so it is part of the key.
        var key = (nameof(TimelineCounts), version, (filter.Applied with { OldestFirst = false }).ToQueryString(), filter.Filter.UnverifiedHidden);
        if (cache.TryGetValue(key, out TimelineCounts? cached))
        {
            return cached!;
        }
        var counts = await CountAsync(db, filter, cancellationToken);
        // Entries of an older version are never asked for again; they expire unread.
        cache.Set(key, counts, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) });
        return counts;
    }

    private async Task<TimelineCounts> CountAsync(PeaceTalksDbContext db, ResolvedFilter filter, CancellationToken cancellationToken)
    {
        var unfiltered = (filter.Applied with { Kind = ItemKind.All, OldestFirst = false }).IsEmpty;
        int totalStatements, totalMeetings;
        if (filter.Filter.UnverifiedHidden)
        {
            // A reader who sees verified items only is told how many of those there are, not how many wait for a check.
            var everything = new ResolvedFilter(
                DashboardFilter.Empty with { IncludeRetracted = filter.Filter.IncludeRetracted, UnverifiedHidden = true }, [], [], [], []);
            totalStatements = await FilterStatements(db, Statements(db, everything), everything).CountAsync(cancellationToken);
            totalMeetings = await FilterMeetings(db, Meetings(db, everything), everything).CountAsync(cancellationToken);
        }
        else if (filter.Filter.IncludeRetracted)
        {
            totalStatements = await Statements(db, filter).CountAsync(cancellationToken);
            totalMeetings = await Meetings(db, filter).CountAsync(cancellationToken);
        }
        else
        {
            var counts = await lookups.CountsAsync(cancellationToken);
            (totalStatements, totalMeetings) = (counts.Statements, counts.Meetings);
        }
        var kind = filter.Filter.Kind;
        var statements = kind is not (ItemKind.All or ItemKind.Statements) ? 0
            : unfiltered ? totalStatements
            : await FilterStatements(db, Statements(db, filter), filter).CountAsync(cancellationToken);
        var meetings = kind is not (ItemKind.All or ItemKind.Meetings) ? 0
            : unfiltered ? totalMeetings
            : await FilterMeetings(db, Meetings(db, filter), filter).CountAsync(cancellationToken);
        // Plan versions are few: counted every time, filtered or not.
        var totalVersions = filter.Filter.UnverifiedHidden
            ? await PlanVersions(db, filter).Having(PlanVersionFilters.Rules.Check, VerificationState.Verified).CountAsync(cancellationToken)
            : await PlanVersions(db, filter).CountAsync(cancellationToken);
        var versions = kind is not (ItemKind.All or ItemKind.Plans) ? 0
            : unfiltered ? totalVersions
            : await PlanVersions(db, filter).Filter(PlanVersionFilters.Rules, db, filter).CountAsync(cancellationToken);
        return new TimelineCounts(statements, totalStatements, meetings, totalMeetings, versions, totalVersions);
    }

    /// <summary>
    /// All live statements, or with the filter's "include retracted" every statement. The "live" filter is applied to
    /// the statements only, not again to every table they join: a live statement's speaker, source and meeting are
    /// live (retracting them is refused while live statements refer to them), and the plainer SQL is cheaper to prepare.
    /// </summary>
    public static IQueryable<Statement> Statements(PeaceTalksDbContext db, ResolvedFilter filter)
    {
        var all = db.Statements.AsNoTracking().IgnoreQueryFilters(LiveFilter);
        return filter.Filter.IncludeRetracted ? all : all.Where(s => s.RetractedAt == null);
    }

    /// <summary>All live plan versions, or with the filter's "include retracted" every one.</summary>
    public static IQueryable<PlanVersion> PlanVersions(PeaceTalksDbContext db, ResolvedFilter filter)
    {
        var all = db.PlanVersions.AsNoTracking().IgnoreQueryFilters(LiveFilter);
        return filter.Filter.IncludeRetracted ? all : all.Where(v => v.RetractedAt == null);
    }

    /// <summary>All live meetings, or with the filter's "include retracted" every meeting (the same plain SQL).</summary>
    public static IQueryable<Meeting> Meetings(PeaceTalksDbContext db, ResolvedFilter filter)
    {
        var all = db.Meetings.AsNoTracking().IgnoreQueryFilters(LiveFilter);
        return filter.Filter.IncludeRetracted ? all : all.Where(m => m.RetractedAt == null);
    }

    private static readonly string[] LiveFilter = [PeaceTalksDbContext.Live];

    /// <summary>Applies the actor, side, issue, date and text filters (not the kind or order) to statements.</summary>
    public static IQueryable<Statement> FilterStatements(PeaceTalksDbContext db, IQueryable<Statement> query, ResolvedFilter filter) =>
        query.Filter(TimelineFilters.Statements, db, filter);

    /// <summary>The same filters for meetings (<see cref="TimelineFilters.Meetings"/> says what each means for a meeting).</summary>
    public static IQueryable<Meeting> FilterMeetings(PeaceTalksDbContext db, IQueryable<Meeting> query, ResolvedFilter filter) =>
        query.Filter(TimelineFilters.Meetings, db, filter);

    /// <summary>A page of one kind of filtered items after the cursor, in date and id order.</summary>
    private static Task<List<TItem>> PageAsync<T, TItem>(IQueryable<T> filtered, TimelineCursor? after, bool oldestFirst, int kind, int take,
        System.Linq.Expressions.Expression<Func<T, TItem>> projection, CancellationToken cancellationToken) where T : IDatedRecord
    {
        var query = AfterCursor(filtered, after, oldestFirst, kind);
        query = oldestFirst
            ? query.OrderBy(e => e.Date).ThenBy(e => e.Id)
            : query.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id);
        return query.Take(take).Select(projection).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The items of one kind after the cursor in the (date, kind, id) order: on the cursor's day, the rest of its kind
    /// by id, and the whole day of the kinds that come after it (or none of the kinds that came before).
    /// </summary>
    private static IQueryable<T> AfterCursor<T>(IQueryable<T> query, TimelineCursor? c, bool ascending, int kind) where T : IDatedRecord =>
        c is null ? query
        : c.KindOrder == kind
            ? ascending
                ? query.Where(e => e.Date > c.Date || (e.Date == c.Date && e.Id > c.Id))
                : query.Where(e => e.Date < c.Date || (e.Date == c.Date && e.Id < c.Id))
            : ascending == (kind > c.KindOrder)
                ? ascending ? query.Where(e => e.Date >= c.Date) : query.Where(e => e.Date <= c.Date)
                : ascending ? query.Where(e => e.Date > c.Date) : query.Where(e => e.Date < c.Date);

    private static List<TimelineItem> Merge(List<StatementItem> statements, List<MeetingItem> meetings, List<PlanVersionItem> versions, bool ascending)
    {
        var items = statements.Select(s => new TimelineItem(s, null)).Concat(meetings.Select(m => new TimelineItem(null, m)))
            .Concat(versions.Select(v => new TimelineItem(null, null, v)));
        return ascending
            ? [.. items.OrderBy(i => i.Date).ThenBy(i => i.KindOrder).ThenBy(i => i.Id)]
            : [.. items.OrderByDescending(i => i.Date).ThenByDescending(i => i.KindOrder).ThenByDescending(i => i.Id)];
    }
}
