namespace PeaceTalks.Web.Models;

/// <summary>
/// The full text of a report taken in through /intake, kept beside its source so that every verbatim quote drawn from
/// it can be checked against the words as printed. Not part of the CSV formats: it is the evidence, not the record.
/// </summary>
public class SourceText
{
    public int SourceId { get; set; }
    public Source? Source { get; set; }
    public required string Text { get; set; }
}
