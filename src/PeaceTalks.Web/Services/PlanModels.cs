using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Services;

/// <summary>Where a point stands as of a day, from the latest stances on it.</summary>
public enum PointState
{
    /// <summary>At least one actor rejects it.</summary>
    Contested,

    /// <summary>Actors of two or more sides accept it (or proposed it), and nobody rejects it.</summary>
    Agreed,

    /// <summary>Accepted by one side only so far, and nobody rejects it.</summary>
    OneSide,

    /// <summary>Nobody has stated a position on it.</summary>
    NoPosition,
}

public sealed record PlanVersionRef(string Key, string Label, DateOnly Date, DatePrecision DatePrecision, DateBasis DateBasis, PlanStatus Status,
    int? PointCount, SourceRef Source);

public sealed record PointCounts(int Agreed, int Contested, int OneSide, int NoPosition)
{
    public int Total => Agreed + Contested + OneSide + NoPosition;
}

public sealed record PlanListItem(string Slug, string Title, ActorRef? ProposedBy, PlanVersionRef? Latest, int Versions, PointCounts Counts);

/// <summary>An actor's latest stance on a point as of the page's day.</summary>
public sealed record PointStanceCell(int PositionId, ActorRef Actor, string Side, PointStance Stance, DateOnly AsOf, DatePrecision AsOfPrecision,
    string Summary);

/// <summary>A point as a plan page shows it.</summary>
public sealed record PlanPointItem(
    int Id,
    string Key,
    string Number,
    TextKind Kind,
    string Text,
    PointChange Change,
    IReadOnlyList<IssueRef> Issues,
    IReadOnlyList<string> Continues,
    IReadOnlyList<PointStanceCell> Stances,
    PointState State)
{
    /// <summary>The label of the later version in which no point continues this one, if any.</summary>
    public string? DroppedIn { get; init; }

    /// <summary>The points it continues as a reader names them: "point 6 of the 28-point draft".</summary>
    public string ContinuesText { get; init; } = "";
}

/// <summary>A plan's title and its versions, oldest first.</summary>
public sealed record PlanHeader(string Slug, string Title, IReadOnlyList<PlanVersionRef> Versions);

public sealed record PlanDetail(
    int Id,
    string Slug,
    string Title,
    string Summary,
    ActorRef? ProposedBy,
    IReadOnlyList<IssueRef> Issues,
    IReadOnlyList<PlanVersionRef> Versions,
    PlanVersionRef? Shown,
    DateOnly? AsOf,
    IReadOnlyList<PlanPointItem> Points,
    IReadOnlyList<ActorRef> Actors,
    PointCounts Counts)
{
    public string? RetractedReason { get; init; }
}

/// <summary>How a point of the later version relates to the earlier one.</summary>
public enum PointComparison { Added, Unchanged, Reworded, Merged, Split, Dropped }

/// <summary>A run of words of a reworded point: the same in both, only in the earlier, or only in the later text.</summary>
public enum WordChange { Same, Removed, Added }

public sealed record WordRun(WordChange Change, string Text);

/// <summary>One line of a comparison: the earlier points and the later point it became (either may be missing).</summary>
public sealed record ComparedPoint(
    PointComparison Comparison,
    IReadOnlyList<PlanPointItem> Before,
    PlanPointItem? After,
    IReadOnlyList<WordRun> Words,
    bool Renumbered);

/// <summary>An actor whose stance on a point differs between the earlier version's day and the later one's.</summary>
public sealed record PointMove(ActorRef Actor, string Number, PointStance? From, PointStance? To);

public sealed record PlanComparison(string Slug, string Title, PlanVersionRef From, PlanVersionRef To, IReadOnlyList<ComparedPoint> Points,
    IReadOnlyList<PointMove> Moves);

/// <summary>What the evidence dialog shows for one actor's stance on one point.</summary>
public sealed record PointStanceDetail(
    ActorRef Actor,
    string Side,
    string PointKey,
    string PointLabel,
    PointStanceCell? Current,
    IReadOnlyList<StatementItem> Evidence,
    IReadOnlyList<PointStanceCell> History);

/// <summary>A point that concerns an actor (a stance on it) or an issue (tagged with it), for their pages.</summary>
public sealed record PointMention(string PlanSlug, string PlanTitle, string VersionLabel, string Number, string Text, PointStance? Stance);
