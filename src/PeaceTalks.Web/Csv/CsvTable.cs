namespace PeaceTalks.Web.Csv;

/// <summary>The tables that travel as CSV, in the order a full data set must be imported (references point backwards).</summary>
public enum CsvTable { Issues, Actors, Sources, Meetings, Statements, Positions }

/// <param name="Name">Header text.</param>
/// <param name="Required">Must be present in an imported header (a blank cell may still be allowed).</param>
/// <param name="ExportOnly">Written for readers (e.g. an actor's name next to its slug); ignored on import.</param>
public sealed record CsvColumn(string Name, bool Required = true, bool ExportOnly = false);

/// <summary>The column layout of one CSV format; export writes exactly these columns in this order.
/// <see cref="Name"/> is also the seed file name in data/ (e.g. data/positions.csv).</summary>
public sealed record CsvFormat(CsvTable Table, string Name, IReadOnlyList<CsvColumn> Columns)
{
    public IEnumerable<string> Header => Columns.Select(c => c.Name);

    public static readonly CsvFormat Issues = new(CsvTable.Issues, "issues",
    [
        new("slug"), new("name"), new("description"),
    ]);

    public static readonly CsvFormat Actors = new(CsvTable.Actors, "actors",
    [
        new("slug"), new("name"), new("kind"), new("role", Required: false), new("side"),
        new("alternative_names", Required: false),
    ]);

    public static readonly CsvFormat Sources = new(CsvTable.Sources, "sources",
    [
        new("key"), new("title"), new("outlet", Required: false), new("url", Required: false),
        new("published_on", Required: false), new("published_precision", Required: false), new("kind"),
    ]);

    public static readonly CsvFormat Meetings = new(CsvTable.Meetings, "meetings",
    [
        new("slug"), new("title"), new("place"), new("date"), new("date_precision"), new("date_basis"),
        new("duration_minutes", Required: false), new("participants", Required: false), new("outcome"), new("source"),
    ]);

    public static readonly CsvFormat Statements = new(CsvTable.Statements, "statements",
    [
        new("key"), new("actor"), new("actor_name", Required: false, ExportOnly: true),
        new("date"), new("date_precision"), new("date_basis"), new("kind"), new("text"),
        new("channel"), new("attribution"), new("source"), new("via_source", Required: false),
        new("meeting", Required: false), new("issues", Required: false),
        new("original_language", Required: false), new("original_text", Required: false),
    ]);

    public static readonly CsvFormat Positions = new(CsvTable.Positions, "positions",
    [
        new("actor"), new("actor_name", Required: false, ExportOnly: true), new("side", Required: false, ExportOnly: true),
        new("issue"), new("issue_name", Required: false, ExportOnly: true),
        new("as_of"), new("as_of_precision"), new("stance"), new("summary"), new("evidence"),
        new("sources", Required: false, ExportOnly: true),
    ]);

    public static IReadOnlyList<CsvFormat> All { get; } = [Issues, Actors, Sources, Meetings, Statements, Positions];

    public static CsvFormat For(CsvTable table) => All[(int)table];
}
