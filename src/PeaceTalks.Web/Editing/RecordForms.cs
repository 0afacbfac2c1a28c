using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Editing;

/// <summary>How a form field is entered.</summary>
public enum FieldInput { Key, Text, LongText, Date, Choice, Number, Url, Language, Actor, Source, Meeting, Issue, Issues, Evidence, Participants }

public sealed record Choice(string Value, string Label);

/// <summary>One field of an edit form. <see cref="Name"/> is the CSV column it fills, so the CSV rules check it.</summary>
public sealed record FormField(string Name, string Label, FieldInput Input, bool Required, string? Help = null, IReadOnlyList<Choice>? Choices = null);

/// <summary>
/// The edit form of each table: which CSV columns it shows, how, and with which labels. Values are the CSV cells
/// themselves (words for choices, slugs and keys for references, '|' lists), checked by the CSV importer's rules.
/// </summary>
public static class RecordForms
{
    public static string Noun(CsvTable table) => CsvTableRules.For(table).Db.EntityType;

    /// <summary>The table of an audit entry's entity type ("statement" → Statements); null for "user".</summary>
    public static CsvTable? TableOf(string entityType) =>
        CsvFormat.All.Select(f => f.Table).Where(t => Noun(t) == entityType).Select(t => (CsvTable?)t).FirstOrDefault();

    public static string Path(CsvTable table) => table switch
    {
        CsvTable.Issues => "issues",
        CsvTable.Actors => "actors",
        CsvTable.Sources => "sources",
        CsvTable.Meetings => "meetings",
        CsvTable.Statements => "statements",
        _ => "positions",
    };

    public static string NewUrl(CsvTable table) => $"/{Path(table)}/new";

    /// <summary>The edit page of an item; a position's key "actor|issue|as_of" becomes three path segments.</summary>
    public static string EditUrl(CsvTable table, string key) =>
        $"/{Path(table)}/{string.Join('/', key.Split('|').Select(Uri.EscapeDataString))}/edit";

    /// <summary>Where readers see the item.</summary>
    public static string ViewUrl(CsvTable table, string key) => table switch
    {
        CsvTable.Actors => $"/actors/{Uri.EscapeDataString(key)}",
        CsvTable.Meetings => $"/meetings/{Uri.EscapeDataString(key)}",
        CsvTable.Statements => $"/statements/{Uri.EscapeDataString(key)}",
        CsvTable.Issues => $"/stances?issue={Uri.EscapeDataString(key)}",
        CsvTable.Positions => $"/stances?actor={Uri.EscapeDataString(key.Split('|')[0])}&issue={Uri.EscapeDataString(key.Split('|')[1])}",
        _ => $"/timeline",
    };

    /// <summary>Field values a new item starts with (the commonest case), before anything from the address.</summary>
    public static Dictionary<string, string?> Defaults(CsvTable table) => table switch
    {
        CsvTable.Actors => new() { ["kind"] = "person" },
        CsvTable.Sources => new() { ["kind"] = "news-report" },
        CsvTable.Meetings => new() { ["date_precision"] = "day", ["date_basis"] = "on" },
        CsvTable.Statements => new()
        {
            ["date_precision"] = "day", ["date_basis"] = "on", ["kind"] = "quote", ["channel"] = "not-stated", ["attribution"] = "reported",
        },
        CsvTable.Positions => new() { ["as_of_precision"] = "day" },
        _ => [],
    };

    public static IReadOnlyList<FormField> For(CsvTable table) => table switch
    {
        CsvTable.Issues =>
        [
            new("name", "Name", FieldInput.Text, true, "A disputed question, e.g. “Security guarantees for Ukraine”."),
            new("slug", "Slug", FieldInput.Key, true, "Its short name in addresses and CSV files. Leave empty to make one from the name."),
            new("description", "Description", FieldInput.LongText, true, "What the question is, in a sentence or two."),
        ],
        CsvTable.Actors =>
        [
            new("name", "Name", FieldInput.Text, true),
            new("slug", "Slug", FieldInput.Key, true, "Leave empty to make one from the name."),
            new("kind", "Kind", FieldInput.Choice, true, Choices: Words<ActorKind>(k => k switch
            {
                ActorKind.Person => "Person", ActorKind.Government => "Government", ActorKind.Delegation => "Delegation", _ => "Organisation",
            })),
            new("role", "Role", FieldInput.Text, false, "As the source gives it, e.g. “Kremlin aide”."),
            new("side", "Side", FieldInput.Text, true, "E.g. Russia, Ukraine, United States."),
            new("alternative_names", "Other spellings", FieldInput.Text, false, "Separated by “ | ”, e.g. the native spelling."),
        ],
        CsvTable.Sources =>
        [
            new("title", "Title", FieldInput.Text, true),
            new("outlet", "Outlet", FieldInput.Text, false, "Who published it, e.g. Reuters."),
            new("key", "Key", FieldInput.Key, true, "Leave empty to make one from the outlet and title."),
            new("url", "Address (URL)", FieldInput.Url, false, "http:// or https:// only."),
            new("published_on", "Published on", FieldInput.Date, false),
            new("published_precision", "Date precision", FieldInput.Choice, false, "Needed with a date.", Precisions),
            new("kind", "Kind", FieldInput.Choice, true, Choices: Words<SourceKind>(k => k switch
            {
                SourceKind.NewsReport => "News report", SourceKind.SocialMediaPost => "Social-media post", SourceKind.Interview => "Interview",
                SourceKind.OfficialReadout => "Official readout", SourceKind.PressRelease => "Press release", _ => "Other",
            })),
        ],
        CsvTable.Meetings =>
        [
            new("title", "Title", FieldInput.Text, true),
            new("slug", "Slug", FieldInput.Key, true, "Leave empty to make one from the title and date."),
            new("place", "Place", FieldInput.Text, true),
            new("date", "Date", FieldInput.Date, true, "A month-precision date is the 1st of the month."),
            new("date_precision", "Date precision", FieldInput.Choice, true, Choices: Precisions),
            new("date_basis", "Date basis", FieldInput.Choice, true, Choices: Bases),
            new("duration_minutes", "Duration (minutes)", FieldInput.Number, false),
            new("participants", "Participants", FieldInput.Participants, false),
            new("outcome", "Outcome", FieldInput.LongText, true, "What came of it, in our own words."),
            new("source", "Source", FieldInput.Source, true, "The report a reader can check."),
        ],
        CsvTable.Statements =>
        [
            new("actor", "Speaker", FieldInput.Actor, true),
            new("kind", "Kind", FieldInput.Choice, true, Choices:
                [new("quote", "Verbatim quote (their exact words)"), new("paraphrase", "Paraphrase (our words)")]),
            new("text", "Text", FieldInput.LongText, true, "A quote character for character, without quotation marks."),
            new("date", "Date", FieldInput.Date, true, "When it was said. A month-precision date is the 1st of the month."),
            new("date_precision", "Date precision", FieldInput.Choice, true, Choices: Precisions),
            new("date_basis", "Date basis", FieldInput.Choice, true, Choices: Bases),
            new("channel", "Channel", FieldInput.Choice, true, Choices: Words<Channel>(DateText.Label)),
            new("attribution", "Attribution", FieldInput.Choice, true, Choices:
                [new("first-hand", "First-hand (their own post or transcript)"), new("reported", "Reported (an outlet's account)")]),
            new("source", "Source", FieldInput.Source, true, "The report a reader can check. A statement cannot be saved without one."),
            new("via_source", "Via", FieldInput.Source, false, "The outlet or interview the source credits, if second-hand."),
            new("meeting", "About the meeting", FieldInput.Meeting, false),
            new("issues", "Issues", FieldInput.Issues, false),
            new("original_language", "Original language", FieldInput.Language, false, "When the text is a translation: e.g. ru, uk."),
            new("original_text", "Original wording", FieldInput.LongText, false),
            new("key", "Key", FieldInput.Key, true, "Leave empty to make one from the speaker, date and first words."),
        ],
        _ =>
        [
            new("actor", "Actor", FieldInput.Actor, true),
            new("issue", "Issue", FieldInput.Issue, true),
            new("as_of", "As of", FieldInput.Date, true, "The day the evidence shows this stance."),
            new("as_of_precision", "Date precision", FieldInput.Choice, true, Choices: Precisions),
            new("stance", "Stance", FieldInput.Choice, true, Choices: Words<Stance>(s => s switch
            {
                Stance.Supports => "Supports", Stance.LeansSupport => "Leans support", Stance.Ambiguous => "Ambiguous",
                Stance.LeansAgainst => "Leans against", _ => "Opposes",
            })),
            new("summary", "Summary", FieldInput.LongText, true, "One sentence, in our own words."),
            new("evidence", "Evidence", FieldInput.Evidence, true, "The statements this stance rests on: at least one."),
        ],
    };

    public static IReadOnlyList<Choice> ParticipantRoles { get; } = Words<ParticipantRole>(DateText.Label);

    private static readonly IReadOnlyList<Choice> Precisions =
        [new("day", "Day"), new("month", "Month (the source gives only the month)"), new("year", "Year")];

    private static readonly IReadOnlyList<Choice> Bases =
        [new("on", "On that date"), new("on-or-before", "On or before it (the source does not say exactly when)")];

    private static IReadOnlyList<Choice> Words<TEnum>(Func<TEnum, string> label) where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(v => new Choice(KebabCase<TEnum>.ToWord(v), label(v)))];
}
