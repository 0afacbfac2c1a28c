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

internal sealed class RecordPlan(CsvTableRules rules, List<PlannedRow> rows, Dictionary<RefTable, Dictionary<string, long>> ids)
{
    public CsvTableRules Rules { get; } = rules;
    public List<PlannedRow> Rows { get; } = rows;
    public Dictionary<RefTable, Dictionary<string, long>> Ids { get; } = ids;
    public int Added => Rows.Count(r => r.Change == RowChange.Add);
    public int Updated => Rows.Count(r => r.Change == RowChange.Update);
    public int Unchanged => Rows.Count - Added - Updated;
}

/// <summary>
/// The one write path of the record, used by the CSV import (and the start-up seed), the edit forms and the
/// article intake: rows already checked by a <see cref="CsvTableRules"/> are matched to stored ones by natural
/// key, compared in "key space" (references as slugs and keys, exactly as the CSV formats write them), and
/// written with one audit entry per changed row. The caller owns the transaction, which it opens with
/// <see cref="Database.BeginWriteAsync"/> so the plan and the write see the same data.
/// </summary>
internal static class RecordWriter
{
    private const int LookupBatch = 500;
    private const int ProgressEvery = 1000;

    /// <summary>Below this many keys, stored rows are fetched by key; above it the table is read once.</summary>
    private const int KeyedLookupUpTo = 2000;

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

    public static async Task<RecordPlan> PlanAsync(DbConnection connection, DbTransaction transaction, CsvTableRules rules,
        IReadOnlyList<ParsedRow> rows, List<ImportError> errors, CancellationToken cancellationToken)
    {
        var ids = await ResolveReferencesAsync(connection, transaction, rows, errors, cancellationToken);
        var planned = new List<PlannedRow>(rows.Count);
        if (errors.Count > 0)
        {
            return new RecordPlan(rules, planned, ids);
        }
        var stored = await LoadStoredAsync(connection, transaction, rules.Db, [.. rows.Select(r => r.NaturalKey)], cancellationToken);
        foreach (var row in rows)
        {
            var fields = KeyFields(row);
            var links = KeyLinks(row);
            if (!stored.TryGetValue(row.NaturalKey, out var existing))
            {
                planned.Add(new PlannedRow(row, RowChange.Add, null, fields, links));
            }
            else
            {
                var same = existing.Fields.AsSpan().SequenceEqual(fields) && existing.Links == links;
                planned.Add(new PlannedRow(row, same ? RowChange.Unchanged : RowChange.Update, existing, fields, links));
            }
        }
        return new RecordPlan(rules, planned, ids);
    }

    /// <summary>Writes every added and updated row of the plan, each with its audit entry. Returns the ids written.</summary>
    public static List<long> Write(DbConnection connection, DbTransaction transaction, RecordPlan plan, Editor editor,
        long? batchId, string? note, IProgress<ImportProgress>? progress, CancellationToken cancellationToken, bool audit = true)
    {
        var table = plan.Rules.Db;
        var fieldNames = FieldNames(table);
        var toWrite = plan.Rows.Count(r => r.Change != RowChange.Unchanged);
        var written = new List<long>(toWrite);
        using var writer = Database.RowWriter(connection, transaction, table);
        var at = DateTime.UtcNow;
        var done = 0;
        foreach (var row in plan.Rows)
        {
            if (row.Change == RowChange.Unchanged)
            {
                continue;
            }
            cancellationToken.ThrowIfCancellationRequested();
            var values = row.Row.Values.Select(v => Resolve(v, plan.Ids)).ToArray();
            var links = row.Row.Links.Select(link => link.Select(v => Resolve(v, plan.Ids)).ToArray()).ToList();
            long id;
            string?[]? before = null;
            if (row.Change == RowChange.Add)
            {
                id = writer.Insert(values, links);
            }
            else
            {
                id = row.Stored!.Id;
                writer.Update(id, values, links);
                before = [.. row.Stored.Fields, row.Stored.Links];
            }
            written.Add(id);
            if (++done % ProgressEvery == 0 || done == toWrite)
            {
                progress?.Report(new ImportProgress(ImportStage.Writing, done, toWrite));
            }
            if (!audit)
            {
                continue;
            }
            string?[] after = [.. row.Fields, row.Links];
            writer.Audit(new AuditEntry
            {
                At = at,
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
        return written;
    }

    /// <summary>Retracts (with a reason) or restores (reason null) one stored row, with its audit entry.</summary>
    public static void SetRetracted(DbConnection connection, DbTransaction transaction, DbTable table, StoredRecord stored, string key,
        string? reason, Editor editor, string? note)
    {
        using var writer = Database.RowWriter(connection, transaction, table);
        var now = DateTime.UtcNow;
        writer.SetRetracted(stored.Id, reason is null ? null : now, reason);
        writer.Audit(new AuditEntry
        {
            At = now,
            UserId = editor.UserId,
            UserName = editor.Name,
            EntityType = table.EntityType,
            EntityId = checked((int)stored.Id),
            EntityKey = key,
            Action = reason is null ? AuditAction.Restore : AuditAction.Retract,
            Changes = AuditJson.Write([new FieldChange("retracted", reason is null ? "yes" : null, reason is null ? null : "yes: " + reason)]),
            Note = note,
        });
    }

    private static string? Resolve(object? value, Dictionary<RefTable, Dictionary<string, long>> ids) => value switch
    {
        null => null,
        string s => s,
        Ref r => ids[r.Table][r.Key].ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Unexpected cell value {value.GetType()}"),
    };

    /// <summary>Looks every referenced key up in batches; an unknown or retracted key is an error on each row that uses it.</summary>
    private static async Task<Dictionary<RefTable, Dictionary<string, long>>> ResolveReferencesAsync(DbConnection connection,
        DbTransaction transaction, IReadOnlyList<ParsedRow> rows, List<ImportError> errors, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<RefTable, HashSet<string>>();
        foreach (var r in rows.SelectMany(References))
        {
            if (!wanted.TryGetValue(r.Table, out var keys))
            {
                wanted[r.Table] = keys = new HashSet<string>(StringComparer.Ordinal);
            }
            keys.Add(r.Key);
        }

        var ids = new Dictionary<RefTable, Dictionary<string, long>>();
        var retracted = new Dictionary<RefTable, HashSet<string>>();
        foreach (var (table, keys) in wanted)
        {
            var (tableName, keyColumn, _) = RefTables.Of(table);
            var found = new Dictionary<string, long>(StringComparer.Ordinal);
            var withdrawn = new HashSet<string>(StringComparer.Ordinal);
            foreach (var batch in keys.Chunk(LookupBatch))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                var names = batch.Select((key, i) => AddParameter(command, $"@k{i}", key));
                command.CommandText = $"SELECT \"{keyColumn}\", \"Id\", \"RetractedAt\" FROM \"{tableName}\" WHERE \"{keyColumn}\" IN ({string.Join(",", names)})";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    found[reader.GetString(0)] = reader.GetInt64(1);
                    if (!reader.IsDBNull(2))
                    {
                        withdrawn.Add(reader.GetString(0));
                    }
                }
            }
            ids[table] = found;
            retracted[table] = withdrawn;
        }

        // Only when something is missing or withdrawn: name it on every row that uses it.
        if (ids.Any(t => t.Value.Count < wanted[t.Key].Count) || retracted.Any(t => t.Value.Count > 0))
        {
            foreach (var row in rows)
            {
                foreach (var r in References(row))
                {
                    if (!ids[r.Table].ContainsKey(r.Key))
                    {
                        errors.Add(new ImportError(row.Row, r.Column, r.Key, $"is not a known {RefTables.Of(r.Table).Noun}"));
                    }
                    else if (retracted[r.Table].Contains(r.Key))
                    {
                        errors.Add(new ImportError(row.Row, r.Column, r.Key, $"is a retracted {RefTables.Of(r.Table).Noun}: restore it first, or refer to another"));
                    }
                }
            }
        }
        return ids;
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
