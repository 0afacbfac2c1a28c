namespace PeaceTalks.Web.Models;

/// <summary>Where a claim comes from: something a reader can look up.</summary>
public class Source
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public required string Title { get; set; }
    public string? Outlet { get; set; }
    public string? Url { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public DatePrecision PublishedPrecision { get; set; }
    public SourceKind Kind { get; set; }
}
