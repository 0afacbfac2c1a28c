using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Csv;

/// <summary>The tables a CSV cell can refer to by natural key, and that key's column.</summary>
internal enum RefTable { Actors, Issues, Sources, Meetings, Statements }

/// <summary>A reference by natural key, resolved to an id against the database before writing.</summary>
internal sealed record Ref(RefTable Table, string Column, string Key);

/// <summary>
/// One parsed row: its database values in <see cref="DbTable.Columns"/> order (strings, nulls, or
/// <see cref="Ref"/>s still to resolve) and its link rows (issues, participants, evidence).
/// </summary>
internal sealed record ParsedRow(int Row, string NaturalKey, object?[] Values, IReadOnlyList<object?[]> Links);

/// <summary>A database column, the CSV field it holds, and (for a foreign key) the table whose natural key it refers to.</summary>
internal sealed record TableColumn(string Name, string Field, RefTable? Ref = null, DbValue Type = DbValue.Text);

/// <summary>How a column's value is bound in SQL (PostgreSQL does not compare a date column with text).</summary>
internal enum DbValue { Text, Date, Number }

/// <summary>
/// The rows that hang off a record (a statement's issues, a meeting's participants, a position's evidence): shown and
/// compared as one CSV list field whose items are the link's columns joined with ':' ("vladimir-putin:host").
/// </summary>
internal sealed record DbLinkTable(string Name, string OwnerColumn, TableColumn[] Columns, string Field);

/// <summary>
/// Where a CSV table lands: its SQL table, the columns written, which of them make the natural key, its link
/// table, and the entity name used in the history of changes.
/// </summary>
internal sealed record DbTable(string Name, TableColumn[] Columns, int[] KeyColumns, DbLinkTable? Links, string EntityType)
{
    /// <summary>The natural key of a row given in key space (references as natural keys), e.g. "vladimir-putin|territory|2025-12-02".</summary>
    public string KeyOf(string?[] keyValues) => string.Join('|', KeyColumns.Select(i => keyValues[i]));

    /// <summary>The single key column for tables keyed by slug or key; null for positions (actor + issue + as_of).</summary>
    public TableColumn? SingleKey => KeyColumns.Length == 1 ? Columns[KeyColumns[0]] : null;
}

internal static class RefTables
{
    public static (string Table, string KeyColumn, string Noun) Of(RefTable table) => table switch
    {
        RefTable.Actors => ("Actors", "Slug", "actor slug"),
        RefTable.Issues => ("Issues", "Slug", "issue slug"),
        RefTable.Sources => ("Sources", "Key", "source key"),
        RefTable.Meetings => ("Meetings", "Slug", "meeting slug"),
        _ => ("Statements", "Key", "statement key"),
    };
}

/// <summary>Per CSV format: how a record becomes database values. Shared by the seed loader and the import page.</summary>
internal abstract class CsvTableRules
{
    public abstract CsvFormat Format { get; }
    public abstract DbTable Db { get; }

    /// <summary>What the natural key is called in messages ("slug", "key", "actor + issue + as_of").</summary>
    public abstract string KeyDescription { get; }

    public abstract ParsedRow Parse(CsvFieldReader r);

    public static CsvTableRules For(CsvTable table) => All[(int)table];

    public static IReadOnlyList<CsvTableRules> All { get; } =
        [new IssueRules(), new ActorRules(), new SourceRules(), new MeetingRules(), new StatementRules(), new PositionRules()];

    protected static string Word<TEnum>(TEnum value) where TEnum : struct, Enum => KebabCase<TEnum>.ToWord(value);

    protected static string? Date(DateOnly? value) => value is { } d ? CsvCells.Date(d) : null;

    private sealed class IssueRules : CsvTableRules
    {
        public override CsvFormat Format => CsvFormat.Issues;
        public override DbTable Db { get; } = new("Issues", [new("Slug", "slug"), new("Name", "name"), new("Description", "description")], [0], null, "issue");
        public override string KeyDescription => "slug";

        public override ParsedRow Parse(CsvFieldReader r)
        {
            var slug = r.Slug("slug");
            return new(r.Row, slug,
                [slug, r.Text("name", FieldLimits.Name), r.Text("description", FieldLimits.Summary)], []);
        }
    }

    private sealed class ActorRules : CsvTableRules
    {
        public override CsvFormat Format => CsvFormat.Actors;
        public override DbTable Db { get; } =
            new("Actors",
            [new("Slug", "slug"), new("Name", "name"), new("Kind", "kind"), new("Role", "role"), new("Side", "side"),
             new("AlternativeNames", "alternative_names")], [0], null, "actor");
        public override string KeyDescription => "slug";

        public override ParsedRow Parse(CsvFieldReader r)
        {
            var slug = r.Slug("slug");
            return new(r.Row, slug,
            [
                slug,
                r.Text("name", FieldLimits.Name),
                Word(r.Word<ActorKind>("kind")),
                r.OptionalText("role", FieldLimits.Name),
                r.Text("side", FieldLimits.Side),
                r.OptionalText("alternative_names", FieldLimits.Summary),
            ], []);
        }
    }

    private sealed class SourceRules : CsvTableRules
    {
        public override CsvFormat Format => CsvFormat.Sources;
        public override DbTable Db { get; } =
            new("Sources",
            [new("Key", "key"), new("Title", "title"), new("Outlet", "outlet"), new("Url", "url"), new("PublishedOn", "published_on", Type: DbValue.Date),
             new("PublishedPrecision", "published_precision"), new("Kind", "kind")], [0], null, "source");
        public override string KeyDescription => "key";

        public override ParsedRow Parse(CsvFieldReader r)
        {
            var key = r.Slug("key");
            var title = r.Text("title", FieldLimits.Name);
            var outlet = r.OptionalText("outlet", FieldLimits.Name);
            var url = r.OptionalUrl("url");
            var published = r.OptionalDate("published_on");
            // Without a date the precision means nothing; it is stored as "day" and exported blank.
            var precision = DatePrecision.Day;
            if (published is { } date)
            {
                precision = r.Word<DatePrecision>("published_precision");
                r.CheckPrecision("published_on", date, precision);
            }
            return new(r.Row, key,
                [key, title, outlet, url, Date(published), Word(precision), Word(r.Word<SourceKind>("kind"))], []);
        }
    }

    private sealed class MeetingRules : CsvTableRules
    {
        public override CsvFormat Format => CsvFormat.Meetings;
        public override DbTable Db { get; } = new("Meetings",
            [new("Slug", "slug"), new("Title", "title"), new("Place", "place"), new("Date", "date", Type: DbValue.Date), new("DatePrecision", "date_precision"),
             new("DateBasis", "date_basis"), new("DurationMinutes", "duration_minutes", Type: DbValue.Number), new("Outcome", "outcome"),
             new("SourceId", "source", RefTable.Sources)], [0],
            new DbLinkTable("MeetingParticipants", "MeetingId", [new("ActorId", "actor", RefTable.Actors), new("Role", "role")], "participants"),
            "meeting");
        public override string KeyDescription => "slug";

        public override ParsedRow Parse(CsvFieldReader r)
        {
            var slug = r.Slug("slug");
            var title = r.Text("title", FieldLimits.Name);
            var place = r.Text("place", FieldLimits.Name);
            var (date, precision) = r.DateWithPrecision("date", "date_precision");
            var basis = r.Word<DateBasis>("date_basis");
            var duration = r.OptionalWholeNumber("duration_minutes", 100_000);
            var participants = ParseParticipants(r);
            var outcome = r.Text("outcome", FieldLimits.Summary);
            var source = r.Slug("source");
            return new(r.Row, slug,
            [
                slug, title, place, CsvCells.Date(date), Word(precision), Word(basis), duration?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                outcome, new Ref(RefTable.Sources, "source", source),
            ], participants);
        }

        private static List<object?[]> ParseParticipants(CsvFieldReader r)
        {
            const string column = "participants";
            var value = r.Raw(column).Trim();
            var links = new List<object?[]>();
            if (value.Length == 0)
            {
                return links;
            }
            var seen = new HashSet<string>();
            foreach (var item in value.Split(CsvCells.ListSeparator, StringSplitOptions.TrimEntries))
            {
                var parts = item.Split(CsvCells.RoleSeparator, StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || !CsvFieldReader.IsSlug(parts[0]) || !KebabCase<ParticipantRole>.TryParse(parts[1], out var role))
                {
                    r.Fail(column, value, $"has '{item}', which is not actor-slug:role (roles: {string.Join(", ", KebabCase<ParticipantRole>.AllWords)})");
                    continue;
                }
                if (!seen.Add(parts[0]))
                {
                    r.Fail(column, value, $"lists '{parts[0]}' twice");
                    continue;
                }
                links.Add([new Ref(RefTable.Actors, column, parts[0]), Word(role)]);
            }
            return links;
        }
    }

    private sealed class StatementRules : CsvTableRules
    {
        public override CsvFormat Format => CsvFormat.Statements;
        public override DbTable Db { get; } = new("Statements",
            [new("Key", "key"), new("ActorId", "actor", RefTable.Actors), new("Date", "date", Type: DbValue.Date), new("DatePrecision", "date_precision"),
             new("DateBasis", "date_basis"), new("Kind", "kind"), new("Text", "text"), new("Channel", "channel"),
             new("Attribution", "attribution"), new("SourceId", "source", RefTable.Sources), new("ViaSourceId", "via_source", RefTable.Sources),
             new("MeetingId", "meeting", RefTable.Meetings), new("OriginalLanguage", "original_language"),
             new("OriginalText", "original_text")], [0],
            new DbLinkTable("StatementIssues", "StatementId", [new("IssueId", "issue", RefTable.Issues)], "issues"),
            "statement");
        public override string KeyDescription => "key";

        public override ParsedRow Parse(CsvFieldReader r)
        {
            var key = r.Slug("key");
            var actor = r.Slug("actor");
            var (date, precision) = r.DateWithPrecision("date", "date_precision");
            var basis = r.Word<DateBasis>("date_basis");
            var kind = r.Word<TextKind>("kind");
            var text = r.Text("text", FieldLimits.Text);
            var channel = r.Word<Channel>("channel");
            var attribution = r.Word<Attribution>("attribution");
            var source = r.Slug("source");
            var via = r.OptionalSlug("via_source");
            var meeting = r.OptionalSlug("meeting");
            var issues = r.SlugList("issues");
            var language = r.OptionalLanguage("original_language");
            var original = r.OptionalText("original_text", FieldLimits.Text);
            if (original is not null && language is null)
            {
                r.Fail("original_language", "", "is empty, but original_text is given: say which language it is in");
            }
            return new(r.Row, key,
            [
                key, new Ref(RefTable.Actors, "actor", actor), CsvCells.Date(date), Word(precision), Word(basis),
                Word(kind), text, Word(channel), Word(attribution), new Ref(RefTable.Sources, "source", source),
                via is null ? null : new Ref(RefTable.Sources, "via_source", via),
                meeting is null ? null : new Ref(RefTable.Meetings, "meeting", meeting),
                language, original,
            ], [.. issues.Select(i => new object?[] { new Ref(RefTable.Issues, "issues", i) })]);
        }
    }

    private sealed class PositionRules : CsvTableRules
    {
        public override CsvFormat Format => CsvFormat.Positions;
        public override DbTable Db { get; } = new("Positions",
            [new("ActorId", "actor", RefTable.Actors), new("IssueId", "issue", RefTable.Issues), new("AsOf", "as_of", Type: DbValue.Date),
             new("AsOfPrecision", "as_of_precision"), new("Stance", "stance"), new("Summary", "summary")], [0, 1, 2],
            new DbLinkTable("PositionEvidence", "PositionId", [new("StatementId", "statement", RefTable.Statements)], "evidence"),
            "position");
        public override string KeyDescription => "actor + issue + as_of";

        public override ParsedRow Parse(CsvFieldReader r)
        {
            var actor = r.Slug("actor");
            var issue = r.Slug("issue");
            var (asOf, precision) = r.DateWithPrecision("as_of", "as_of_precision");
            var stance = r.Word<Stance>("stance");
            var summary = r.Text("summary", FieldLimits.Summary);
            var evidence = r.SlugList("evidence");
            if (evidence.Count == 0 && r.Raw("evidence").Trim().Length == 0)
            {
                r.Fail("evidence", "", "is required but empty: a position needs at least one statement key as evidence");
            }
            return new(r.Row, $"{actor}|{issue}|{CsvCells.Date(asOf)}",
            [
                new Ref(RefTable.Actors, "actor", actor), new Ref(RefTable.Issues, "issue", issue),
                CsvCells.Date(asOf), Word(precision), Word(stance), summary,
            ], [.. evidence.Select(e => new object?[] { new Ref(RefTable.Statements, "evidence", e) })]);
        }
    }
}
