using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Records;
using PeaceTalks.Web.Services;

namespace PeaceTalks.Web.Intake;

/// <summary>A pasted report with what the editor knows about it; only the text is required.</summary>
public sealed record IntakeArticle(string Text, string? Title, string? Outlet, string? Url, DateOnly? PublishedOn);

/// <summary>One candidate as the editor reviews it: accepted or not, and every field the editor may change.</summary>
public sealed class IntakeDraft
{
    public required Candidate Candidate { get; init; }
    public bool Accept { get; set; }

    /// <summary>The speaker, an existing actor; null when the editor describes a new one below.</summary>
    public string? ActorSlug { get; set; }
    public string NewActorName { get; set; } = "";
    public string? NewActorRole { get; set; }
    public string NewActorSide { get; set; } = "";
    public required string Text { get; set; }
    public TextKind Kind { get; set; }
    public DateOnly? Date { get; set; }
    public DatePrecision Precision { get; set; }
    public DateBasis Basis { get; set; }
    public List<string> Issues { get; set; } = [];

    /// <summary>How the words were given, as the report says (a briefing, a post, a speech), or not stated.</summary>
    public Channel Channel { get; set; }

    /// <summary>The recorded meeting the words were said at or about, if any (a meeting's slug).</summary>
    public string? MeetingSlug { get; set; }

    /// <summary>The plan points it speaks about (keys), first as the report names them.</summary>
    public List<string> Points { get; set; } = [];

    /// <summary>Why each point was proposed, for the editor's look.</summary>
    public IReadOnlyList<PointSuggestion> PointReasons { get; init; } = [];

    /// <summary>An existing statement by the same speaker with nearly the same words (another outlet, another translation).</summary>
    public string? DuplicateOf { get; set; }

    /// <summary>With <see cref="DuplicateOf"/>: save the report as another source for that statement, not a new statement.</summary>
    public bool AddAsSource { get; set; }
}

/// <summary>A plan point the editor can link a statement to.</summary>
public sealed record PointOption(string Key, string Label);

/// <summary>A recorded meeting the editor can link a statement to.</summary>
public sealed record MeetingOption(string Slug, string Label);

/// <summary>The candidates, with the actors, issues and plan points the editor can pick from (the ones the extractor knew).</summary>
public sealed record IntakeProposal(string ArticleText, IReadOnlyList<IntakeDraft> Drafts, IReadOnlyList<ActorOption> Actors, IReadOnlyList<IssueOption> Issues)
{
    public IReadOnlyList<PointOption> Points { get; init; } = [];

    public IReadOnlyList<MeetingOption> Meetings { get; init; } = [];

    /// <summary>The latest day a statement of the report can be dated: its publication date, else today.</summary>
    public DateOnly? Latest { get; init; }
}

/// <summary>The parts of a candidate (and of the report) a problem can be about, as the intake page labels them.</summary>
public enum IntakePart { Report, Headline, Outlet, Address, PublishedOn, Words, Speaker, NewActorName, NewActorRole, NewActorSide, SaidOn, Issues, Points, Meeting, Channel }

/// <summary>A problem with one candidate (its index among the drafts) or with the report (<see cref="Candidate"/> null).</summary>
public sealed record IntakeProblem(int? Candidate, IntakePart Part, string Message)
{
    public override string ToString() => Candidate is { } i ? $"Candidate {i + 1}, {Label(Part)}: {Message}" : $"{Label(Part)}: {Message}";

    /// <summary>How the page names the part, so a message points at what the editor sees.</summary>
    public static string Label(IntakePart part) => part switch
    {
        IntakePart.Headline => "Headline",
        IntakePart.Outlet => "Outlet",
        IntakePart.Address => "Address",
        IntakePart.PublishedOn => "Published on",
        IntakePart.Words => "Words",
        IntakePart.Speaker => "Speaker",
        IntakePart.NewActorName => "New actor's name",
        IntakePart.NewActorRole => "New actor's role",
        IntakePart.NewActorSide => "New actor's side",
        IntakePart.SaidOn => "Said on",
        IntakePart.Issues => "Issues",
        IntakePart.Points => "Plan points",
        IntakePart.Meeting => "Meeting",
        IntakePart.Channel => "Channel",
        _ => "The report",
    };
}

/// <summary>What saving did: the new source and statements, or every problem (nothing saved), and notes on changed kinds.</summary>
public sealed record IntakeResult(string? SourceKey, int Statements, IReadOnlyList<IntakeProblem> Problems, IReadOnlyList<string> Notes)
{
    public bool Saved => Problems.Count == 0;

    /// <summary>The problems with one candidate, for showing beside its fields.</summary>
    public IReadOnlyList<IntakeProblem> For(int candidate) => [.. Problems.Where(p => p.Candidate == candidate)];
}

/// <summary>
/// Article intake: proposes statements from a pasted report, then saves the accepted ones with a new source holding
/// the report's text. The accepted candidates become rows of the record types (sources, actors, statements), checked
/// by the same rules as every other way in and written through the same write path in one transaction; a problem is
/// reported against the candidate and the field the editor sees.
/// </summary>
/// <param name="clock">The app's clock ("today" for undated reports and the date rules); the system clock when none is registered.</param>
public sealed partial class IntakeService(IDbContextFactory<PeaceTalksDbContext> dbFactory, EditorAccess access, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Today's date (UTC) by the app's clock.</summary>
    private DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    /// <summary>How the history names a statement's further sources.</summary>
    public const string OtherSourcesField = "other_sources";

    public async Task<IntakeProposal> ProposeAsync(IntakeArticle article, CancellationToken cancellationToken = default)
    {
        await access.RequireAsync(AppRoles.Editor, cancellationToken);
        var text = ReduceToText(article.Text);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actors = await db.Actors.AsNoTracking().Where(a => a.RetractedAt == null).OrderBy(a => a.Name)
            .Select(a => new { a.Slug, a.Name, a.Role, a.Side, a.Kind, a.AlternativeNames }).ToListAsync(cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.RetractedAt == null)
            .Select(m => new KnownMeeting(m.Slug, m.Title, m.Place, m.Date)).ToListAsync(cancellationToken);
        var issues = await db.Issues.AsNoTracking().Where(i => i.RetractedAt == null).OrderBy(i => i.Name)
            .Select(i => new IssueOption(i.Slug, i.Name, i.Description)).ToListAsync(cancellationToken);
        var extractor = new StatementExtractor(
            [.. actors.Select(a => new KnownActor(a.Slug, a.Name, a.Role,
                [.. (a.AlternativeNames ?? "").Split(Cells.ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], a.Side, a.Kind))],
            [.. issues.Select(i => new KnownIssue(i.Slug, i.Name, i.Description))],
            meetings);
        var candidates = extractor.Extract(text, article.PublishedOn, Today);
        var known = await db.PlanPoints.AsNoTracking().Where(p => p.PlanVersion.RetractedAt == null)
            .Select(p => new KnownPoint(p.Key, p.PlanVersion.Plan.Title, p.PlanVersion.Label, p.PlanVersion.Date, p.Number, p.Text,
                p.Issues.Select(i => i.Issue.Name).ToList()))
            .ToListAsync(cancellationToken);
        var mentions = new PointMentions(known);

        var speakers = candidates.Select(c => c.Speaker.Slug).OfType<string>().Distinct().ToList();
        var existing = await db.Statements.AsNoTracking().Where(s => s.RetractedAt == null && speakers.Contains(s.Actor!.Slug))
            .Select(s => new { Actor = s.Actor!.Slug, s.Key, s.Text }).ToListAsync(cancellationToken);
        var drafts = candidates.Select(c => new IntakeDraft
        {
            Candidate = c,
            // Quotes with a known speaker start accepted; everything else waits for the editor's look.
            Accept = c.Kind == TextKind.Quote && !c.Speaker.IsNew,
            ActorSlug = c.Speaker.Slug,
            NewActorName = c.Speaker.IsNew ? c.Speaker.Name : "",
            NewActorRole = c.Speaker.IsNew ? c.Speaker.Role : null,
            Text = c.Text,
            Kind = c.Kind,
            Date = c.Date.Date,
            Precision = c.Date.Precision,
            Basis = c.Date.Basis,
            Issues = [.. c.Issues],
            Channel = c.Channel.Channel,
            MeetingSlug = c.Meeting?.Slug,
            PointReasons = mentions.Find(c.Context, text),
            DuplicateOf = existing.FirstOrDefault(e => e.Actor == c.Speaker.Slug && NearlySame(e.Text, c.Text))?.Key,
        }).ToList();
        drafts.ForEach(d => d.Points = [.. d.PointReasons.Select(r => r.Key)]);
        // The same remark again is most often a second report of it: offered as another source, the editor decides.
        drafts.ForEach(d => d.AddAsSource = d.DuplicateOf is not null);
        return new IntakeProposal(text, drafts, [.. actors.Select(a => new ActorOption(a.Slug, a.Name, a.Side, a.Role))], issues)
        {
            Latest = article.PublishedOn is { } published && published < Today ? published : Today,
            Meetings = [.. meetings.OrderByDescending(m => m.Date).Select(m => new MeetingOption(m.Slug, $"{m.Title} ({DateText.Short(m.Date, DatePrecision.Day)})"))],
            Points = [.. known.OrderBy(p => p.PlanTitle, StringComparer.Ordinal).ThenBy(p => p.VersionDate).ThenBy(p => p.Number, NumberOrder.Instance)
                .Select(p => new PointOption(p.Key, $"{p.PlanTitle}, {p.VersionLabel}, point {p.Number}"))],
        };
    }

    /// <summary>
    /// Saves the accepted drafts, the report as their source and any new speakers, in one transaction, or nothing.
    /// The drafts are not changed, so after a refusal the editor corrects what the problems name and saves again.
    /// </summary>
    public async Task<IntakeResult> SaveAsync(IntakeArticle article, IReadOnlyList<IntakeDraft> drafts, CancellationToken cancellationToken = default)
    {
        var editor = await access.RequireAsync(AppRoles.Editor, cancellationToken);
        var text = ReduceToText(article.Text);
        var accepted = drafts.Select((d, i) => (Draft: d, Index: i)).Where(x => x.Draft.Accept).ToList();
        if (accepted.Count == 0)
        {
            return new IntakeResult(null, 0, [new IntakeProblem(null, IntakePart.Report, "Accept at least one statement to save.")], []);
        }
        var notes = new List<string>();
        var asSources = accepted.Where(x => x.Draft.DuplicateOf is not null && x.Draft.AddAsSource).ToList();
        var statements = accepted.Except(asSources).ToList();
        // A verbatim quote is only verbatim if a reader finds those exact words in the stored report.
        var kinds = statements.ToDictionary(x => x.Index, x => x.Draft.Kind == TextKind.Quote && !Verification.Verbatim.Contains(text, x.Draft.Text)
            ? TextKind.Paraphrase : x.Draft.Kind);
        foreach (var x in statements.Where(x => kinds[x.Index] != x.Draft.Kind))
        {
            notes.Add($"“{Shorten(x.Draft.Text)}” is not in the report word for word, so it was saved as a paraphrase.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Dialect.BeginWriteAsync(db.Database.GetDbConnection(), cancellationToken);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);

        // Every row is read and checked by its record type's rules before anything is written.
        var problems = new List<IntakeProblem>();
        // Keys are made as the edit forms make them, under the write lock, and never twice in one save.
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var title = Title(article, text);
        var sourceKey = await Keys.UniqueAsync(db, RecordTypes.Sources,
            Keys.Suggest(RecordTypes.Sources, new Dictionary<string, string?> { ["outlet"] = article.Outlet, ["title"] = title }), taken, cancellationToken);
        var source = Parse(RecordTypes.Sources, new()
        {
            ["key"] = sourceKey, ["title"] = title, ["outlet"] = article.Outlet, ["url"] = article.Url,
            ["published_on"] = article.PublishedOn is { } p ? Cells.Date(p) : null, ["published_precision"] = article.PublishedOn is null ? null : "day",
            ["kind"] = Cells.Word(SourceKind.NewsReport),
        }, field => (null, field switch
        {
            "title" => IntakePart.Headline,
            "outlet" => IntakePart.Outlet,
            "url" => IntakePart.Address,
            "published_on" => IntakePart.PublishedOn,
            _ => IntakePart.Report,
        }), problems);

        // A new speaker whose slug is already an actor's is that actor; one name given twice is one new actor.
        var speakers = new Dictionary<int, string>();
        var newActors = new List<RecordRow>();
        foreach (var group in statements.Where(x => string.IsNullOrEmpty(x.Draft.ActorSlug)).GroupBy(x => Keys.Slug(x.Draft.NewActorName)))
        {
            var (first, index) = group.First();
            if (group.Key.Length == 0)
            {
                problems.AddRange(group.Select(x => new IntakeProblem(x.Index, IntakePart.NewActorName, "Give the new speaker's name, or choose an actor as the speaker.")));
                continue;
            }
            foreach (var x in group)
            {
                speakers[x.Index] = group.Key;
            }
            if (await RecordTypes.Actors.KeyExistsAsync(db, group.Key, cancellationToken))
            {
                continue;
            }
            newActors.Add(Parse(RecordTypes.Actors, new()
            {
                ["slug"] = group.Key, ["name"] = first.NewActorName.Trim(), ["kind"] = Cells.Word(ActorKind.Person),
                ["role"] = first.NewActorRole, ["side"] = first.NewActorSide,
            }, field => (index, field switch
            {
                "role" => IntakePart.NewActorRole,
                "side" => IntakePart.NewActorSide,
                _ => IntakePart.NewActorName,
            }), problems));
        }

        var rows = new List<(int Index, RecordRow Row)>();
        foreach (var (draft, index) in statements)
        {
            // Words are reported after they are said: a day after the report's own is a misread date (after today, the record's rule says so).
            if (draft.Date is { } said && article.PublishedOn is { } of && said > of && said <= Today)
            {
                problems.Add(new IntakeProblem(index, IntakePart.SaidOn,
                    $"'{Cells.Date(said)}' is after the report's publication date ({Cells.Date(of)}): words are said before they are reported"));
            }
            var speaker = string.IsNullOrEmpty(draft.ActorSlug) ? speakers.GetValueOrDefault(index) : draft.ActorSlug;
            if (speaker is null)
            {
                continue; // its missing name is already a problem
            }
            var date = draft.Date is { } day ? Cells.Date(day) : null;
            var key = await Keys.UniqueAsync(db, RecordTypes.Statements,
                Keys.Suggest(RecordTypes.Statements, new Dictionary<string, string?> { ["actor"] = speaker, ["date"] = date, ["text"] = draft.Text }),
                taken, cancellationToken);
            taken.Add(key);
            rows.Add((index, Parse(RecordTypes.Statements, new()
            {
                ["key"] = key, ["actor"] = speaker, ["date"] = date, ["date_precision"] = Cells.Word(draft.Precision),
                ["date_basis"] = Cells.Word(draft.Basis), ["kind"] = Cells.Word(kinds[index]), ["text"] = draft.Text,
                ["channel"] = Cells.Word(draft.Channel), ["attribution"] = Cells.Word(Attribution.Reported), ["source"] = sourceKey,
                ["issues"] = Cells.List(draft.Issues), ["points"] = Cells.List(draft.Points), ["meeting"] = draft.MeetingSlug,
            }, field => (index, field switch
            {
                "actor" => IntakePart.Speaker,
                "date" or "date_precision" or "date_basis" => IntakePart.SaidOn,
                "issues" => IntakePart.Issues,
                "points" => IntakePart.Points,
                "meeting" => IntakePart.Meeting,
                "channel" => IntakePart.Channel,
                "text" or "kind" => IntakePart.Words,
                _ => IntakePart.Report,
            }), problems, _clock, line: index)));
        }
        if (problems.Count > 0)
        {
            return new IntakeResult(null, 0, problems, notes);
        }

        var note = $"Article intake: {title}";
        await WriteAsync(db, RecordTypes.Sources, [source], editor, note, _ => (null, IntakePart.Report), problems, cancellationToken);
        await WriteAsync(db, RecordTypes.Actors, newActors, editor, note, _ => (null, IntakePart.Speaker), problems, cancellationToken);
        await WriteAsync(db, RecordTypes.Statements, [.. rows.Select(r => r.Row)], editor, note, problem => (problem.Row, problem.Field switch
        {
            "actor" => IntakePart.Speaker,
            "issues" => IntakePart.Issues,
            "points" => IntakePart.Points,
            "meeting" => IntakePart.Meeting,
            _ => IntakePart.Report,
        }), problems, cancellationToken);
        if (problems.Count > 0)
        {
            return new IntakeResult(null, 0, problems, notes);
        }

        var sourceId = (await RecordTypes.Sources.ResolveAsync(db, [sourceKey], cancellationToken)).Single().Id;
        db.SourceTexts.Add(new SourceText { SourceId = sourceId, Text = text });
        await db.SaveChangesAsync(cancellationToken);
        foreach (var statementKey in asSources.Select(x => x.Draft.DuplicateOf!).Distinct())
        {
            if (!await AddSourceAsync(db, statementKey, sourceId, sourceKey, title, editor, cancellationToken))
            {
                return new IntakeResult(null, 0,
                    [new IntakeProblem(null, IntakePart.Report, $"Statement “{statementKey}” is no longer on the record (retracted or re-keyed): reload and review again.")], notes);
            }
            notes.Add($"The report was added as another source for statement “{statementKey}”.");
        }
        await transaction.CommitAsync(cancellationToken);
        return new IntakeResult(sourceKey, statements.Count, [], notes);
    }

    /// <summary>
    /// The source's title: the headline given, else the report's own first short line (<see cref="PastedReports.Headline"/>),
    /// else "Report of" its publication date, or "Report pasted on" today when it has none.
    /// </summary>
    public string Title(IntakeArticle article, string text) =>
        article.Title is { Length: > 0 } t ? t
        : PastedReports.Headline(text) is { } headline ? headline
        : article.PublishedOn is { } published ? $"Report of {Cells.Date(published)}"
        : $"Report pasted on {Cells.Date(Today)}";

    /// <summary>A row of a record type from its fields' text, checked by its rules; each problem mapped to the page's candidate and part.</summary>
    private static RecordRow Parse(RecordType type, Dictionary<string, string?> values, Func<string, (int? Candidate, IntakePart Part)> place,
        List<IntakeProblem> problems, TimeProvider? clock = null, int line = 0)
    {
        var found = new FieldProblems();
        var reader = new FieldReader(found, clock: clock);
        reader.MoveTo(line, values);
        var row = type.Parse(reader);
        problems.AddRange(found.Kept.Select(problem => Problem(problem, place(problem.Field))));
        return row;
    }

    private static async Task WriteAsync(PeaceTalksDbContext db, RecordType type, IReadOnlyList<RecordRow> rows, Editor editor, string note,
        Func<FieldProblem, (int? Candidate, IntakePart Part)> place, List<IntakeProblem> problems, CancellationToken cancellationToken)
    {
        if (rows.Count == 0 || problems.Count > 0)
        {
            return;
        }
        using var writer = new RecordWriter(db, type);
        var found = new FieldProblems();
        var plan = await writer.PlanAsync(rows, found, cancellationToken);
        problems.AddRange(found.Kept.Select(problem => Problem(problem, place(problem))));
        if (found.Total == 0)
        {
            await writer.WriteAsync(plan, editor, null, note, cancellationToken);
        }
    }

    private static IntakeProblem Problem(FieldProblem problem, (int? Candidate, IntakePart Part) place) => new(place.Candidate, place.Part, problem.FieldMessage);

    /// <summary>
    /// Links a stored statement to the new source, moves its version (an editor who opened it sees the change) and
    /// writes the change to its history as an edit of its other sources. False when the statement is not live.
    /// </summary>
    private static async Task<bool> AddSourceAsync(PeaceTalksDbContext db, string statementKey, int sourceId, string sourceKey, string title,
        Editor editor, CancellationToken cancellationToken)
    {
        var statement = await db.Statements.FirstOrDefaultAsync(s => s.Key == statementKey, cancellationToken);
        if (statement is null)
        {
            return false;
        }
        var before = await db.StatementSources.AsNoTracking().Where(ss => ss.StatementId == statement.Id)
            .Select(ss => ss.Source.Key).OrderBy(k => k).ToListAsync(cancellationToken);
        db.StatementSources.Add(new StatementSource { StatementId = statement.Id, SourceId = sourceId });
        statement.Version++;
        db.AuditEntries.Add(new AuditEntry
        {
            At = DateTime.UtcNow,
            UserId = editor.UserId,
            UserName = editor.Name,
            EntityType = RecordTypes.Statements.Noun,
            EntityId = statement.Id,
            EntityKey = statementKey,
            Action = AuditAction.Update,
            Changes = AuditJson.Write(AuditJson.Diff([OtherSourcesField], [before.Count == 0 ? null : Cells.List(before)], [Cells.List([.. before, sourceKey])])),
            Note = $"Another report of it, added at article intake: {title}",
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The stored text of a report taken in here, or null.</summary>
    public async Task<string?> ArticleTextAsync(string sourceKey, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SourceTexts.AsNoTracking().Where(t => t.Source!.Key == sourceKey).Select(t => t.Text).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>HTML pasted from a page becomes its text (parsed as a browser would): paragraphs kept, scripts and tags dropped.</summary>
    public static string ReduceToText(string input)
    {
        var text = input.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!LooksLikeHtml().IsMatch(text))
        {
            return text.Trim();
        }
        var document = new HtmlParser().ParseDocument(text);
        foreach (var element in document.QuerySelectorAll("script, style, noscript, template"))
        {
            element.Remove();
        }
        var blocks = new List<string>();
        foreach (var block in document.Body?.QuerySelectorAll("p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, figcaption").ToList() ?? [])
        {
            // The innermost blocks only: a blockquote holding paragraphs gives its paragraphs.
            if (block.QuerySelector("p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, figcaption") is not null)
            {
                continue;
            }
            var line = SpaceRun().Replace(block.TextContent, " ").Trim();
            if (line.Length > 0)
            {
                blocks.Add(line);
            }
        }
        if (blocks.Count == 0)
        {
            blocks.Add(SpaceRun().Replace(document.Body?.TextContent ?? "", " ").Trim());
        }
        return string.Join("\n\n", blocks);
    }

    /// <summary>Near-identical wording: the same words, allowing for a few changed in translation or punctuation.</summary>
    public static bool NearlySame(string a, string b)
    {
        var x = Words(a);
        var y = Words(b);
        if (x.Count == 0 || y.Count == 0)
        {
            return false;
        }
        return (double)x.Intersect(y).Count() / x.Union(y).Count() >= 0.8;
    }

    private static HashSet<string> Words(string text) =>
        [.. WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value)];

    private static string Shorten(string text) => text.Length > 50 ? text[..49] + "…" : text;

    [GeneratedRegex(@"<\s*(?:p|br|div|h[1-6]|li|blockquote|article|section)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeHtml();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpaceRun();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
