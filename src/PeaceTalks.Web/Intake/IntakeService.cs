using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Services;

namespace PeaceTalks.Web.Intake;

/// <summary>A pasted report with what the editor knows about it; only the text is required.</summary>
public sealed record IntakeArticle(string Text, string? Title, string? Outlet, string? Url, DateOnly? PublishedOn);

/// <summary>One candidate as the editor reviews it: accepted or not, and every field the editor may change.</summary>
public sealed class IntakeDraft
{
    public required Candidate Candidate { get; init; }
    public bool Accept { get; set; }
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

    /// <summary>An existing statement by the same speaker with nearly the same words (another outlet, another translation).</summary>
    public string? DuplicateOf { get; set; }

    /// <summary>With <see cref="DuplicateOf"/>: save the report as another source for that statement, not a new statement.</summary>
    public bool AddAsSource { get; set; }
}

/// <summary>The candidates, with the actors and issues the editor can pick from (the ones the extractor knew).</summary>
public sealed record IntakeProposal(string ArticleText, IReadOnlyList<IntakeDraft> Drafts, IReadOnlyList<ActorOption> Actors, IReadOnlyList<IssueOption> Issues);

/// <summary>What saving did: the new source and statements, or every problem (nothing saved), and notes on changed kinds.</summary>
public sealed record IntakeResult(string? SourceKey, int Statements, IReadOnlyList<string> Problems, IReadOnlyList<string> Notes)
{
    public bool Saved => Problems.Count == 0;
}

/// <summary>
/// Article intake: proposes statements from a pasted report, then saves the accepted ones with a new source holding
/// the report's text. Saving goes through the CSV importer in one transaction (the same rules and messages as every
/// other way in, one audited batch per table), so a bad field is refused as it would be in a file.
/// </summary>
public sealed partial class IntakeService(IDbContextFactory<PeaceTalksDbContext> dbFactory, EditorAccess access, CsvExporter exporter)
{
    public async Task<IntakeProposal> ProposeAsync(IntakeArticle article, CancellationToken cancellationToken = default)
    {
        await access.RequireAsync(AppRoles.Editor, cancellationToken);
        var text = ReduceToText(article.Text);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actors = await db.Actors.AsNoTracking().Where(a => a.RetractedAt == null).OrderBy(a => a.Name)
            .Select(a => new { a.Slug, a.Name, a.Role, a.Side, a.AlternativeNames }).ToListAsync(cancellationToken);
        var issues = await db.Issues.AsNoTracking().Where(i => i.RetractedAt == null).OrderBy(i => i.Name)
            .Select(i => new IssueOption(i.Slug, i.Name, i.Description)).ToListAsync(cancellationToken);
        var extractor = new StatementExtractor(
            [.. actors.Select(a => new KnownActor(a.Slug, a.Name, a.Role,
                [.. (a.AlternativeNames ?? "").Split(CsvCells.ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]))],
            [.. issues.Select(i => new KnownIssue(i.Slug, i.Name, i.Description))]);
        var candidates = extractor.Extract(text, article.PublishedOn, DateOnly.FromDateTime(DateTime.UtcNow));

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
            DuplicateOf = existing.FirstOrDefault(e => e.Actor == c.Speaker.Slug && NearlySame(e.Text, c.Text))?.Key,
        }).ToList();
        // The same remark again is most often a second report of it: offered as another source, the editor decides.
        drafts.ForEach(d => d.AddAsSource = d.DuplicateOf is not null);
        return new IntakeProposal(text, drafts, [.. actors.Select(a => new ActorOption(a.Slug, a.Name, a.Side, a.Role))], issues);
    }

    public async Task<IntakeResult> SaveAsync(IntakeArticle article, IReadOnlyList<IntakeDraft> drafts, CancellationToken cancellationToken = default)
    {
        var editor = await access.RequireAsync(AppRoles.Editor, cancellationToken);
        var text = ReduceToText(article.Text);
        var accepted = drafts.Where(d => d.Accept).ToList();
        if (accepted.Count == 0)
        {
            return new IntakeResult(null, 0, ["Accept at least one statement to save."], []);
        }
        var notes = new List<string>();
        var asSources = accepted.Where(d => d.DuplicateOf is not null && d.AddAsSource).ToList();
        accepted = [.. accepted.Except(asSources)];
        foreach (var draft in accepted.Where(d => d.Kind == TextKind.Quote && !text.Contains(d.Text, StringComparison.Ordinal)))
        {
            // A verbatim quote is only verbatim if a reader finds those exact words in the stored report.
            draft.Kind = TextKind.Paraphrase;
            notes.Add($"“{Shorten(draft.Text)}” is not in the report word for word, so it was saved as a paraphrase.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        // Keys are made as the edit forms make them (RecordKeys), under the write lock, and never twice in one batch.
        var batch = new HashSet<string>(StringComparer.Ordinal);
        var title = article.Title is { Length: > 0 } t ? t : $"Report pasted on {CsvCells.Date(DateOnly.FromDateTime(DateTime.UtcNow))}";
        var sourceKey = await RecordKeys.UniqueAsync(connection, transaction, CsvTable.Sources,
            RecordKeys.Suggest(CsvTable.Sources, new Dictionary<string, string?> { ["outlet"] = article.Outlet, ["title"] = title }), batch, cancellationToken);
        var files = new List<(string, Stream)>
        {
            ("intake-sources.csv", await CsvAsync(CsvFormat.Sources, [[sourceKey, title, article.Outlet, article.Url,
                article.PublishedOn is { } p ? CsvCells.Date(p) : null, article.PublishedOn is null ? null : "day", CsvCells.Word(SourceKind.NewsReport)]],
                cancellationToken)),
        };

        // A new actor whose slug is already an actor's is that actor; one name given twice is one new actor.
        var speakingNew = accepted.Where(d => string.IsNullOrEmpty(d.ActorSlug)).ToList();
        speakingNew.ForEach(d => d.ActorSlug = RecordKeys.Slug(d.NewActorName));
        var slugs = speakingNew.Select(d => d.ActorSlug!).Distinct().ToList();
        var known = await db.Actors.AsNoTracking().Where(a => slugs.Contains(a.Slug)).Select(a => a.Slug).ToListAsync(cancellationToken);
        var newActors = speakingNew.Where(d => !known.Contains(d.ActorSlug!)).DistinctBy(d => d.ActorSlug)
            .Select(d => new string?[] { d.ActorSlug, d.NewActorName, CsvCells.Word(ActorKind.Person), d.NewActorRole, d.NewActorSide, null })
            .ToList();
        if (newActors.Count > 0)
        {
            files.Add(("intake-actors.csv", await CsvAsync(CsvFormat.Actors, newActors, cancellationToken)));
        }

        var rows = new List<string?[]>();
        foreach (var d in accepted)
        {
            var date = d.Date is { } day ? CsvCells.Date(day) : null;
            var key = await RecordKeys.UniqueAsync(connection, transaction, CsvTable.Statements,
                RecordKeys.Suggest(CsvTable.Statements, new Dictionary<string, string?> { ["actor"] = d.ActorSlug, ["date"] = date, ["text"] = d.Text }),
                batch, cancellationToken);
            batch.Add(key);
            rows.Add(
            [
                key, d.ActorSlug, null, date, CsvCells.Word(d.Precision), CsvCells.Word(d.Basis),
                CsvCells.Word(d.Kind), d.Text, CsvCells.Word(Channel.NotStated), CsvCells.Word(Attribution.Reported), sourceKey, null, null,
                CsvCells.List(d.Issues), null, null,
            ]);
        }
        if (rows.Count > 0)
        {
            files.Add(("intake-statements.csv", await CsvAsync(CsvFormat.Statements, rows, cancellationToken)));
        }

        var reports = await CsvImporter.ImportFilesAsync(connection, transaction, files, editor, cancellationToken);
        var problems = reports.SelectMany(r => r.Errors.Select(e => $"{Describe(r.FileName, e.Row, accepted)}{e}")).ToList();
        if (problems.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new IntakeResult(null, 0, problems, notes);
        }
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """INSERT INTO "SourceTexts" ("SourceId", "Text") SELECT "Id", @text FROM "Sources" WHERE "Key" = @key""";
            RecordWriter.AddParameter(command, "@text", text);
            RecordWriter.AddParameter(command, "@key", sourceKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var statementKey in asSources.Select(d => d.DuplicateOf!).Distinct())
        {
            if (!await AddSourceAsync(connection, transaction, statementKey, sourceKey, title, editor, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return new IntakeResult(null, 0, [$"Statement “{statementKey}” is no longer on the record (retracted or re-keyed): reload and review again."], notes);
            }
            notes.Add($"The report was added as another source for statement “{statementKey}”.");
        }
        await transaction.CommitAsync(cancellationToken);
        return new IntakeResult(sourceKey, accepted.Count, [], notes);
    }

    /// <summary>
    /// Links a stored statement to the new source, moves its version (an editor who opened it sees the change) and
    /// writes the change to its history as an edit of its other sources. False when the statement is not live.
    /// </summary>
    private static async Task<bool> AddSourceAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction,
        string statementKey, string sourceKey, string title, Editor editor, CancellationToken cancellationToken)
    {
        System.Data.Common.DbCommand Command(string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            RecordWriter.AddParameter(command, "@statement", statementKey);
            RecordWriter.AddParameter(command, "@source", sourceKey);
            return command;
        }

        var before = new List<string>();
        await using (var read = Command("""
            SELECT src."Key" FROM "StatementSources" ss JOIN "Sources" src ON src."Id" = ss."SourceId"
            JOIN "Statements" s ON s."Id" = ss."StatementId" WHERE s."Key" = @statement ORDER BY src."Key"
            """))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                before.Add(reader.GetString(0));
            }
        }
        await using (var insert = Command("""
            INSERT INTO "StatementSources" ("StatementId", "SourceId")
            SELECT s."Id", src."Id" FROM "Statements" s, "Sources" src
            WHERE s."Key" = @statement AND src."Key" = @source AND s."RetractedAt" IS NULL
            """))
        {
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }
        }
        long id;
        await using (var bump = Command("""UPDATE "Statements" SET "Version" = "Version" + 1 WHERE "Key" = @statement RETURNING "Id" """))
        {
            id = Convert.ToInt64(await bump.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        using var writer = Data.Database.RowWriter(connection, transaction, CsvTableRules.For(CsvTable.Statements).Db);
        string?[] after = [CsvCells.List([.. before, sourceKey])];
        writer.Audit(new AuditEntry
        {
            At = DateTime.UtcNow,
            UserId = editor.UserId,
            UserName = editor.Name,
            EntityType = "statement",
            EntityId = checked((int)id),
            EntityKey = statementKey,
            Action = AuditAction.Update,
            Changes = AuditJson.Write(AuditJson.Diff([OtherSourcesField], [before.Count == 0 ? null : CsvCells.List(before)], after)),
            Note = $"Another report of it, added at article intake: {title}",
        });
        // The writer batches its rows: written now, inside the transaction.
        writer.Flush();
        return true;
    }

    /// <summary>How the history names a statement's further sources.</summary>
    public const string OtherSourcesField = "other_sources";

    /// <summary>The stored text of a report taken in here, or null.</summary>
    public async Task<string?> ArticleTextAsync(string sourceKey, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SourceTexts.AsNoTracking().Where(t => t.Source!.Key == sourceKey).Select(t => t.Text).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>HTML pasted from a page becomes its text: paragraphs kept, tags dropped, entities decoded.</summary>
    public static string ReduceToText(string input)
    {
        var text = input.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!LooksLikeHtml().IsMatch(text))
        {
            return text.Trim();
        }
        text = ScriptOrStyle().Replace(text, " ");
        text = BlockBreak().Replace(text, "\n\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        text = SpaceRun().Replace(text, " ");
        return BlankLines().Replace(text, "\n\n").Trim();
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

    private static string Describe(string file, int row, List<IntakeDraft> accepted) =>
        file == "intake-statements.csv" && row >= 2 && row - 2 < accepted.Count ? $"Statement “{Shorten(accepted[row - 2].Text)}”: " : "";

    private static string Shorten(string text) => text.Length > 50 ? text[..49] + "…" : text;

    /// <summary>Rows as a CSV file in the export's own format, as the importer reads it back.</summary>
    private async Task<MemoryStream> CsvAsync(CsvFormat format, IReadOnlyList<string?[]> rows, CancellationToken cancellationToken)
    {
        var stream = new MemoryStream();
        await exporter.WriteAsync(format, rows.ToAsyncEnumerable(), stream, byteOrderMark: false, cancellationToken);
        stream.Position = 0;
        return stream;
    }

    [GeneratedRegex(@"<\s*(?:p|br|div|h[1-6]|li|blockquote|article|section)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeHtml();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<\s*/?\s*(?:p|br|div|h[1-6]|li|blockquote|article|section|tr)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockBreak();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex SpaceRun();

    [GeneratedRegex(@"\s*\n\s*\n\s*")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
