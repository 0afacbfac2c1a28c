namespace PeaceTalks.Web.Models;

/// <summary>
/// A peace plan negotiated as a document (e.g. the US plan for Ukraine): who proposed it and the issues it covers.
/// Its text lives in its versions, each with its points.
/// </summary>
public class Plan : IRecord
{
    public int Id { get; set; }
    public long Version { get; set; } = 1;
    public DateTime? RetractedAt { get; set; }
    public string? RetractedReason { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }

    /// <summary>The actor who put it forward, when the sources say.</summary>
    public int? ProposedById { get; set; }
    public Actor? ProposedBy { get; set; }

    /// <summary>What it is, in our own words.</summary>
    public required string Summary { get; set; }

    public List<PlanIssue> Issues { get; set; } = [];
    public List<PlanVersion> Versions { get; set; } = [];
}

public class PlanIssue
{
    public int PlanId { get; set; }
    public Plan Plan { get; set; } = null!;
    public int IssueId { get; set; }
    public Issue Issue { get; set; } = null!;
}

/// <summary>How far a version of a plan has come.</summary>
public enum PlanStatus { Reported, Published, AgreedBySome, Signed }

/// <summary>One version of a plan's text, e.g. "28-point draft": when, how far it has come, and the source that gives it.</summary>
public class PlanVersion : IDatedRecord
{
    public int Id { get; set; }
    public long Version { get; set; } = 1;
    public DateTime? RetractedAt { get; set; }
    public string? RetractedReason { get; set; }
    public required string Key { get; set; }

    public int PlanId { get; set; }
    public Plan Plan { get; set; } = null!;

    /// <summary>As the sources name it: "28-point draft", "20-point framework".</summary>
    public required string Label { get; set; }

    public DateOnly Date { get; set; }
    public DatePrecision DatePrecision { get; set; }
    public DateBasis DateBasis { get; set; }
    public PlanStatus Status { get; set; }

    public int SourceId { get; set; }
    public Source Source { get; set; } = null!;

    /// <summary>How many points the sources say it has (the points recorded may be fewer).</summary>
    public int? PointCount { get; set; }

    public List<PlanPoint> Points { get; set; } = [];
}

/// <summary>How a point relates to the previous version's points.</summary>
public enum PointChange { New, Unchanged, Reworded, Merged, Split }

/// <summary>One point of a plan version, its number as printed ("7", "10 b") and its text as the source gives it.</summary>
public class PlanPoint : IVerifiable
{
    public int Id { get; set; }
    public long Version { get; set; } = 1;
    public DateTime? RetractedAt { get; set; }
    public string? RetractedReason { get; set; }

    // The check against the source (IVerifiable).
    public VerificationState Verification { get; set; }
    public string? CheckedById { get; set; }
    public string? CheckedBy { get; set; }
    public DateTime? CheckedAt { get; set; }
    public DisputeReason? DisputeReason { get; set; }
    public string? DisputeNote { get; set; }
    public string? ChangedById { get; set; }
    public DateTime? ChangedAt { get; set; }

    public required string Key { get; set; }

    public int PlanVersionId { get; set; }
    public PlanVersion PlanVersion { get; set; } = null!;

    public required string Number { get; set; }

    /// <summary>Quote: the source's own wording; paraphrase: a summary in our words.</summary>
    public TextKind Kind { get; set; }
    public required string Text { get; set; }

    /// <summary>How it continues the points of the previous version it lists in <see cref="Continues"/> (none for a new point).</summary>
    public PointChange Change { get; set; }

    public List<PlanPointIssue> Issues { get; set; } = [];
    public List<PointLineage> Continues { get; set; } = [];

    /// <summary>The stances taken on it (each actor's, as of each day).</summary>
    public List<PointPosition> Positions { get; set; } = [];
}

public class PlanPointIssue
{
    public int PlanPointId { get; set; }
    public PlanPoint PlanPoint { get; set; } = null!;
    public int IssueId { get; set; }
    public Issue Issue { get; set; } = null!;
}

/// <summary>A point continues a point of an earlier version (two rows for a merge; two points share one for a split).</summary>
public class PointLineage
{
    public int PlanPointId { get; set; }
    public PlanPoint PlanPoint { get; set; } = null!;
    public int PreviousPointId { get; set; }
    public PlanPoint PreviousPoint { get; set; } = null!;
}

/// <summary>Where an actor stands on one point.</summary>
public enum PointStance { Proposed, Accepts, AcceptsWithReservations, NoPositionStated, Rejects }

/// <summary>An actor's stance on a plan point as of a date, read from the statements that evidence it (like <see cref="Position"/>).</summary>
public class PointPosition : IRecord
{
    public int Id { get; set; }
    public long Version { get; set; } = 1;
    public DateTime? RetractedAt { get; set; }
    public string? RetractedReason { get; set; }
    public int ActorId { get; set; }
    public Actor Actor { get; set; } = null!;
    public int PlanPointId { get; set; }
    public PlanPoint PlanPoint { get; set; } = null!;
    public DateOnly AsOf { get; set; }
    public DatePrecision AsOfPrecision { get; set; }
    public PointStance Stance { get; set; }

    /// <summary>One sentence, in our own words.</summary>
    public required string Summary { get; set; }

    public List<PointPositionEvidence> Evidence { get; set; } = [];
}

public class PointPositionEvidence
{
    public int PointPositionId { get; set; }
    public PointPosition PointPosition { get; set; } = null!;
    public int StatementId { get; set; }
    public Statement Statement { get; set; } = null!;
}

/// <summary>A statement speaks about a plan point.</summary>
public class StatementPoint
{
    public int StatementId { get; set; }
    public Statement Statement { get; set; } = null!;
    public int PlanPointId { get; set; }
    public PlanPoint PlanPoint { get; set; } = null!;
}
