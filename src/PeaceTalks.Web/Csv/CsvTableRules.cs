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

internal sealed record DbLinkTable(string Name, string OwnerColumn, string[] Columns);

/// <summary>Where a CSV table lands: its SQL table, the columns written, which of them make the natural key.</summary>
internal sealed record DbTable(string Name, string[] Columns, int[] KeyColumns, DbLinkTable? Links)
{
    /// <summary>SQL that yields the natural key of a stored row, the same text <see cref="KeyOf"/> builds.</summary>
    public string KeySql => string.Join(" || '|' || ", KeyColumns.Select(i => $"\"{Columns[i]}\""));

    public string KeyOf(string?[] values) => string.Join('|', KeyColumns.Select(i => values[i]));
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
        public override DbTable Db { get; } = new("Issues", ["Slug", "Name", "Description"], [0], null);
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
            new("Actors", ["Slug", "Name", "Kind", "Role", "Side", "AlternativeNames"], [0], null);
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
            new("Sources", ["Key", "Title", "Outlet", "Url", "PublishedOn", "PublishedPrecision", "Kind"], [0], null);
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
            ["Slug", "Title", "Place", "Date", "DatePrecision", "DateBasis", "DurationMinutes", "Outcome", "SourceId"], [0],
            new DbLinkTable("MeetingParticipants", "MeetingId", ["ActorId", "Role"]));
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
                slug, title, place, CsvCells.Date(date), Word(precision), Word(basis), duration?.ToString(),
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
            ["Key", "ActorId", "Date", "DatePrecision", "DateBasis", "Kind", "Text", "Channel", "Attribution",
             "SourceId", "ViaSourceId", "MeetingId", "OriginalLanguage", "OriginalText"], [0],
            new DbLinkTable("StatementIssues", "StatementId", ["IssueId"]));
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
            ["ActorId", "IssueId", "AsOf", "AsOfPrecision", "Stance", "Summary"], [0, 1, 2],
            new DbLinkTable("PositionEvidence", "PositionId", ["StatementId"]));
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
