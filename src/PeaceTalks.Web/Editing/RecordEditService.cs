using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Editing;

/// <summary>One item of the record as its edit form holds it: field name → text, plus its version and state.</summary>
public sealed record RecordFields(
    RecordType Type,
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

    /// <summary>Problems per field (the record rules' own messages), and problems that belong to no field.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, IReadOnlyList<string>> Fields, IReadOnlyList<string> General) : SaveResult
    {
        public static Invalid Of(string field, string message) => new(new Dictionary<string, IReadOnlyList<string>> { [field] = [message] }, []);
        public static Invalid General1(string message) => new(new Dictionary<string, IReadOnlyList<string>>(), [message]);

        public static Invalid From(FieldProblems problems)
        {
            var (fields, general) = problems.ByField();
            return new(fields, general);
        }
    }

    /// <summary>Someone saved the item since the form was opened: their version, who and when.</summary>
    public sealed record Conflict(RecordFields Theirs, string ChangedBy, DateTime ChangedAt) : SaveResult;

    public sealed record NotFound : SaveResult;

    public sealed record Refused(string Message) : SaveResult;
}

/// <summary>
/// The edit forms' service: loads an item as its fields' text, and saves, retracts and restores it through the same
/// rules (<see cref="RecordType"/>) and the same write path (<see cref="RecordWriter"/>) as the CSV import, with the
/// editor's role checked on the server and a history entry for every change.
/// </summary>
public sealed class RecordEditService(IDbContextFactory<PeaceTalksDbContext> dbFactory, EditorAccess access)
{
    public const int MaxNoteLength = 500;

    /// <summary>The fields that make the natural key; they cannot change once an item is saved.</summary>
    public static IReadOnlyList<string> KeyFields(RecordType type) => [.. type.KeyFields.Select(f => f.Name)];

    public async Task<RecordFields?> LoadAsync(RecordType type, string key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await type.FindAsync(db, [key], cancellationToken);
        return stored.TryGetValue(key, out var row) ? ToFields(row) : null;
    }

    /// <summary>
    /// Saves a new item (<paramref name="originalKey"/> null) or changes to one. An empty key field on a new item is
    /// filled from its name, title or text.
    /// </summary>
    public async Task<SaveResult> SaveAsync(RecordType type, string? originalKey, IReadOnlyDictionary<string, string?> values,
        long? expectedVersion, string? note, CancellationToken cancellationToken = default)
    {
        var (editor, refusal) = await EditorAsync(note, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var cells = new Dictionary<string, string?>(values, StringComparer.Ordinal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (originalKey is null)
        {
            await Keys.FillAsync(db, type, cells, cancellationToken);
        }

        var problems = new FieldProblems();
        var reader = new FieldReader(problems);
        reader.MoveTo(1, cells);
        var row = type.Parse(reader);
        if (originalKey is not null && row.NaturalKey != originalKey)
        {
            foreach (var field in KeyFields(type))
            {
                problems.Add(new FieldProblem(1, field, "", "cannot be changed once saved: CSV files and links find the item by it. Retract this one and add a new one instead."));
            }
        }
        if (problems.Total > 0)
        {
            return SaveResult.Invalid.From(problems);
        }

        return await WriteAsync(db, async () =>
        {
            using var writer = new RecordWriter(db, type);
            var plan = await writer.PlanAsync([row], problems, cancellationToken);
            if (problems.Total > 0)
            {
                return SaveResult.Invalid.From(problems);
            }
            var planned = plan[0];
            if (originalKey is null && planned.Stored is not null)
            {
                var taken = new FieldProblems();
                foreach (var field in KeyFields(type))
                {
                    taken.Add(new FieldProblem(1, field, cells.GetValueOrDefault(field) ?? "",
                        $"is already used by another {type.Noun}: choose another, or edit that {type.Noun}"));
                }
                return SaveResult.Invalid.From(taken);
            }
            if (originalKey is not null)
            {
                if (planned.Stored is null)
                {
                    return new SaveResult.NotFound();
                }
                if (planned.Stored.Version != expectedVersion)
                {
                    return await ConflictAsync(db, planned.Stored, cancellationToken);
                }
                if (planned.Change == RowChange.Unchanged)
                {
                    return new SaveResult.Unchanged(originalKey);
                }
            }
            await writer.WriteAsync(plan, editor, null, Clean(note), cancellationToken);
            return new SaveResult.Saved(row.NaturalKey, (planned.Stored?.Version ?? 0) + 1);
        }, cancellationToken);
    }

    /// <summary>Withdraws an item with a reason. Actors, issues, sources and meetings that live items still refer to are refused.</summary>
    public Task<SaveResult> RetractAsync(RecordType type, string key, string reason, long expectedVersion, string? note,
        CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult<SaveResult>(SaveResult.Invalid.Of("reason", "Say why it is retracted: readers of the history will ask."))
            : reason.Length > FieldLimits.Summary
                ? Task.FromResult<SaveResult>(SaveResult.Invalid.Of("reason", $"The reason is {AppCulture.Number(reason.Length)} characters long; the limit is {AppCulture.Number(FieldLimits.Summary)}."))
                : SetRetractedAsync(type, key, reason.Trim(), expectedVersion, note, cancellationToken);

    public Task<SaveResult> RestoreAsync(RecordType type, string key, long expectedVersion, string? note, CancellationToken cancellationToken = default) =>
        SetRetractedAsync(type, key, null, expectedVersion, note, cancellationToken);

    private async Task<SaveResult> SetRetractedAsync(RecordType type, string key, string? reason, long expectedVersion, string? note,
        CancellationToken cancellationToken)
    {
        var (editor, refusal) = await EditorAsync(note, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await WriteAsync(db, async () =>
        {
            var stored = (await type.FindAsync(db, [key], cancellationToken)).GetValueOrDefault(key);
            if (stored is null)
            {
                return new SaveResult.NotFound();
            }
            if (stored.Version != expectedVersion)
            {
                return await ConflictAsync(db, stored, cancellationToken);
            }
            if (stored.Retracted == (reason is not null))
            {
                return SaveResult.Invalid.General1(reason is null ? "This item is not retracted." : "This item is already retracted.");
            }
            var blocker = reason is null
                ? await RetractedReferenceAsync(db, stored, cancellationToken)
                : await LiveReferencesAsync(db, type, stored.Id, cancellationToken);
            if (blocker is not null)
            {
                return SaveResult.Invalid.General1(blocker);
            }
            using var writer = new RecordWriter(db, type);
            await writer.SetRetractedAsync(stored, reason, editor, Clean(note), cancellationToken);
            return new SaveResult.Saved(key, stored.Version + 1);
        }, cancellationToken);
    }

    /// <summary>Runs <paramref name="write"/> in a write transaction, committed when it saved something; "busy" becomes a refusal.</summary>
    private static async Task<SaveResult> WriteAsync(PeaceTalksDbContext db, Func<Task<SaveResult>> write, CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await db.Dialect.BeginWriteAsync(db.Database.GetDbConnection(), cancellationToken);
            await db.Database.UseTransactionAsync(transaction, cancellationToken);
            var result = await write();
            if (result is SaveResult.Saved)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            return result;
        }
        catch (DatabaseBusyException ex)
        {
            return new SaveResult.Refused(ex.Message);
        }
        catch (Exception ex) when (SqlDialect.IsBusy(ex) || ex.InnerException is { } inner && SqlDialect.IsBusy(inner))
        {
            return new SaveResult.Refused(SqlDialect.Busy(ex).Message);
        }
    }

    /// <summary>What retracting a statement would leave behind: the live positions and stances on plan points that cite it as evidence.</summary>
    public async Task<IReadOnlyList<string>> RetractWarningsAsync(RecordType type, string key, CancellationToken cancellationToken = default)
    {
        if (type != RecordTypes.Statements)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var positions = await db.PositionEvidence.AsNoTracking()
            .Where(e => e.Statement.Key == key)
            .Select(e => new { e.Position.Actor.Name, Issue = e.Position.Issue.Name, e.Position.AsOf, e.Position.AsOfPrecision, Others = e.Position.Evidence.Count - 1 })
            .ToListAsync(cancellationToken);
        var pointStances = await db.Set<PointPositionEvidence>().AsNoTracking()
            .Where(e => e.Statement.Key == key)
            .Select(e => new
            {
                e.PointPosition.Actor.Name, Issue = "point " + e.PointPosition.PlanPoint.Number + " of the " + e.PointPosition.PlanPoint.PlanVersion.Label,
                e.PointPosition.AsOf, e.PointPosition.AsOfPrecision, Others = e.PointPosition.Evidence.Count - 1,
            })
            .ToListAsync(cancellationToken);
        return
        [
            .. positions.Concat(pointStances).OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.AsOf).Select(p =>
                $"{p.Name} on {p.Issue}, as of {DateText.Short(p.AsOf, p.AsOfPrecision)}" +
                (p.Others == 0 ? " — this is its only evidence" : $" — {p.Others} other statement{(p.Others == 1 ? "" : "s")} also cited")),
        ];
    }

    /// <summary>Who is writing, checked on the server; or why nothing will be written (no right to, or a note too long).</summary>
    private async Task<(Editor Editor, SaveResult? Refusal)> EditorAsync(string? note, CancellationToken cancellationToken)
    {
        try
        {
            var editor = await access.RequireAsync(AppRoles.Editor, cancellationToken);
            return note is { Length: > MaxNoteLength }
                ? (editor, SaveResult.Invalid.Of("note", $"The note is {AppCulture.Number(note.Length)} characters long; the limit is {MaxNoteLength}."))
                : (editor, null);
        }
        catch (NotAllowedException ex)
        {
            return (null!, new SaveResult.Refused(ex.Message));
        }
    }

    private static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private static RecordFields ToFields(StoredRow row) =>
        new(row.Values.Type, row.Id, row.NaturalKey, row.Version, row.RetractedAt, row.RetractedReason, row.Values.ToDictionary());

    private static async Task<SaveResult> ConflictAsync(PeaceTalksDbContext db, StoredRow stored, CancellationToken cancellationToken)
    {
        var noun = stored.Values.Type.Noun;
        var last = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == noun && e.EntityId == stored.Id)
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.UserName, e.At })
            .FirstOrDefaultAsync(cancellationToken);
        return new SaveResult.Conflict(ToFields(stored), last?.UserName ?? "someone", last?.At ?? DateTime.UtcNow);
    }

    /// <summary>
    /// Why an item cannot be retracted: live items of other types still refer to it (by a reference or in a list that
    /// holds its items on the record). Null when nothing does.
    /// </summary>
    private static async Task<string?> LiveReferencesAsync(PeaceTalksDbContext db, RecordType type, int id, CancellationToken cancellationToken)
    {
        var uses = new List<string>();
        // Statements first: they are what most things are referred to by.
        foreach (var referrer in RecordTypes.All.Reverse().OrderBy(t => t == RecordTypes.Statements ? 0 : 1))
        {
            var count = await referrer.CountReferencesAsync(db, type, id, cancellationToken);
            if (count > 0)
            {
                uses.Add($"{AppCulture.Number(count)} {referrer.Noun}{(count == 1 ? "" : "s")}");
            }
        }
        return uses.Count == 0 ? null
            : $"It cannot be retracted while {(uses.Count == 1 ? uses[0] : string.Join(", ", uses[..^1]) + " and " + uses[^1])} still " +
              $"refer{(uses.Count == 1 && uses[0].StartsWith("1 ", StringComparison.Ordinal) ? "s" : "")} to it. Retract or change those first.";
    }

    /// <summary>Why an item cannot be restored: something it refers to is itself retracted. Null when all are live.</summary>
    private static async Task<string?> RetractedReferenceAsync(PeaceTalksDbContext db, StoredRow stored, CancellationToken cancellationToken)
    {
        foreach (var field in stored.Values.Type.Fields.OfType<ReferenceField>())
        {
            if (stored.Values[field] is string referenced
                && (await field.Target.ResolveAsync(db, [referenced], cancellationToken)).Any(r => r.RetractedAt is not null))
            {
                return $"It refers to the retracted {field.Target.Noun} '{referenced}': restore that first.";
            }
        }
        return null;
    }
}
