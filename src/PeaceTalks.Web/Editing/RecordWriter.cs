using System.Data.Common;
using System.Globalization;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Editing;

/// <summary>A stored row as the CSV formats read it: references as natural keys, the link list as one sorted field.</summary>
internal sealed record StoredRecord(long Id, long Version, DateTime? RetractedAt, string?[] Fields, string? Links);

/// <summary>What one incoming row would do to the stored record.</summary>
internal sealed record PlannedRow(ParsedRow Row, RowChange Change, StoredRecord? Stored, string?[] Fields, string? Links);

/// <summary>
/// The one write path of the record, used by the CSV import (and the start-up seed), the edit forms and the
/// article intake: rows already checked by a <see cref="CsvTableRules"/> are matched to stored ones by natural
/// key, compared in "key space" (references as slugs and keys, exactly as the CSV formats write them), and
/// written with one audit entry per changed row. One instance serves one table within one transaction, which the
/// caller opens with <see cref="Database.BeginWriteAsync"/> so the plan and the write see the same data.
/// </summary>
internal sealed class RecordWriter(DbConnection connection, DbTransaction transaction, CsvTableRules rules) : IDisposable
{
    private const int LookupBatch = 500;
    private const int ProgressEvery = 1000;

    /// <summary>Below this many keys, stored rows are fetched by key; above it the table is read once.</summary>
    private const int KeyedLookupUpTo = 2000;

    // References already looked up in this session: id (as the text bound into SQL), or not found, or retracted.
    private readonly Dictionary<RefTable, Dictionary<string, string>> _ids = [];
    private readonly Dictionary<RefTable, HashSet<string>> _missing = [];
    private readonly Dictionary<RefTable, HashSet<string>> _retracted = [];
    private bool? _tableWasEmpty;
    private IRowWriter? _writer;
    private DateTime _at = DateTime.UtcNow;

    public CsvTableRules Rules => rules;
    public int Added { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    public int Written { get; private set; }

    public static IReadOnlyList<string> FieldNames(DbTable table) =>
        [.. table.Columns.Select(c => c.Field), .. table.Links is { } l ? [l.Field] : Array.Empty<string>()];

    /// <summary>An incoming row's values in key space.</summary>
    public static string?[] KeyFields(ParsedRow row) => [.. row.Values.Select(KeyValue)];

    /// <summary>An incoming row's links as one field: items sorted, each item's values joined with ':'.</summary>
    public static string? KeyLinks(ParsedRow row) => row.Links.Count == 0 ? null
        : string.Join(CsvCells.ListSeparator, row.Links.Select(l => string.Join(CsvCells.RoleSeparator, l.Select(KeyValue))).Order(StringComparer.Ordinal));

    private static string? KeyValue(object? value) => value switch
    {
        null => null,
        string s => s,
        Ref r => r.Key,
        _ => throw new InvalidOperationException($"Unexpected cell value {value.GetType()}"),
    };

    /// <summary>
    /// Compares rows (already checked by the rules) with the stored record: references looked up (an unknown or
    /// retracted one is an error on its row), each row matched to a stored one by natural key. Rows of one table can
    /// come in several batches; lookups are remembered between them.
    /// </summary>
    public async Task<List<PlannedRow>> PlanAsync(IReadOnlyList<ParsedRow> rows, ImportErrors errors, CancellationToken cancellationToken)
    {
        var errorsBefore = errors.Total;
        await ResolveReferencesAsync(rows, errors, cancellationToken);
        var planned = new List<PlannedRow>(rows.Count);
        if (errors.Total > errorsBefore)
        {
            return planned;
        }
        // An import into an empty table only adds: its keys are unique within the file, so nothing can be stored yet.
        _tableWasEmpty ??= !await AnyRowAsync(cancellationToken);
        var stored = _tableWasEmpty.Value
            ? []
            : await LoadStoredAsync(connection, transaction, rules.Db, [.. rows.Select(r => r.NaturalKey)], cancellationToken);
        foreach (var row in rows)
        {
            var fields = KeyFields(row);
            var links = KeyLinks(row);
            if (!stored.TryGetValue(row.NaturalKey, out var existing))
            {
                planned.Add(new PlannedRow(row, RowChange.Add, null, fields, links));
                Added++;
            }
            else if (existing.Fields.AsSpan().SequenceEqual(fields) && existing.Links == links)
            {
                planned.Add(new PlannedRow(row, RowChange.Unchanged, existing, fields, links));
                Unchanged++;
            }
            else
            {
                planned.Add(new PlannedRow(row, RowChange.Update, existing, fields, links));
                Updated++;
            }
        }
        return planned;
    }

    private async Task<bool> AnyRowAsync(CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT EXISTS (SELECT 1 FROM \"{rules.Db.Name}\")";
        return Convert.ToBoolean(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the added and updated rows, each with its audit entry (unless <paramref name="audit"/> is false: the benchmark's comparison).</summary>
    public void Write(IReadOnlyList<PlannedRow> planned, Editor editor, long? batchId, string? note, IProgress<ImportProgress>? progress,
        int total, CancellationToken cancellationToken, bool audit = true)
    {
        var table = rules.Db;
        var fieldNames = FieldNames(table);
        _writer ??= Database.RowWriter(connection, transaction, table);
        foreach (var row in planned)
        {
            if (row.Change == RowChange.Unchanged)
            {
                continue;
            }
            cancellationToken.ThrowIfCancellationRequested();
            var values = new string?[row.Row.Values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Resolve(row.Row.Values[i]);
            }
            var links = new List<string?[]>(row.Row.Links.Count);
            foreach (var link in row.Row.Links)
            {
                var resolved = new string?[link.Length];
                for (var i = 0; i < link.Length; i++)
                {
                    resolved[i] = Resolve(link[i]);
                }
                links.Add(resolved);
            }
            long id;
            string?[]? before = null;
            if (row.Change == RowChange.Add)
            {
                id = _writer.Insert(values, links);
            }
            else
            {
                id = row.Stored!.Id;
                _writer.Update(id, values, links);
                before = [.. row.Stored.Fields, row.Stored.Links];
            }
            if (audit)
            {
                string?[] after = [.. row.Fields, row.Links];
                _writer.Audit(new AuditEntry
                {
                    At = _at,
                    UserId = editor.UserId,
                    UserName = editor.Name,
                    EntityType = table.EntityType,
                    EntityId = checked((int)id),
                    EntityKey = row.Row.NaturalKey,
                    Action = row.Change == RowChange.Add ? AuditAction.Create : AuditAction.Update,
                    Changes = AuditJson.Write(AuditJson.Diff(fieldNames, before, after)),
                    Note = note,
                    BatchId = batchId,
                });
            }
            if (++Written % ProgressEvery == 0 || Written == total)
            {
                progress?.Report(new ImportProgress(ImportStage.Writing, Written, total));
            }
        }
    }

    /// <summary>Retracts (with a reason) or restores (reason null) one stored row, with its audit entry.</summary>
    public void SetRetracted(StoredRecord stored, string key, string? reason, Editor editor, string? note)
    {
        _writer ??= Database.RowWriter(connection, transaction, rules.Db);
        _at = DateTime.UtcNow;
        _writer.SetRetracted(stored.Id, reason is null ? null : _at, reason);
        _writer.Audit(new AuditEntry
        {
            At = _at,
            UserId = editor.UserId,
            UserName = editor.Name,
            EntityType = rules.Db.EntityType,
            EntityId = checked((int)stored.Id),
            EntityKey = key,
            Action = reason is null ? AuditAction.Restore : AuditAction.Retract,
            Changes = AuditJson.Write([new FieldChange("retracted", reason is null ? "yes" : null, reason is null ? null : "yes: " + reason)]),
            Note = note,
        });
    }

    /// <summary>Writes out what is still held for a many-row statement and lets go of the statements. Call before committing.</summary>
    public void Complete()
    {
        _writer?.Flush();
        _writer?.Dispose();
        _writer = null;
    }

    public void Dispose() => _writer?.Dispose();

    private string? Resolve(object? value) => value switch
    {
        null => null,
        string s => s,
        Ref r => _ids[r.Table][r.Key],
        _ => throw new InvalidOperationException($"Unexpected cell value {value.GetType()}"),
    };

    /// <summary>Looks up, in batches, every referenced key not looked up before; an unknown or retracted key is an error on each row that uses it.</summary>
    private async Task ResolveReferencesAsync(IReadOnlyList<ParsedRow> rows, ImportErrors errors, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<RefTable, HashSet<string>>();
        foreach (var r in rows.SelectMany(References))
        {
            var known = _ids.TryGetValue(r.Table, out var ids) && ids.ContainsKey(r.Key);
            var missing = _missing.TryGetValue(r.Table, out var gone) && gone.Contains(r.Key);
            if (known || missing)
            {
                continue;
            }
            if (!wanted.TryGetValue(r.Table, out var keys))
            {
                wanted[r.Table] = keys = new HashSet<string>(StringComparer.Ordinal);
            }
            keys.Add(r.Key);
        }

        foreach (var (table, keys) in wanted)
        {
            var (tableName, keyColumn, _) = RefTables.Of(table);
            var found = _ids.TryGetValue(table, out var ids) ? ids : _ids[table] = new Dictionary<string, string>(StringComparer.Ordinal);
            var withdrawn = _retracted.TryGetValue(table, out var r) ? r : _retracted[table] = new HashSet<string>(StringComparer.Ordinal);
            var missing = _missing.TryGetValue(table, out var m) ? m : _missing[table] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var batch in keys.Chunk(LookupBatch))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                var names = batch.Select((key, i) => AddParameter(command, $"@k{i}", key));
                command.CommandText = $"SELECT \"{keyColumn}\", \"Id\", \"RetractedAt\" FROM \"{tableName}\" WHERE \"{keyColumn}\" IN ({string.Join(",", names)})";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    found[reader.GetString(0)] = reader.GetInt64(1).ToString(CultureInfo.InvariantCulture);
                    if (!reader.IsDBNull(2))
                    {
                        withdrawn.Add(reader.GetString(0));
                    }
                }
            }
            missing.UnionWith(keys.Where(k => !found.ContainsKey(k)));
        }

        // Name every unknown or withdrawn reference on every row that uses it.
        foreach (var row in rows)
        {
            foreach (var r in References(row))
            {
                if (_missing.TryGetValue(r.Table, out var gone) && gone.Contains(r.Key))
                {
                    errors.Add(new ImportError(row.Row, r.Column, r.Key, $"is not a known {RefTables.Of(r.Table).Noun}"));
                }
                else if (_retracted.TryGetValue(r.Table, out var withdrawn) && withdrawn.Contains(r.Key))
                {
                    errors.Add(new ImportError(row.Row, r.Column, r.Key, $"is a retracted {RefTables.Of(r.Table).Noun}: restore it first, or refer to another"));
                }
            }
        }
    }

    private static IEnumerable<Ref> References(ParsedRow row)
    {
        foreach (var value in row.Values)
        {
            if (value is Ref r)
            {
                yield return r;
            }
        }
        foreach (var link in row.Links)
        {
            foreach (var value in link)
            {
                if (value is Ref r)
                {
                    yield return r;
                }
            }
        }
    }

    /// <summary>
    /// The stored rows with the given natural keys, read in key space. A few keys (a form, a small file) are looked
    /// up through the key's index; many are found by reading the table once.
    /// </summary>
    public static async Task<Dictionary<string, StoredRecord>> LoadStoredAsync(DbConnection connection, DbTransaction? transaction,
        DbTable table, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, StoredRecord>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return stored;
        }
        var wanted = keys as IReadOnlySet<string> ?? keys.ToHashSet(StringComparer.Ordinal);
        var select = $"SELECT t.\"Id\", t.\"Version\", t.\"RetractedAt\", {string.Join(", ", table.Columns.Select(c => KeySpace(c, "t")))} FROM \"{table.Name}\" t";

        async Task ReadAsync(DbCommand command)
        {
            command.Transaction = transaction;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var fields = new string?[table.Columns.Length];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = ReadString(reader, 3 + i);
                }
                var key = table.KeyOf(fields);
                if (wanted.Contains(key))
                {
                    stored[key] = new StoredRecord(reader.GetInt64(0), reader.GetInt64(1),
                        reader.IsDBNull(2) ? null : reader.GetDateTime(2), fields, null);
                }
            }
        }

        if (keys.Count > KeyedLookupUpTo)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = select;
            await ReadAsync(command);
        }
        else if (table.SingleKey is { } keyColumn)
        {
            foreach (var batch in keys.Chunk(LookupBatch))
            {
                await using var command = connection.CreateCommand();
                var names = batch.Select((key, i) => AddParameter(command, $"@k{i}", key));
                command.CommandText = $"{select} WHERE t.\"{keyColumn.Name}\" IN ({string.Join(",", names)})";
                await ReadAsync(command);
            }
        }
        else
        {
            // Positions: actor + issue + as_of, looked up through the unique index on their ids.
            var probes = new List<(string Actor, string Issue, DateOnly AsOf)>();
            foreach (var key in keys)
            {
                var parts = key.Split('|');
                if (parts.Length == 3 && CsvCells.TryParseDate(parts[2], out var asOf))
                {
                    probes.Add((parts[0], parts[1], asOf));
                }
            }
            foreach (var batch in probes.Chunk(100))
            {
                await using var command = connection.CreateCommand();
                var terms = batch.Select((p, i) =>
                    $"(t.\"ActorId\" = (SELECT \"Id\" FROM \"Actors\" WHERE \"Slug\" = {AddParameter(command, $"@a{i}", p.Actor)}) " +
                    $"AND t.\"IssueId\" = (SELECT \"Id\" FROM \"Issues\" WHERE \"Slug\" = {AddParameter(command, $"@i{i}", p.Issue)}) " +
                    $"AND t.\"AsOf\" = {AddParameter(command, $"@d{i}", p.AsOf)})");
                command.CommandText = $"{select} WHERE {string.Join(" OR ", terms)}";
                await ReadAsync(command);
            }
        }

        if (table.Links is { } links && stored.Count > 0)
        {
            await LoadLinksAsync(connection, transaction, links, stored, keys.Count > KeyedLookupUpTo, cancellationToken);
        }
        return stored;
    }

    private static async Task LoadLinksAsync(DbConnection connection, DbTransaction? transaction, DbLinkTable links,
        Dictionary<string, StoredRecord> stored, bool wholeTable, CancellationToken cancellationToken)
    {
        var keyOf = stored.ToDictionary(s => s.Value.Id, s => s.Key);
        var items = new Dictionary<long, List<string>>();
        var select = $"SELECT l.\"{links.OwnerColumn}\", {string.Join(", ", links.Columns.Select(c => KeySpace(c, "l")))} FROM \"{links.Name}\" l";
        async Task ReadAsync(DbCommand command)
        {
            command.Transaction = transaction;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var owner = reader.GetInt64(0);
                if (!keyOf.ContainsKey(owner))
                {
                    continue;
                }
                var parts = new string?[links.Columns.Length];
                for (var i = 0; i < parts.Length; i++)
                {
                    parts[i] = ReadString(reader, 1 + i);
                }
                if (!items.TryGetValue(owner, out var list))
                {
                    items[owner] = list = [];
                }
                list.Add(string.Join(CsvCells.RoleSeparator, parts));
            }
        }

        if (wholeTable)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = select;
            await ReadAsync(command);
        }
        else
        {
            foreach (var batch in keyOf.Keys.Chunk(LookupBatch))
            {
                await using var command = connection.CreateCommand();
                var names = batch.Select((id, i) => AddParameter(command, $"@o{i}", id));
                command.CommandText = $"{select} WHERE l.\"{links.OwnerColumn}\" IN ({string.Join(",", names)})";
                await ReadAsync(command);
            }
        }
        foreach (var (owner, list) in items)
        {
            var key = keyOf[owner];
            list.Sort(StringComparer.Ordinal);
            stored[key] = stored[key] with { Links = string.Join(CsvCells.ListSeparator, list) };
        }
    }

    /// <summary>A column as SQL that yields its key-space value: a reference becomes the referenced row's natural key.</summary>
    private static string KeySpace(TableColumn column, string alias)
    {
        if (column.Ref is not { } target)
        {
            return $"{alias}.\"{column.Name}\"";
        }
        var (table, key, _) = RefTables.Of(target);
        return $"(SELECT r.\"{key}\" FROM \"{table}\" r WHERE r.\"Id\" = {alias}.\"{column.Name}\")";
    }

    private static string? ReadString(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }
        return reader.GetValue(ordinal) switch
        {
            string s => s,
            DateOnly d => CsvCells.Date(d),
            DateTime d => CsvCells.Date(DateOnly.FromDateTime(d)),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        };
    }

    public static string AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return name;
    }
}
