using System.Text.Json.Serialization;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Services;

public sealed record ActorRef(string Slug, string Name);

public sealed record IssueRef(string Slug, string Name);

public sealed record MeetingRef(string Slug, string Title);

/// <summary>A source as a reader needs it to check a claim.</summary>
public sealed record SourceRef(string Key, string Title, string? Outlet, string? Url, DateOnly? PublishedOn, DatePrecision PublishedPrecision);

public sealed record StatementItem(
    int Id,
    string Key,
    ActorRef Actor,
    string? ActorRole,
    string ActorSide,
    string Text,
    TextKind Kind,
    DateOnly Date,
    DatePrecision DatePrecision,
    DateBasis DateBasis,
    Channel Channel,
    Attribution Attribution,
    SourceRef Source,
    SourceRef? Via,
    MeetingRef? Meeting,
    string? OriginalLanguage,
    string? OriginalText)
{
    public IReadOnlyList<IssueRef> Issues { get; init; } = [];

    /// <summary>Why an editor withdrew it; null for a live statement (only shown where retracted items are asked for).</summary>
    public string? RetractedReason { get; init; }

    /// <summary>Whether someone other than its author compared it with its source: the reader's badge, the API and the citation.</summary>
    public Verification.CheckInfo Check { get; init; } = Checked.None;
}

/// <summary>The check of an item read before its state was asked for: unverified.</summary>
public static class Checked
{
    public static Verification.CheckInfo None { get; } = new(VerificationState.Unverified, null, null, null, null);
}

public sealed record ParticipantItem(ActorRef Actor, string Side, ParticipantRole Role);

public sealed record MeetingItem(
    int Id,
    string Slug,
    string Title,
    string Place,
    DateOnly Date,
    DatePrecision DatePrecision,
    DateBasis DateBasis,
    int? DurationMinutes,
    string Outcome,
    SourceRef Source)
{
    public IReadOnlyList<ParticipantItem> Participants { get; init; } = [];

    /// <summary>Why an editor withdrew it; null for a live meeting.</summary>
    public string? RetractedReason { get; init; }

    /// <summary>Whether someone other than its author compared it with its source.</summary>
    public Verification.CheckInfo Check { get; init; } = Checked.None;
}

/// <summary>A version of a peace plan as an event of the timeline: the day it was reported, published, agreed or signed.</summary>
public sealed record PlanVersionItem(
    int Id,
    string Key,
    string PlanSlug,
    string PlanTitle,
    string Label,
    DateOnly Date,
    DatePrecision DatePrecision,
    DateBasis DateBasis,
    PlanStatus Status,
    int? PointCount,
    int PointsRecorded,
    SourceRef Source)
{
    /// <summary>Why an editor withdrew it; null for a live version.</summary>
    public string? RetractedReason { get; init; }
}

/// <summary>One entry of the timeline: a statement, a meeting or a version of a plan.</summary>
public sealed record TimelineItem(StatementItem? Statement, MeetingItem? Meeting, PlanVersionItem? PlanVersion = null)
{
    [JsonIgnore] public DateOnly Date => Statement?.Date ?? Meeting?.Date ?? PlanVersion!.Date;
    [JsonIgnore] public DatePrecision Precision => Statement?.DatePrecision ?? Meeting?.DatePrecision ?? PlanVersion!.DatePrecision;
    [JsonIgnore] public DateBasis Basis => Statement?.DateBasis ?? Meeting?.DateBasis ?? PlanVersion!.DateBasis;

    /// <summary>
    /// Within a day, oldest first: statements, then meetings, then plan versions (newest first the other way round).
    /// The kinds are numbered <see cref="TimelineKinds"/>.
    /// </summary>
    [JsonIgnore] public int KindOrder => Statement is not null ? TimelineKinds.Statement : Meeting is not null ? TimelineKinds.Meeting : TimelineKinds.PlanVersion;
    [JsonIgnore] public int Id => Statement?.Id ?? Meeting?.Id ?? PlanVersion!.Id;
    [JsonIgnore] public string GroupLabel => DateText.Long(Date, Precision, Basis);
    [JsonIgnore] public TimelineCursor Cursor => new(Date, KindOrder, Id);
}

/// <summary>The place of each kind of item in the timeline's (date, kind, id) order.</summary>
public static class TimelineKinds
{
    public const int Statement = 0;
    public const int Meeting = 1;
    public const int PlanVersion = 2;
}

/// <summary>Where the next page starts: the (date, kind, id) of the last item shown.</summary>
public sealed record TimelineCursor(DateOnly Date, int KindOrder, int Id);

public sealed record TimelinePage(IReadOnlyList<TimelineItem> Items, TimelineCursor? Next);

public sealed record TimelineCounts(int Statements, int TotalStatements, int Meetings, int TotalMeetings, int PlanVersions = 0, int TotalPlanVersions = 0);
