using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Services;

/// <summary>
/// The hand-written read projections every page shares: one flat row per statement or meeting, then one
/// query for the issue chips or participants of the rows on screen (never a join that multiplies rows).
/// </summary>
public static class Projections
{
    public static readonly Expression<Func<Statement, StatementItem>> Statement = s => new StatementItem(
        s.Id,
        s.Key,
        new ActorRef(s.Actor.Slug, s.Actor.Name),
        s.Actor.Role,
        s.Actor.Side,
        s.Text,
        s.Kind,
        s.Date,
        s.DatePrecision,
        s.DateBasis,
        s.Channel,
        s.Attribution,
        new SourceRef(s.Source.Key, s.Source.Title, s.Source.Outlet, s.Source.Url, s.Source.PublishedOn, s.Source.PublishedPrecision),
        s.ViaSource == null ? null
            : new SourceRef(s.ViaSource.Key, s.ViaSource.Title, s.ViaSource.Outlet, s.ViaSource.Url, s.ViaSource.PublishedOn, s.ViaSource.PublishedPrecision),
        s.Meeting == null ? null : new MeetingRef(s.Meeting.Slug, s.Meeting.Title),
        s.OriginalLanguage,
        s.OriginalText)
    {
        RetractedReason = s.RetractedAt == null ? null : s.RetractedReason ?? "no reason given",
        Check = new Verification.CheckInfo(s.Verification, s.CheckedBy, s.CheckedAt, s.DisputeReason, s.DisputeNote),
    };

    public static readonly Expression<Func<PlanVersion, PlanVersionItem>> PlanVersion = v => new PlanVersionItem(
        v.Id, v.Key, v.Plan.Slug, v.Plan.Title, v.Label, v.Date, v.DatePrecision, v.DateBasis, v.Status, v.PointCount,
        v.Points.Count(p => p.RetractedAt == null),
        new SourceRef(v.Source.Key, v.Source.Title, v.Source.Outlet, v.Source.Url, v.Source.PublishedOn, v.Source.PublishedPrecision))
    {
        RetractedReason = v.RetractedAt == null ? null : v.RetractedReason ?? "no reason given",
    };

    public static readonly Expression<Func<Meeting, MeetingItem>> Meeting = m => new MeetingItem(
        m.Id,
        m.Slug,
        m.Title,
        m.Place,
        m.Date,
        m.DatePrecision,
        m.DateBasis,
        m.DurationMinutes,
        m.Outcome,
        new SourceRef(m.Source.Key, m.Source.Title, m.Source.Outlet, m.Source.Url, m.Source.PublishedOn, m.Source.PublishedPrecision))
    {
        RetractedReason = m.RetractedAt == null ? null : m.RetractedReason ?? "no reason given",
        Check = new Verification.CheckInfo(m.Verification, m.CheckedBy, m.CheckedAt, m.DisputeReason, m.DisputeNote),
    };

    private static readonly string[] LiveFilter = [PeaceTalksDbContext.Live];

    private sealed record IssueLink(int StatementId, string Slug, string Name);

    private sealed record ParticipantLink(int MeetingId, string Slug, string Name, string Side, ParticipantRole Role);

    // The ids go in as one parameter (a JSON array SQLite reads with json_each), so the SQL text is the same whatever
    // the page holds and EF Core's query cache answers; a list would be one parameter per id and fresh SQL every page.
    private static IQueryable<IssueLink> IssueLinks(PeaceTalksDbContext db, int[] ids) =>
        db.StatementIssues.AsNoTracking().IgnoreQueryFilters(LiveFilter)
            .Where(si => EF.Parameter(ids).Contains(si.StatementId))
            .OrderBy(si => si.Issue.Name)
            .Select(si => new IssueLink(si.StatementId, si.Issue.Slug, si.Issue.Name));

    private static IQueryable<ParticipantLink> ParticipantLinks(PeaceTalksDbContext db, int[] ids) =>
        db.MeetingParticipants.AsNoTracking().IgnoreQueryFilters(LiveFilter)
            .Where(p => EF.Parameter(ids).Contains(p.MeetingId))
            .Select(p => new ParticipantLink(p.MeetingId, p.Actor.Slug, p.Actor.Name, p.Actor.Side, p.Role));

    /// <summary>Adds the issue chips to statements already loaded, in one query.</summary>
    public static async Task<List<StatementItem>> WithIssuesAsync(PeaceTalksDbContext db, List<StatementItem> statements,
        CancellationToken cancellationToken)
    {
        if (statements.Count == 0)
        {
            return statements;
        }
        var links = await IssueLinks(db, [.. statements.Select(s => s.Id)]).ToListAsync(cancellationToken);
        var byStatement = links.ToLookup(l => l.StatementId, l => new IssueRef(l.Slug, l.Name));
        return [.. statements.Select(s => s with { Issues = [.. byStatement[s.Id]] })];
    }

    /// <summary>Adds the participants to meetings already loaded, in one query.</summary>
    public static async Task<List<MeetingItem>> WithParticipantsAsync(PeaceTalksDbContext db, List<MeetingItem> meetings,
        CancellationToken cancellationToken)
    {
        if (meetings.Count == 0)
        {
            return meetings;
        }
        var links = await ParticipantLinks(db, [.. meetings.Select(m => m.Id)]).ToListAsync(cancellationToken);
        // Hosts first, then envoys, delegations and the rest; alphabetical within a role.
        var byMeeting = links.OrderBy(l => l.Role).ThenBy(l => l.Name, StringComparer.Ordinal)
            .ToLookup(l => l.MeetingId, l => new ParticipantItem(new ActorRef(l.Slug, l.Name), l.Side, l.Role));
        return [.. meetings.Select(m => m with { Participants = [.. byMeeting[m.Id]] })];
    }
}
