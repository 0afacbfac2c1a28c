using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Records;

/// <summary>What an incoming row does to the stored record.</summary>
public enum RowChange { Add, Update, Unchanged }

/// <summary>An incoming row, what it would do, the stored row it matches, and its values as text (for the history).</summary>
public sealed record PlannedRow(RecordRow Row, RowChange Change, StoredRow? Stored, string?[] Texts);

/// <summary>
/// The one write path of the record, used by the CSV import (and the start-up seed), the edit forms and the article
/// intake. Rows already checked by their record type's rules are matched to stored ones by natural key, compared as
/// text (references as natural keys, exactly as the CSV formats write them), and written with one history entry per
/// changed row. Many new rows (an import) go in through the provider's bulk writer; everything else — edits,
/// retractions, a form's new item — through EF Core, in the caller's write transaction
/// (<see cref="SqlDialect.BeginWriteAsync"/>), so the plan and the write see the same data.
/// </summary>
public sealed class RecordWriter(PeaceTalksDbContext db, RecordType type, bool bulk = false) : IDisposable
{
    private readonly Dictionary<RecordType, Dictionary<string, KeyedId>> _known = [];
    private readonly HashSet<string> _incoming = new(StringComparer.Ordinal);
    private readonly DateTime _at = DateTime.UtcNow;
    private bool? _tableWasEmpty;
    private BulkWriter? _bulk;

    public RecordType Type => type;
    public int Added { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    public int Written { get; private set; }

    /// <summary>
    /// Compares rows (already checked by the rules) with the stored record: references looked up (an unknown or
    /// retracted one is a problem on its row), each row matched to a stored one by natural key. Rows of one type can
    /// come in several batches; lookups are remembered between them.
    /// </summary>
    public async Task<List<PlannedRow>> PlanAsync(IReadOnlyList<RecordRow> rows, FieldProblems problems, CancellationToken cancellationToken)
    {
        var problemsBefore = problems.Total;
        await ResolveReferencesAsync(rows, problems, cancellationToken);
        var planned = new List<PlannedRow>(rows.Count);
        if (problems.Total > problemsBefore)
        {
            return planned;
        }
        // An import into an empty table only adds: its keys are unique within the file, so nothing can be stored yet.
        _tableWasEmpty ??= await type.IsEmptyAsync(db, cancellationToken);
        var stored = _tableWasEmpty.Value ? [] : await type.FindAsync(db, [.. rows.Select(r => r.NaturalKey)], cancellationToken);
        foreach (var row in rows)
        {
            var texts = row.Texts();
            if (!stored.TryGetValue(row.NaturalKey, out var existing))
            {
                planned.Add(new PlannedRow(row, RowChange.Add, null, texts));
                Added++;
            }
            else if (existing.Values.Texts().AsSpan().SequenceEqual(texts))
            {
                planned.Add(new PlannedRow(row, RowChange.Unchanged, existing, texts));
                Unchanged++;
            }
            else
            {
                planned.Add(new PlannedRow(row, RowChange.Update, existing, texts));
                Updated++;
            }
        }
        return planned;
    }

    /// <summary>Writes the added and updated rows, each with its history entry (unless <paramref name="audit"/> is false: the benchmark's comparison).</summary>
    public async Task WriteAsync(IReadOnlyList<PlannedRow> planned, Editor editor, long? batchId, string? note, CancellationToken cancellationToken,
        bool audit = true)
    {
        var names = type.WrittenFields.Select(f => f.Name).ToList();
        AuditEntry Entry(PlannedRow row, int id, FieldChange? verification = null) =>
            History(editor, id, row.Row.NaturalKey, row.Change == RowChange.Add ? AuditAction.Create : AuditAction.Update,
                [.. AuditJson.Diff(names, row.Stored?.Values.Texts(), row.Texts), .. verification is null ? [] : new[] { verification }], note, batchId);

        var adds = planned.Where(p => p.Change == RowChange.Add).ToList();
        // The new rows first, then what hangs off them: a list may refer to another new row of the same type
        // (a plan point continuing a point of an earlier version in the same file).
        var created = new List<(PlannedRow Row, IRecord Entity)>(adds.Count);
        if (bulk)
        {
            _bulk ??= db.Dialect.BulkWriter(db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction());
            var table = _bulk.Table(db.Model.FindEntityType(type.EntityType)!);
            foreach (var row in adds)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var entity = type.Create(row.Row, IdOf);
                Unverified(entity, editor);
                type.SetId(entity, checked((int)_bulk.NextId(table)));
                _bulk.Add(table, entity);
                created.Add((row, entity));
            }
        }
        else if (adds.Count > 0)
        {
            foreach (var row in adds)
            {
                var entity = type.Create(row.Row, IdOf);
                Unverified(entity, editor);
                db.Add(entity);
                created.Add((row, entity));
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        foreach (var (row, entity) in created)
        {
            Known(type)[row.Row.NaturalKey] = new KeyedId(row.Row.NaturalKey, entity.Id, null);
        }
        foreach (var (row, entity) in created)
        {
            foreach (var link in Links(row.Row, entity.Id))
            {
                if (_bulk is not null)
                {
                    _bulk.Add(_bulk.Table(db.Model.FindEntityType(link.GetType())!), link);
                }
                else
                {
                    db.Add(link);
                }
            }
            if (audit)
            {
                AddEntry(Entry(row, entity.Id));
            }
            Written++;
        }

        var updates = planned.Where(p => p.Change == RowChange.Update).ToList();
        if (updates.Count > 0)
        {
            // Rows held for bulk writing go in first: an update may refer to them.
            _bulk?.Flush();
            int[] ids = [.. updates.Select(u => u.Stored!.Id)];
            var entities = (await type.LoadAsync(db, ids, cancellationToken)).ToDictionary(e => e.Id);
            foreach (var list in type.Fields.OfType<ListField>().Where(f => !f.ExportOnly))
            {
                await list.DeleteAsync(db, ids, cancellationToken);
            }
            foreach (var row in updates)
            {
                var entity = entities[row.Stored!.Id];
                // A change to what a check vouches for makes the item unverified again; the history says so.
                var verification = type.ChangesChecked(row.Stored.Values, row.Row) ? Unverified(entity, editor) : null;
                type.Apply(entity, row.Row, IdOf);
                entity.Version++;
                db.AddRange(Links(row.Row, entity.Id));
                if (audit)
                {
                    AddEntry(Entry(row, entity.Id, verification));
                }
                Written++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Marks a new item, or one whose checked fields change, as unverified, written by <paramref name="editor"/> (whom
    /// the four-eyes rule keeps from verifying it). Returns the history's change of state, or null when it was unverified.
    /// </summary>
    private FieldChange? Unverified(IRecord entity, Editor editor)
    {
        if (!type.Verifiable || entity is not IVerifiable item)
        {
            return null;
        }
        var was = item.Verification;
        item.Verification = VerificationState.Unverified;
        item.CheckedById = null;
        item.CheckedBy = null;
        item.CheckedAt = null;
        item.DisputeReason = null;
        item.DisputeNote = null;
        item.ChangedById = editor.UserId;
        item.ChangedAt = _at;
        return was == VerificationState.Unverified ? null
            : new FieldChange(Checks.Field, Cells.Word(was), Cells.Word(VerificationState.Unverified));
    }

    /// <summary>One history entry of this table's rows: who, when, which row, what was done and what changed.</summary>
    private AuditEntry History(Editor editor, int id, string key, AuditAction action, IReadOnlyList<FieldChange> changes, string? note,
        long? batchId = null) => new()
    {
        At = _at,
        UserId = editor.UserId,
        UserName = editor.Name,
        EntityType = type.Noun,
        EntityId = id,
        EntityKey = key,
        Action = action,
        Changes = AuditJson.Write(changes),
        Note = note,
        BatchId = batchId,
    };

    /// <summary>
    /// Adds a history entry: with the bulk writer when it is in use, since it hands out the entries' ids itself until
    /// it completes, and the database's own numbering would collide with them.
    /// </summary>
    private void AddEntry(AuditEntry entry)
    {
        if (_bulk is null)
        {
            db.Add(entry);
            return;
        }
        var table = _bulk.Table(db.Model.FindEntityType(typeof(AuditEntry))!);
        entry.Id = _bulk.NextId(table);
        _bulk.Add(table, entry);
    }

    /// <summary>Retracts (with a reason) or restores (reason null) one stored row, with its history entry.</summary>
    public async Task SetRetractedAsync(StoredRow stored, string? reason, Editor editor, string? note, CancellationToken cancellationToken)
    {
        var entity = (await type.LoadAsync(db, [stored.Id], cancellationToken)).Single();
        entity.RetractedAt = reason is null ? null : _at;
        entity.RetractedReason = reason;
        entity.Version++;
        db.Add(History(editor, stored.Id, stored.NaturalKey, reason is null ? AuditAction.Restore : AuditAction.Retract,
            [new FieldChange("retracted", reason is null ? "yes" : null, reason is null ? null : "yes: " + reason)], note));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Records a check against the source on stored items, each at the version the checker saw, with one history entry
    /// each: verified (<paramref name="reason"/> null) or disputed with a reason and an optional note. The four-eyes
    /// rule is kept here, in the write path: the author of the latest change to what a check covers cannot verify it,
    /// unless <paramref name="allowSelf"/> (then the history says "self-verified"). Returns, per key, why it was not
    /// checked; an empty list when every item was.
    /// </summary>
    public async Task<List<(string Key, string Problem)>> CheckAsync(IReadOnlyList<(string Key, long Version)> items, DisputeReason? reason,
        string? disputeNote, Editor editor, bool allowSelf, CancellationToken cancellationToken)
    {
        if (!type.Verifiable)
        {
            throw new InvalidOperationException($"Nobody checks {type.Name} against a source.");
        }
        var problems = new List<(string Key, string Problem)>();
        var stored = await type.FindAsync(db, [.. items.Select(i => i.Key)], cancellationToken);
        var found = items.Where(i => stored.ContainsKey(i.Key)).ToList();
        var entities = (await type.LoadAsync(db, [.. found.Select(i => stored[i.Key].Id)], cancellationToken)).ToDictionary(e => e.Id);
        var state = reason is null ? VerificationState.Verified : VerificationState.Disputed;
        foreach (var (key, version) in items)
        {
            if (!stored.TryGetValue(key, out var row) || entities.GetValueOrDefault(row.Id) is not IVerifiable item)
            {
                problems.Add((key, $"This {type.Noun} no longer exists."));
                continue;
            }
            if (row.Retracted)
            {
                problems.Add((key, $"This {type.Noun} was retracted, so it is no longer checked."));
                continue;
            }
            if (row.Version != version)
            {
                problems.Add((key, $"This {type.Noun} changed since you opened it: look at it again before you check it."));
                continue;
            }
            var self = item.ChangedById is not null && item.ChangedById == editor.UserId;
            if (state == VerificationState.Verified && self && !allowSelf)
            {
                problems.Add((key, $"You wrote the latest change to this {type.Noun}, so another editor must verify it (four eyes)."));
                continue;
            }
            var before = Checks.Texts(item);
            item.Verification = state;
            item.CheckedById = editor.UserId;
            item.CheckedBy = editor.Name;
            item.CheckedAt = _at;
            item.DisputeReason = reason;
            item.DisputeNote = reason is null ? null : disputeNote;
            item.Version++;
            db.Add(History(editor, row.Id, key, reason is null ? AuditAction.Verify : AuditAction.Dispute,
                AuditJson.Diff(Checks.Names, before, Checks.Texts(item)), state == VerificationState.Verified && self ? Checks.SelfVerified : null));
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return problems;
    }

    /// <summary>Writes out what is still held for bulk writing. Call before committing.</summary>
    public void Complete()
    {
        _bulk?.Complete();
        _bulk?.Dispose();
        _bulk = null;
    }

    public void Dispose() => _bulk?.Dispose();

    private IEnumerable<object> Links(RecordRow row, int ownerId)
    {
        foreach (var list in type.Fields.OfType<ListField>().Where(f => !f.ExportOnly))
        {
            if (row[list] is IReadOnlyList<LinkItem> items)
            {
                foreach (var item in items)
                {
                    yield return list.Create(ownerId, IdOf(((IReferenceList)list).Target, item.Key), item.Role);
                }
            }
        }
    }

    private int IdOf(RecordType target, string key) => _known[target][key].Id;

    private Dictionary<string, KeyedId> Known(RecordType target)
    {
        if (!_known.TryGetValue(target, out var known))
        {
            _known[target] = known = new Dictionary<string, KeyedId>(StringComparer.Ordinal);
        }
        return known;
    }

    /// <summary>Looks up, in batches, every referenced key not looked up before; an unknown or retracted key is a problem on each row that uses it.</summary>
    private async Task ResolveReferencesAsync(IReadOnlyList<RecordRow> rows, FieldProblems problems, CancellationToken cancellationToken)
    {
        // Rows of a file may refer to each other (by a list of the same type): such a key is known once written.
        var incoming = _incoming;
        incoming.UnionWith(rows.Select(r => r.NaturalKey));
        foreach (var (target, keys) in rows.SelectMany(References).GroupBy(r => r.Target)
                     .Select(g => (g.Key, g.Select(r => r.Key).ToHashSet(StringComparer.Ordinal))))
        {
            var known = Known(target);
            // A key of this file is looked up too: the row may already be stored (and unchanged, so never written again).
            var missing = keys.Where(k => !known.ContainsKey(k)).ToList();
            if (missing.Count > 0)
            {
                foreach (var found in await target.ResolveAsync(db, missing, cancellationToken))
                {
                    known[found.Key] = found;
                }
            }
        }
        // Name every unknown or withdrawn reference on every row that uses it.
        foreach (var row in rows)
        {
            foreach (var (field, target, key) in References(row))
            {
                var noun = $"{target.Noun} {target.KeyFields[0].Name}";
                if (target == type && key == row.NaturalKey)
                {
                    problems.Add(new FieldProblem(row.Line, field.Name, key, $"is this {type.Noun} itself"));
                }
                else if (!Known(target).TryGetValue(key, out var found))
                {
                    if (!(target == type && incoming.Contains(key)))
                    {
                        problems.Add(new FieldProblem(row.Line, field.Name, key, $"is not a known {noun}"));
                    }
                }
                else if (found.RetractedAt is not null)
                {
                    problems.Add(new FieldProblem(row.Line, field.Name, key, $"is a retracted {noun}: restore it first, or refer to another"));
                }
            }
        }
    }

    private static IEnumerable<(RecordField Field, RecordType Target, string Key)> References(RecordRow row)
    {
        foreach (var field in row.Type.WrittenFields)
        {
            switch (field, row[field])
            {
                case (ReferenceField reference, string key):
                    yield return (field, reference.Target, key);
                    break;
                case (IReferenceList list, IReadOnlyList<LinkItem> items):
                    foreach (var item in items)
                    {
                        yield return (field, list.Target, item.Key);
                    }
                    break;
            }
        }
    }
}
