namespace PeaceTalks.Web.Models;

/// <summary>A disputed question in the talks, e.g. security guarantees for Ukraine.</summary>
public class Issue : IRecord
{
    public int Id { get; set; }
    public long Version { get; set; } = 1;
    public DateTime? RetractedAt { get; set; }
    public string? RetractedReason { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }

    public List<StatementIssue> Statements { get; set; } = [];
    public List<Position> Positions { get; set; } = [];
}
