namespace PeaceTalks.Web.Models;

/// <summary>Where a claim comes from: something a reader can look up.</summary>
public class Source : IRecord
{
    public int Id { get; set; }
    public long Version { get; set; } = 1;
    public DateTime? RetractedAt { get; set; }
    public string? RetractedReason { get; set; }
    public required string Key { get; set; }
    public required string Title { get; set; }
    public string? Outlet { get; set; }
    public string? Url { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public DatePrecision PublishedPrecision { get; set; }
    public SourceKind Kind { get; set; }
}
