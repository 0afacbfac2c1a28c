using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Records;

/// <summary>
/// The record types of PeaceTalks, each described once. <see cref="All"/> is also the order a full data set is
/// imported in: references point backwards.
/// </summary>
public static class RecordTypes
{
    // Declared first: static fields are set in the order they are written, and the descriptions below use these.
    private static readonly IReadOnlyList<Choice> Precisions =
        [new("day", "Day"), new("month", "Month (the source gives only the month)"), new("year", "Year")];

    private static readonly IReadOnlyList<Choice> Bases =
        [new("on", "On that date"), new("on-or-before", "On or before it (the source does not say exactly when)")];

    public static IReadOnlyList<Choice> ParticipantRoles { get; } = Choices<ParticipantRole>(DateText.Label);

    public static RecordType<Issue> Issues { get; } = DescribeIssues(new());

    public static RecordType<Actor> Actors { get; } = DescribeActors(new());

    public static RecordType<Source> Sources { get; } = DescribeSources(new());

    public static RecordType<Meeting> Meetings { get; } = DescribeMeetings(new());

    public static RecordType<Plan> Plans { get; } = DescribePlans(new());

    public static RecordType<PlanVersion> PlanVersions { get; } = DescribePlanVersions(new());

    public static RecordType<PlanPoint> PlanPoints { get; } = DescribePlanPoints(new());

    public static RecordType<Statement> Statements { get; } = DescribeStatements(new());

    public static RecordType<Position> Positions { get; } = DescribePositions(new());

    public static RecordType<PointPosition> PointPositions { get; } = DescribePointPositions(new());

    public static IReadOnlyList<RecordType> All { get; } =
        [Issues, Actors, Sources, Meetings, Plans, PlanVersions, PlanPoints, Statements, Positions, PointPositions];

    /// <summary>The record type with this name ("statements") or noun ("statement"), or null.</summary>
    public static RecordType? Named(string name) => All.FirstOrDefault(t => t.Name == name || t.Noun == name);

    private static RecordType<Issue> DescribeIssues(FieldFactory<Issue> f)
    {
        var slug = f.Key("slug", i => i.Slug, new("Slug", FieldInput.Key, "Its short name in addresses and CSV files. Leave empty to make one from the name."));
        var name = f.Text("name", i => i.Name, FieldLimits.Name, new("Name", FieldInput.Text, "A disputed question, e.g. “Security guarantees for Ukraine”."));
        var description = f.Text("description", i => i.Description, FieldLimits.Summary,
            new("Description", FieldInput.LongText, "What the question is, in a sentence or two."));
        return new("issues", "issue", [slug, name, description], [slug], [name, slug, description])
        {
            SuggestKey = get => Keys.Slug(get("name")),
        };
    }

    private static RecordType<Actor> DescribeActors(FieldFactory<Actor> f)
    {
        var slug = f.Key("slug", a => a.Slug, new("Slug", FieldInput.Key, "Leave empty to make one from the name."));
        var name = f.Text("name", a => a.Name, FieldLimits.Name, new("Name", FieldInput.Text));
        var kind = f.Word("kind", a => a.Kind, new("Kind", FieldInput.Choice, Choices: Choices<ActorKind>(k => k switch
        {
            ActorKind.Person => "Person",
            ActorKind.Government => "Government",
            ActorKind.Delegation => "Delegation",
            _ => "Organisation",
        })));
        var role = f.OptionalText("role", a => a.Role, FieldLimits.Name, new("Role", FieldInput.Text, "As the source gives it, e.g. “Kremlin aide”."));
        var side = f.Text("side", a => a.Side, FieldLimits.Side, new("Side", FieldInput.Text, "E.g. Russia, Ukraine, United States."));
        var alternatives = f.OptionalText("alternative_names", a => a.AlternativeNames, FieldLimits.Summary,
            new("Other spellings", FieldInput.Text, "Separated by “ | ”, e.g. the native spelling."));
        return new("actors", "actor", [slug, name, kind, role, side, alternatives], [slug], [name, slug, kind, role, side, alternatives])
        {
            SuggestKey = get => Keys.Slug(get("name")),
            Defaults = new Dictionary<string, string?> { ["kind"] = "person" },
        };
    }

    private static RecordType<Source> DescribeSources(FieldFactory<Source> f)
    {
        var key = f.Key("key", s => s.Key, new("Key", FieldInput.Key, "Leave empty to make one from the outlet and title."));
        var title = f.Text("title", s => s.Title, FieldLimits.Name, new("Title", FieldInput.Text));
        var outlet = f.OptionalText("outlet", s => s.Outlet, FieldLimits.Name, new("Outlet", FieldInput.Text, "Who published it, e.g. Reuters."));
        var url = f.Url("url", s => s.Url, new("Address (URL)", FieldInput.Url, "http:// or https:// only."));
        var published = f.OptionalDate("published_on", s => s.PublishedOn, new("Published on", FieldInput.Date));
        // Without a date the precision means nothing: it is stored as "day", and read and shown as blank.
        var precision = new ValueField("published_precision", nameof(Source.PublishedPrecision),
            (r, n) => r.Raw("published_on").Trim().Length == 0 ? null : r.Word<DatePrecision>(n),
            v => v is DatePrecision p ? Cells.Word(p) : null)
        {
            Form = new("Date precision", FieldInput.Choice, "Needed with a date.", Precisions),
            Read = (System.Linq.Expressions.Expression<Func<Source, DatePrecision?>>)(s => s.PublishedOn == null ? null : s.PublishedPrecision),
        };
        var kind = f.Word("kind", s => s.Kind, new("Kind", FieldInput.Choice, Choices: Choices<SourceKind>(k => k switch
        {
            SourceKind.NewsReport => "News report",
            SourceKind.SocialMediaPost => "Social-media post",
            SourceKind.Interview => "Interview",
            SourceKind.OfficialReadout => "Official readout",
            SourceKind.PressRelease => "Press release",
            _ => "Other",
        })));
        return new("sources", "source", [key, title, outlet, url, published, precision, kind], [key], [title, outlet, key, url, published, precision, kind])
        {
            SuggestKey = get => Keys.Slug($"{get("outlet")} {get("title")}"),
            Defaults = new Dictionary<string, string?> { ["kind"] = "news-report" },
            Check = (row, r) =>
            {
                if (row[published] is DateOnly date && row[precision] is DatePrecision p)
                {
                    r.CheckPrecision(published.Name, date, p);
                }
            },
        };
    }

    private static RecordType<Meeting> DescribeMeetings(FieldFactory<Meeting> f)
    {
        var slug = f.Key("slug", m => m.Slug, new("Slug", FieldInput.Key, "Leave empty to make one from the title and date."));
        var title = f.Text("title", m => m.Title, FieldLimits.Name, new("Title", FieldInput.Text));
        var place = f.Text("place", m => m.Place, FieldLimits.Name, new("Place", FieldInput.Text));
        var date = f.Date("date", m => m.Date, new("Date", FieldInput.Date, "A month-precision date is the 1st of the month."));
        var precision = f.Word("date_precision", m => m.DatePrecision, new("Date precision", FieldInput.Choice, Choices: Precisions));
        var basis = f.Word("date_basis", m => m.DateBasis, new("Date basis", FieldInput.Choice, Choices: Bases));
        var duration = f.WholeNumber("duration_minutes", m => m.DurationMinutes, 100_000, new("Duration (minutes)", FieldInput.Number));
        var participants = new LinkField<MeetingParticipant>("participants", p => p.MeetingId, p => p.ActorId, () => Actors)
        {
            Form = new("Participants", FieldInput.Participants),
            Role = (nameof(MeetingParticipant.Role),
                word => KebabCase<ParticipantRole>.TryParse(word, out var role) ? role : null,
                role => Cells.Word((ParticipantRole)role),
                KebabCase<ParticipantRole>.AllWords),
        };
        var outcome = f.Text("outcome", m => m.Outcome, FieldLimits.Summary, new("Outcome", FieldInput.LongText, "What came of it, in our own words."));
        var source = f.Reference("source", m => m.SourceId, () => Sources, new("Source", FieldInput.Source, "The report a reader can check."));
        return new("meetings", "meeting", [slug, title, place, date, precision, basis, duration, participants, outcome, source, .. VerificationFields<Meeting>()],
            [slug], [title, slug, place, date, precision, basis, duration, participants, outcome, source])
        {
            // Its date, place, participants and source.
            CheckedFields = [date, precision, basis, place, participants, source],
            SuggestKey = get => Keys.Slug($"{get("title")} {get("date")}"),
            Defaults = new Dictionary<string, string?> { ["date_precision"] = "day", ["date_basis"] = "on" },
            Check = (row, r) => r.CheckPrecision(date.Name, (DatePrecision)(row[precision] ?? DatePrecision.Day)),
        };
    }

    private static RecordType<Plan> DescribePlans(FieldFactory<Plan> f)
    {
        var slug = f.Key("slug", p => p.Slug, new("Slug", FieldInput.Key, "Leave empty to make one from the title."));
        var title = f.Text("title", p => p.Title, FieldLimits.Name, new("Title", FieldInput.Text, "E.g. “US plan to end the war in Ukraine”."));
        var proposedBy = f.OptionalReference("proposed_by", p => p.ProposedById, () => Actors, new("Proposed by", FieldInput.Actor));
        var issues = f.Links<PlanIssue>("issues", l => l.PlanId, l => l.IssueId, () => Issues, new("Issues it covers", FieldInput.Issues));
        var summary = f.Text("summary", p => p.Summary, FieldLimits.Summary, new("Summary", FieldInput.LongText, "What it is, in our own words."));
        return new("plans", "plan", [slug, title, proposedBy, issues, summary], [slug], [title, slug, proposedBy, issues, summary])
        {
            SuggestKey = get => Keys.Slug(get("title")),
        };
    }

    private static RecordType<PlanVersion> DescribePlanVersions(FieldFactory<PlanVersion> f)
    {
        var key = f.Key("key", v => v.Key, new("Key", FieldInput.Key, "Leave empty to make one from the plan and the label."));
        var plan = f.Reference("plan", v => v.PlanId, () => Plans, new("Plan", FieldInput.Plan));
        var label = f.Text("label", v => v.Label, FieldLimits.Name, new("Label", FieldInput.Text, "As the sources name it, e.g. “28-point draft”."));
        var date = f.Date("date", v => v.Date, new("Date", FieldInput.Date, "When it was reported, published, agreed or signed."));
        var precision = f.Word("date_precision", v => v.DatePrecision, new("Date precision", FieldInput.Choice, Choices: Precisions));
        var basis = f.Word("date_basis", v => v.DateBasis, new("Date basis", FieldInput.Choice, Choices: Bases));
        var status = f.Word("status", v => v.Status, new("Status", FieldInput.Choice, Choices: Choices<PlanStatus>(DateText.Label)));
        var source = f.Reference("source", v => v.SourceId, () => Sources, new("Source", FieldInput.Source, "The report that gives this version."));
        var count = f.WholeNumber("point_count", v => v.PointCount, 1000, new("Points (as the source counts them)", FieldInput.Number));
        return new("plan-versions", "plan version", [key, plan, label, date, precision, basis, status, source, count], [key],
            [plan, label, date, precision, basis, status, source, count, key])
        {
            SuggestKey = get => Keys.Slug($"{get("plan")} {get("label")}"),
            Defaults = new Dictionary<string, string?> { ["date_precision"] = "day", ["date_basis"] = "on", ["status"] = "reported" },
            Check = (row, r) => r.CheckPrecision(date.Name, (DatePrecision)(row[precision] ?? DatePrecision.Day)),
        };
    }

    private static RecordType<PlanPoint> DescribePlanPoints(FieldFactory<PlanPoint> f)
    {
        var key = f.Key("key", p => p.Key, new("Key", FieldInput.Key, "Leave empty to make one from the version and the number."));
        var version = f.Reference("version", p => p.PlanVersionId, () => PlanVersions, new("Version", FieldInput.PlanVersion));
        var number = f.Text("number", p => p.Number, FieldLimits.PointNumber, new("Number", FieldInput.Text, "As printed: “7”, “10 b”."));
        var kind = f.Word("kind", p => p.Kind, new("Kind", FieldInput.Choice, Choices:
            [new("quote", "Verbatim (the source's wording)"), new("paraphrase", "Summary (our words)")]));
        var text = f.Text("text", p => p.Text, FieldLimits.Text, new("Text", FieldInput.LongText, "As the source gives it, or a summary in our words."));
        var issues = f.Links<PlanPointIssue>("issues", l => l.PlanPointId, l => l.IssueId, () => Issues, new("Issues", FieldInput.Issues));
        var change = f.Word("change", p => p.Change, new("Compared with the previous version", FieldInput.Choice, Choices: Choices<PointChange>(DateText.Label)));
        var continues = f.Links<PointLineage>("continues", l => l.PlanPointId, l => l.PreviousPointId, () => PlanPoints,
            new("Continues (points of the previous version)", FieldInput.PlanPoints, "None for a new point; two or more when points were merged."));
        return new("plan-points", "plan point", [key, version, number, kind, text, issues, change, continues, .. VerificationFields<PlanPoint>()], [key],
            [version, number, kind, text, issues, change, continues, key])
        {
            // Its text and number, and the version (whose report is its source).
            CheckedFields = [version, number, kind, text],
            SuggestKey = get => Keys.Slug($"{get("version")} point {get("number")}"),
            Defaults = new Dictionary<string, string?> { ["kind"] = "paraphrase", ["change"] = "new" },
            Check = (row, r) =>
            {
                var previous = row[continues] is IReadOnlyList<LinkItem> items ? items.Count : 0;
                var problem = (row[change] as PointChange?) switch
                {
                    PointChange.New when previous > 0 => "is new, so it continues no earlier point: empty the continues list, or say how it changed",
                    PointChange.Merged when previous < 2 => "is a merge, so it continues two or more earlier points",
                    PointChange.Unchanged or PointChange.Reworded or PointChange.Split when previous != 1 => "continues exactly one earlier point when it is unchanged, reworded or split",
                    _ => null,
                };
                if (problem is not null && r.RowIsValid)
                {
                    r.Fail(change.Name, Cells.Word((PointChange)row[change]!), problem);
                }
            },
        };
    }

    private static RecordType<Statement> DescribeStatements(FieldFactory<Statement> f)
    {
        var key = f.Key("key", s => s.Key, new("Key", FieldInput.Key, "Leave empty to make one from the speaker, date and first words."));
        var actor = f.Reference("actor", s => s.ActorId, () => Actors, new("Speaker", FieldInput.Actor));
        var actorName = f.Derived("actor_name", s => s.Actor.Name);
        var date = f.Date("date", s => s.Date, new("Date", FieldInput.Date, "When it was said. A month-precision date is the 1st of the month."));
        var precision = f.Word("date_precision", s => s.DatePrecision, new("Date precision", FieldInput.Choice, Choices: Precisions));
        var basis = f.Word("date_basis", s => s.DateBasis, new("Date basis", FieldInput.Choice, Choices: Bases));
        var kind = f.Word("kind", s => s.Kind, new("Kind", FieldInput.Choice, Choices:
            [new("quote", "Verbatim quote (their exact words)"), new("paraphrase", "Paraphrase (our words)")]));
        var text = f.Text("text", s => s.Text, FieldLimits.Text, new("Text", FieldInput.LongText, "A quote character for character, without quotation marks."));
        var channel = f.Word("channel", s => s.Channel, new("Channel", FieldInput.Choice, Choices: Choices<Channel>(DateText.Label)));
        var attribution = f.Word("attribution", s => s.Attribution, new("Attribution", FieldInput.Choice, Choices:
            [new("first-hand", "First-hand (their own post or transcript)"), new("reported", "Reported (an outlet's account)")]));
        var source = f.Reference("source", s => s.SourceId, () => Sources,
            new("Source", FieldInput.Source, "The report a reader can check. A statement cannot be saved without one."));
        var via = f.OptionalReference("via_source", s => s.ViaSourceId, () => Sources,
            new("Via", FieldInput.Source, "The outlet or interview the source credits, if second-hand."));
        var meeting = f.OptionalReference("meeting", s => s.MeetingId, () => Meetings, new("About the meeting", FieldInput.Meeting));
        var issues = f.Links<StatementIssue>("issues", si => si.StatementId, si => si.IssueId, () => Issues, new("Issues", FieldInput.Issues));
        var language = f.Language("original_language", s => s.OriginalLanguage,
            new("Original language", FieldInput.Language, "When the text is a translation: e.g. ru, uk."));
        var original = f.OptionalText("original_text", s => s.OriginalText, FieldLimits.Text, new("Original wording", FieldInput.LongText));
        var points = f.Links<StatementPoint>("points", sp => sp.StatementId, sp => sp.PlanPointId, () => PlanPoints,
            new("Plan points it speaks about", FieldInput.PlanPoints));
        return new("statements", "statement",
            [key, actor, actorName, date, precision, basis, kind, text, channel, attribution, source, via, meeting, issues, language, original, points,
                .. VerificationFields<Statement>()], [key],
            [actor, kind, text, date, precision, basis, channel, attribution, source, via, meeting, issues, points, language, original, key])
        {
            // Its words, speaker, date and source.
            CheckedFields = [actor, date, precision, basis, kind, text, language, original, source, via],
            SuggestKey = get => Keys.Slug($"{get("actor")} {get("date")} {string.Join(' ', Keys.Words(get("text")).Take(6))}"),
            Defaults = new Dictionary<string, string?>
            {
                ["date_precision"] = "day", ["date_basis"] = "on", ["kind"] = "quote", ["channel"] = "not-stated", ["attribution"] = "reported",
            },
            Check = (row, r) =>
            {
                r.CheckPrecision(date.Name, (DatePrecision)(row[precision] ?? DatePrecision.Day));
                // Words cannot have been said after today: a date in the future is a typo or a misread year.
                if (row[date] is DateOnly said && said > r.Today)
                {
                    r.Fail(date.Name, Cells.Date(said), $"is after today ({Cells.Date(r.Today)}): a statement's date cannot be in the future");
                }
                if (row[original] is not null && row[language] is null)
                {
                    r.Fail(language.Name, "", "is empty, but original_text is given: say which language it is in");
                }
            },
        };
    }

    private static RecordType<Position> DescribePositions(FieldFactory<Position> f)
    {
        var actor = f.Reference("actor", p => p.ActorId, () => Actors, new("Actor", FieldInput.Actor));
        var actorName = f.Derived("actor_name", p => p.Actor.Name);
        var side = f.Derived("side", p => p.Actor.Side);
        var issue = f.Reference("issue", p => p.IssueId, () => Issues, new("Issue", FieldInput.Issue));
        var issueName = f.Derived("issue_name", p => p.Issue.Name);
        var asOf = f.Date("as_of", p => p.AsOf, new("As of", FieldInput.Date, "The day the evidence shows this stance."));
        var precision = f.Word("as_of_precision", p => p.AsOfPrecision, new("Date precision", FieldInput.Choice, Choices: Precisions));
        var stance = f.Word("stance", p => p.Stance, new("Stance", FieldInput.Choice, Choices: Choices<Stance>(s => s switch
        {
            Stance.Supports => "Supports",
            Stance.LeansSupport => "Leans support",
            Stance.Ambiguous => "Ambiguous",
            Stance.LeansAgainst => "Leans against",
            _ => "Opposes",
        })));
        var summary = f.Text("summary", p => p.Summary, FieldLimits.Summary, new("Summary", FieldInput.LongText, "One sentence, in our own words."));
        // Evidence from retracted statements no longer counts, and is not listed.
        var evidence = new LinkField<PositionEvidence>("evidence", e => e.PositionId, e => e.StatementId, () => Statements)
        {
            Mandatory = true,
            Form = new("Evidence", FieldInput.Evidence, "The statements this stance rests on: at least one."),
            ReadFilter = e => e.Statement.RetractedAt == null,
            HoldsTarget = false,
            EmptyMessage = "is required but empty: a position needs at least one statement key as evidence",
        };
        var sources = new DerivedListField<PositionEvidence>("sources", e => e.PositionId, e => e.Statement.Source.Title,
            e => e.Statement.RetractedAt == null, ",");
        return new("positions", "position",
            [actor, actorName, side, issue, issueName, asOf, precision, stance, summary, evidence, sources, .. VerificationFields<Position>()],
            [actor, issue, asOf], [actor, issue, asOf, precision, stance, summary, evidence])
        {
            // Its stance, actor, issue, date and the evidence it rests on (and so its sources).
            CheckedFields = [actor, issue, asOf, precision, stance, evidence],
            Defaults = new Dictionary<string, string?> { ["as_of_precision"] = "day" },
            Check = (row, r) => r.CheckPrecision(asOf.Name, (DatePrecision)(row[precision] ?? DatePrecision.Day)),
        };
    }

    private static RecordType<PointPosition> DescribePointPositions(FieldFactory<PointPosition> f)
    {
        var actor = f.Reference("actor", p => p.ActorId, () => Actors, new("Actor", FieldInput.Actor));
        var actorName = f.Derived("actor_name", p => p.Actor.Name);
        var side = f.Derived("side", p => p.Actor.Side);
        var point = f.Reference("point", p => p.PlanPointId, () => PlanPoints, new("Plan point", FieldInput.PlanPoint));
        var number = f.Derived("point_number", p => p.PlanPoint.Number);
        var asOf = f.Date("as_of", p => p.AsOf, new("As of", FieldInput.Date, "The day the evidence shows this stance."));
        var precision = f.Word("as_of_precision", p => p.AsOfPrecision, new("Date precision", FieldInput.Choice, Choices: Precisions));
        var stance = f.Word("stance", p => p.Stance, new("Stance", FieldInput.Choice, Choices: Choices<PointStance>(DateText.Label)));
        var summary = f.Text("summary", p => p.Summary, FieldLimits.Summary, new("Summary", FieldInput.LongText, "One sentence, in our own words."));
        var evidence = new LinkField<PointPositionEvidence>("evidence", e => e.PointPositionId, e => e.StatementId, () => Statements)
        {
            Mandatory = true,
            Form = new("Evidence", FieldInput.Evidence, "The statements this stance rests on: at least one."),
            ReadFilter = e => e.Statement.RetractedAt == null,
            HoldsTarget = false,
            EmptyMessage = "is required but empty: a stance needs at least one statement key as evidence",
        };
        var sources = new DerivedListField<PointPositionEvidence>("sources", e => e.PointPositionId, e => e.Statement.Source.Title,
            e => e.Statement.RetractedAt == null, ",");
        return new("point-positions", "point stance", [actor, actorName, side, point, number, asOf, precision, stance, summary, evidence, sources],
            [actor, point, asOf], [actor, point, asOf, precision, stance, summary, evidence])
        {
            Defaults = new Dictionary<string, string?> { ["as_of_precision"] = "day" },
            Check = (row, r) => r.CheckPrecision(asOf.Name, (DatePrecision)(row[precision] ?? DatePrecision.Day)),
        };
    }

    /// <summary>
    /// The check against the source, as exports and the API tables carry it: state, who, when, and for a dispute the
    /// reason and note. Written for readers and ignored on import: only a person's check on /review sets them.
    /// </summary>
    private static IReadOnlyList<DerivedField> VerificationFields<TVerifiable>() where TVerifiable : class, IVerifiable =>
    [
        new("verification", (System.Linq.Expressions.Expression<Func<TVerifiable, VerificationState>>)(e => e.Verification), v => v is VerificationState s ? Cells.Word(s) : null),
        new("checked_by", (System.Linq.Expressions.Expression<Func<TVerifiable, string?>>)(e => e.CheckedBy)),
        new("checked_at", (System.Linq.Expressions.Expression<Func<TVerifiable, DateTime?>>)(e => e.CheckedAt), v => v is DateTime t ? Cells.Instant(t) : null),
        new("dispute_reason", (System.Linq.Expressions.Expression<Func<TVerifiable, DisputeReason?>>)(e => e.DisputeReason), v => v is DisputeReason r ? Cells.Word(r) : null),
        new("dispute_note", (System.Linq.Expressions.Expression<Func<TVerifiable, string?>>)(e => e.DisputeNote)),
    ];

    private static IReadOnlyList<Choice> Choices<TEnum>(Func<TEnum, string> label) where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(v => new Choice(KebabCase<TEnum>.ToWord(v), label(v)))];
}
