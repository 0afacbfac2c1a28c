namespace PeaceTalks.Web.Models;

/// <summary>A disputed question in the talks, e.g. security guarantees for Ukraine.</summary>
public class Issue
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }

    public List<StatementIssue> Statements { get; set; } = [];
    public List<Position> Positions { get; set; } = [];
}
