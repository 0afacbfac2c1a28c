using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Editing;

/// <summary>One item of the record as its edit form holds it: CSV field name → value, plus its version and state.</summary>
public sealed record RecordFields(
    CsvTable Table,
    int Id,
    string Key,
    long Version,
    DateTime? RetractedAt,
    string? RetractedReason,
    IReadOnlyDictionary<string, string?> Values)
{
    public bool Retracted => RetractedAt is not null;
}

/// <summary>What a save, retraction or restore did.</summary>
public abstract record SaveResult
{
    public sealed record Saved(string Key, long Version) : SaveResult;

    /// <summary>Nothing differs from what is stored; nothing was written.</summary>
    public sealed record Unchanged(string Key) : SaveResult;

    /// <summary>Problems per field (the importer's own messages), and problems that belong to no field.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, IReadOnlyList<string>> Fields, IReadOnlyList<string> General) : SaveResult
    {
        public static Invalid Of(string field, string message) => new(new Dictionary<string, IReadOnlyList<string>> { [field] = [message] }, []);
        public static Invalid General1(string message) => new(new Dictionary<string, IReadOnlyList<string>>(), [message]);
    }

    /// <summary>Someone saved the item since the form was opened: their version, who and when.</summary>
    public sealed record Conflict(RecordFields Theirs, string ChangedBy, DateTime ChangedAt) : SaveResult;

    public sealed record NotFound : SaveResult;

    public sealed record Refused(string Message) : SaveResult;
}

/// <summary>
/// The edit forms' service: loads an item as CSV fields, and saves, retracts and restores it through the same rules
/// (<see cref="CsvTableRules"/>) and the same write path (<see cref="RecordWriter"/>) as the CSV import, with the
/// editor's role checked on the server and an audit entry for every change.
/// </summary>
public sealed class RecordEditService(IDbContextFactory<PeaceTalksDbContext> dbFactory, EditorAccess access)
{
    public const int MaxNoteLength = 500;

    /// <summary>The fields a form edits, in the CSV format's order (export-only columns left out).</summary>
    public static IReadOnlyList<string> Fields(CsvTable table) =>
        [.. CsvFormat.For(table).Columns.Where(c => !c.ExportOnly).Select(c => c.Name)];

    /// <summary>The fields that make the natural key; they cannot change once an item is saved.</summary>
    public static IReadOnlyList<string> KeyFields(CsvTable table)
    {
        var db = CsvTableRules.For(table).Db;
        return [.. db.KeyColumns.Select(i => db.Columns[i].Field)];
    }

    public async Task<RecordFields?> LoadAsync(CsvTable table, string key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        var rules = CsvTableRules.For(table);
        var stored = await RecordWriter.LoadStoredAsync(connection, null, rules.Db, [key], cancellationToken);
        return stored.TryGetValue(key, out var row) ? ToFields(table, key, row, await RetractionReasonAsync(db, rules.Db, row, cancellationToken)) : null;
    }

    /// <summary>
    /// Saves a new item (<paramref name="originalKey"/> null) or changes to one. An empty key field on a new item is
    /// filled from its name, title or text.
    /// </summary>
    public async Task<SaveResult> SaveAsync(CsvTable table, string? originalKey, IReadOnlyDictionary<string, string?> values,
        long? expectedVersion, string? note, CancellationToken cancellationToken = default)
    {
        Editor editor;
        try
        {
            editor = await access.RequireAsync(AppRoles.Editor, cancellationToken);
        }
        catch (NotAllowedException ex)
        {
            return new SaveResult.Refused(ex.Message);
        }
        if (CheckNote(note) is { } noteProblem)
        {
            return noteProblem;
        }
        var rules = CsvTableRules.For(table);
        var cells = new Dictionary<string, string?>(values, StringComparer.Ordinal);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        if (originalKey is null)
        {
            await RecordKeys.FillAsync(connection, table, cells, cancellationToken);
        }

        var errors = new ImportErrors();
        var row = Parse(rules, cells, errors);
        if (originalKey is not null && row.NaturalKey != originalKey)
        {
            foreach (var field in KeyFields(table))
            {
                errors.Add(new ImportError(1, field, "", "cannot be changed once saved: CSV files and links find the item by it. Retract this one and add a new one instead."));
            }
        }
        if (errors.Total > 0)
        {
            return Invalid(errors);
        }

        try
        {
            await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
            using var writer = new RecordWriter(connection, transaction, rules);
            var plan = await writer.PlanAsync([row], errors, cancellationToken);
            if (errors.Total > 0)
            {
                return Invalid(errors);
            }
            var planned = plan[0];
            if (originalKey is null && planned.Stored is not null)
            {
                var noun = rules.Db.EntityType;
                var taken = new ImportErrors();
                foreach (var field in KeyFields(table))
                {
                    taken.Add(new ImportError(1, field, cells.GetValueOrDefault(field) ?? "", $"is already used by another {noun}: choose another, or edit that {noun}"));
                }
                return Invalid(taken);
            }
            if (originalKey is not null)
            {
                if (planned.Stored is null)
                {
                    return new SaveResult.NotFound();
                }
                if (planned.Stored.Version != expectedVersion)
                {
                    return await ConflictAsync(db, connection, table, originalKey, planned.Stored, cancellationToken);
                }
                if (planned.Change == RowChange.Unchanged)
                {
                    return new SaveResult.Unchanged(originalKey);
                }
            }
            writer.Write(plan, editor, null, Clean(note), null, 1, cancellationToken);
            writer.Complete();
            await transaction.CommitAsync(cancellationToken);
            return new SaveResult.Saved(row.NaturalKey, (planned.Stored?.Version ?? 0) + 1);
        }
        catch (System.Data.Common.DbException ex) when (Database.IsBusy(ex))
        {
            return new SaveResult.Refused(Database.Busy(ex).Message);
        }
        catch (DatabaseBusyException ex)
        {
            return new SaveResult.Refused(ex.Message);
        }
    }

    /// <summary>Withdraws an item with a reason. Actors, issues, sources and meetings that live items still refer to are refused.</summary>
    public Task<SaveResult> RetractAsync(CsvTable table, string key, string reason, long expectedVersion, string? note,
        CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult<SaveResult>(SaveResult.Invalid.Of("reason", "Say why it is retracted: readers of the history will ask."))
            : reason.Length > FieldLimits.Summary
                ? Task.FromResult<SaveResult>(SaveResult.Invalid.Of("reason", $"The reason is {AppCulture.Number(reason.Length)} characters long; the limit is {AppCulture.Number(FieldLimits.Summary)}."))
                : SetRetractedAsync(table, key, reason.Trim(), expectedVersion, note, cancellationToken);

    public Task<SaveResult> RestoreAsync(CsvTable table, string key, long expectedVersion, string? note, CancellationToken cancellationToken = default) =>
        SetRetractedAsync(table, key, null, expectedVersion, note, cancellationToken);

    private async Task<SaveResult> SetRetractedAsync(CsvTable table, string key, string? reason, long expectedVersion, string? note,
        CancellationToken cancellationToken)
    {
        Editor editor;
        try
        {
            editor = await access.RequireAsync(AppRoles.Editor, cancellationToken);
        }
        catch (NotAllowedException ex)
        {
            return new SaveResult.Refused(ex.Message);
        }
        if (CheckNote(note) is { } noteProblem)
        {
            return noteProblem;
        }
        var rules = CsvTableRules.For(table);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        try
        {
            await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
            var stored = (await RecordWriter.LoadStoredAsync(connection, transaction, rules.Db, [key], cancellationToken)).GetValueOrDefault(key);
            if (stored is null)
            {
                return new SaveResult.NotFound();
            }
            if (stored.Version != expectedVersion)
            {
                return await ConflictAsync(db, connection, table, key, stored, cancellationToken);
            }
            if ((stored.RetractedAt is not null) == (reason is not null))
            {
                return SaveResult.Invalid.General1(reason is null ? "This item is not retracted." : "This item is already retracted.");
            }
            var blocker = reason is null
                ? await RetractedReferenceAsync(connection, transaction, rules.Db, stored, cancellationToken)
                : await LiveReferencesAsync(connection, transaction, table, stored.Id, cancellationToken);
            if (blocker is not null)
            {
                return SaveResult.Invalid.General1(blocker);
            }
            using (var writer = new RecordWriter(connection, transaction, rules))
            {
                writer.SetRetracted(stored, key, reason, editor, Clean(note));
                writer.Complete();
            }
            await transaction.CommitAsync(cancellationToken);
            return new SaveResult.Saved(key, stored.Version + 1);
        }
        catch (System.Data.Common.DbException ex) when (Database.IsBusy(ex))
        {
            return new SaveResult.Refused(Database.Busy(ex).Message);
        }
        catch (DatabaseBusyException ex)
        {
            return new SaveResult.Refused(ex.Message);
        }
    }

    /// <summary>What retracting a statement would leave behind: the live positions that cite it as evidence.</summary>
    public async Task<IReadOnlyList<string>> RetractWarningsAsync(CsvTable table, string key, CancellationToken cancellationToken = default)
    {
        if (table != CsvTable.Statements)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var positions = await db.PositionEvidence.AsNoTracking()
            .Where(e => e.Statement.Key == key)
            .Select(e => new { e.Position.Actor.Name, Issue = e.Position.Issue.Name, e.Position.AsOf, e.Position.AsOfPrecision, Others = e.Position.Evidence.Count - 1 })
            .ToListAsync(cancellationToken);
        return
        [
            .. positions.OrderBy(p => p.Name).ThenBy(p => p.AsOf).Select(p =>
                $"{p.Name} on {p.Issue}, as of {DateText.Short(p.AsOf, p.AsOfPrecision)}" +
                (p.Others == 0 ? " — this is its only evidence" : $" — {p.Others} other statement{(p.Others == 1 ? "" : "s")} also cited")),
        ];
    }

    private static ParsedRow Parse(CsvTableRules rules, IReadOnlyDictionary<string, string?> cells, ImportErrors errors)
    {
        var names = rules.Format.Columns.Select(c => c.Name).ToArray();
        var columns = names.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
        var reader = new CsvFieldReader(columns, errors, fromFile: false);
        reader.MoveTo(1, [.. names.Select(n => cells.GetValueOrDefault(n) ?? "")]);
        return rules.Parse(reader);
    }

    private static SaveResult.Invalid Invalid(ImportErrors errors) => new(
        errors.Kept.Where(e => e.Column.Length > 0).GroupBy(e => e.Column)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(e => e.FieldMessage).Distinct()]),
        [.. errors.Kept.Where(e => e.Column.Length == 0).Select(e => e.FieldMessage)]);

    private static SaveResult? CheckNote(string? note) => note is { Length: > MaxNoteLength }
        ? SaveResult.Invalid.Of("note", $"The note is {AppCulture.Number(note.Length)} characters long; the limit is {MaxNoteLength}.")
        : null;

    private static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private static RecordFields ToFields(CsvTable table, string key, StoredRecord row, string? reason)
    {
        var db = CsvTableRules.For(table).Db;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < db.Columns.Length; i++)
        {
            values[db.Columns[i].Field] = row.Fields[i];
        }
        if (db.Links is { } links)
        {
            values[links.Field] = row.Links;
        }
        // A source's precision means nothing without a date, and the form shows it blank, as the CSV export does.
        if (table == CsvTable.Sources && values.GetValueOrDefault("published_on") is null)
        {
            values["published_precision"] = null;
        }
        return new RecordFields(table, checked((int)row.Id), key, row.Version, row.RetractedAt, reason, values);
    }

    private static async Task<string?> RetractionReasonAsync(PeaceTalksDbContext db, DbTable table, StoredRecord row, CancellationToken cancellationToken)
    {
        if (row.RetractedAt is null)
        {
            return null;
        }
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT \"RetractedReason\" FROM \"{table.Name}\" WHERE \"Id\" = @id";
        RecordWriter.AddParameter(command, "@id", row.Id);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static async Task<SaveResult> ConflictAsync(PeaceTalksDbContext db, DbConnection connection, CsvTable table, string key,
        StoredRecord stored, CancellationToken cancellationToken)
    {
        var rules = CsvTableRules.For(table);
        var last = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == rules.Db.EntityType && e.EntityId == stored.Id)
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.UserName, e.At })
            .FirstOrDefaultAsync(cancellationToken);
        _ = connection;
        return new SaveResult.Conflict(ToFields(table, key, stored, await RetractionReasonAsync(db, rules.Db, stored, cancellationToken)),
            last?.UserName ?? "someone", last?.At ?? DateTime.UtcNow);
    }

    /// <summary>Why an actor, issue, source or meeting cannot be retracted: live items still refer to it. Null when nothing does.</summary>
    private static async Task<string?> LiveReferencesAsync(DbConnection connection, DbTransaction transaction, CsvTable table, long id,
        CancellationToken cancellationToken)
    {
        (string Sql, string Noun)[] checks = table switch
        {
            CsvTable.Actors =>
            [
                ("SELECT COUNT(*) FROM \"Statements\" WHERE \"ActorId\" = @id AND \"RetractedAt\" IS NULL", "statement"),
                ("SELECT COUNT(*) FROM \"Positions\" WHERE \"ActorId\" = @id AND \"RetractedAt\" IS NULL", "position"),
                ("SELECT COUNT(*) FROM \"MeetingParticipants\" p JOIN \"Meetings\" m ON m.\"Id\" = p.\"MeetingId\" WHERE p.\"ActorId\" = @id AND m.\"RetractedAt\" IS NULL", "meeting"),
            ],
            CsvTable.Issues =>
            [
                ("SELECT COUNT(*) FROM \"Positions\" WHERE \"IssueId\" = @id AND \"RetractedAt\" IS NULL", "position"),
                ("SELECT COUNT(*) FROM \"StatementIssues\" l JOIN \"Statements\" s ON s.\"Id\" = l.\"StatementId\" WHERE l.\"IssueId\" = @id AND s.\"RetractedAt\" IS NULL", "statement"),
            ],
            CsvTable.Sources =>
            [
                ("SELECT COUNT(*) FROM \"Statements\" WHERE (\"SourceId\" = @id OR \"ViaSourceId\" = @id) AND \"RetractedAt\" IS NULL", "statement"),
                ("SELECT COUNT(*) FROM \"Meetings\" WHERE \"SourceId\" = @id AND \"RetractedAt\" IS NULL", "meeting"),
            ],
            CsvTable.Meetings =>
            [
                ("SELECT COUNT(*) FROM \"Statements\" WHERE \"MeetingId\" = @id AND \"RetractedAt\" IS NULL", "statement"),
            ],
            _ => [],
        };
        var uses = new List<string>();
        foreach (var (sql, noun) in checks)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            RecordWriter.AddParameter(command, "@id", id);
            var count = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (count > 0)
            {
                uses.Add($"{AppCulture.Number(count)} {noun}{(count == 1 ? "" : "s")}");
            }
        }
        return uses.Count == 0 ? null
            : $"It cannot be retracted while {(uses.Count == 1 ? uses[0] : string.Join(", ", uses[..^1]) + " and " + uses[^1])} still " +
              $"refer{(uses.Count == 1 && uses[0].StartsWith("1 ", StringComparison.Ordinal) ? "s" : "")} to it. Retract or change those first.";
    }

    /// <summary>Why an item cannot be restored: something it refers to is itself retracted. Null when all are live.</summary>
    private static async Task<string?> RetractedReferenceAsync(DbConnection connection, DbTransaction transaction, DbTable table, StoredRecord stored,
        CancellationToken cancellationToken)
    {
        for (var i = 0; i < table.Columns.Length; i++)
        {
            if (table.Columns[i].Ref is not { } target || stored.Fields[i] is not { } referenced)
            {
                continue;
            }
            var (name, keyColumn, noun) = RefTables.Of(target);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT COUNT(*) FROM \"{name}\" WHERE \"{keyColumn}\" = @key AND \"RetractedAt\" IS NOT NULL";
            RecordWriter.AddParameter(command, "@key", referenced);
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                return $"It refers to the retracted {noun} '{referenced}': restore that first.";
            }
        }
        return null;
    }
}
