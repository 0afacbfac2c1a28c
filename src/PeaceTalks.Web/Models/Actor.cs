namespace PeaceTalks.Web.Models;

public class Actor : IRecord
{
    public int Id { get; set; }
    public long Version { get; set; } = 1;
    public DateTime? RetractedAt { get; set; }
    public string? RetractedReason { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public ActorKind Kind { get; set; }

    /// <summary>Role or title as the source gives it, e.g. "Kremlin aide".</summary>
    public string? Role { get; set; }

    /// <summary>Affiliation or side, e.g. "Russia", "Ukraine", "United States".</summary>
    public required string Side { get; set; }

    /// <summary>Other spellings, e.g. the native one, separated by " | ".</summary>
    public string? AlternativeNames { get; set; }

    public List<Statement> Statements { get; set; } = [];
    public List<Position> Positions { get; set; } = [];
    public List<MeetingParticipant> Meetings { get; set; } = [];
}
