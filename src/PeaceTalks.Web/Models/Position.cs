namespace PeaceTalks.Web.Models;

/// <summary>
/// An actor's stance on an issue as of a date, read from the statements that evidence it.
/// At most one per actor, issue and day: a later reading for the same day replaces the earlier one.
/// </summary>
public class Position : IVerifiable
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

    public int ActorId { get; set; }
    public Actor Actor { get; set; } = null!;
    public int IssueId { get; set; }
    public Issue Issue { get; set; } = null!;

    public DateOnly AsOf { get; set; }
    public DatePrecision AsOfPrecision { get; set; }

    public Stance Stance { get; set; }

    /// <summary>One sentence, in our own words.</summary>
    public required string Summary { get; set; }

    public List<PositionEvidence> Evidence { get; set; } = [];
}

public class PositionEvidence
{
    public int PositionId { get; set; }
    public Position Position { get; set; } = null!;
    public int StatementId { get; set; }
    public Statement Statement { get; set; } = null!;
}
