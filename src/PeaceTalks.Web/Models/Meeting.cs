namespace PeaceTalks.Web.Models;

public class Meeting : IDatedRecord, IVerifiable
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

    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string Place { get; set; }

    public DateOnly Date { get; set; }
    public DatePrecision DatePrecision { get; set; }
    public DateBasis DateBasis { get; set; }

    public int? DurationMinutes { get; set; }

    /// <summary>What came of it, in our own words.</summary>
    public required string Outcome { get; set; }

    public int SourceId { get; set; }
    public Source Source { get; set; } = null!;

    public List<MeetingParticipant> Participants { get; set; } = [];
    public List<Statement> Statements { get; set; } = [];
}

public class MeetingParticipant
{
    public int MeetingId { get; set; }
    public Meeting Meeting { get; set; } = null!;
    public int ActorId { get; set; }
    public Actor Actor { get; set; } = null!;
    public ParticipantRole Role { get; set; }
}
