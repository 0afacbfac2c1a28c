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
}

/// <summary>One entry of the timeline: a statement or a meeting.</summary>
public sealed record TimelineItem(StatementItem? Statement, MeetingItem? Meeting)
{
    [JsonIgnore] public DateOnly Date => Statement?.Date ?? Meeting!.Date;
    [JsonIgnore] public DatePrecision Precision => Statement?.DatePrecision ?? Meeting!.DatePrecision;
    [JsonIgnore] public DateBasis Basis => Statement?.DateBasis ?? Meeting!.DateBasis;

    /// <summary>Statements sort before meetings of the same day in oldest-first order (after them newest-first).</summary>
    [JsonIgnore] public int KindOrder => Statement is null ? 1 : 0;
    [JsonIgnore] public int Id => Statement?.Id ?? Meeting!.Id;
    [JsonIgnore] public string GroupLabel => DateText.Long(Date, Precision, Basis);
    [JsonIgnore] public TimelineCursor Cursor => new(Date, KindOrder, Id);
}

/// <summary>Where the next page starts: the (date, kind, id) of the last item shown.</summary>
public sealed record TimelineCursor(DateOnly Date, int KindOrder, int Id);

public sealed record TimelinePage(IReadOnlyList<TimelineItem> Items, TimelineCursor? Next);

public sealed record TimelineCounts(int Statements, int TotalStatements, int Meetings, int TotalMeetings);
