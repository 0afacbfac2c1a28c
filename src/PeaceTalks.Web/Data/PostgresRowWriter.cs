using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Data;

/// <summary>
/// Writes rows of one table, its link table and the audit log on PostgreSQL: new rows go in with binary COPY (the
/// fast way in), updates with prepared statements. New rows get their ids up front, which is safe because every
/// writer holds the record's advisory lock; the identity sequences are moved past them before the commit.
/// </summary>
internal sealed class PostgresRowWriter : IRowWriter
{
    /// <summary>Rows held before a COPY: enough to make each one cheap, few enough to keep memory flat.</summary>
    private const int RowsPerCopy = 5_000;

    private static readonly string[] AuditColumns =
        ["At", "UserId", "UserName", "EntityType", "EntityId", "EntityKey", "Action", "Changes", "Note", "BatchId"];

    private static readonly NpgsqlDbType[] AuditTypes =
    [
        NpgsqlDbType.TimestampTz, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Integer,
        NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Bigint,
    ];

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly DbTable _table;
    private readonly NpgsqlDbType[] _columnTypes;
    private readonly NpgsqlDbType[]? _linkTypes;
    private readonly List<object?[]> _inserts = [];
    private readonly List<object?[]> _links = [];
    private readonly List<object?[]> _audits = [];
    private long _nextId;
    private bool _inserted;

    public PostgresRowWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, DbTable table)
    {
        _connection = connection;
        _transaction = transaction;
        _table = table;
        _columnTypes = [.. table.Columns.Select(TypeOf)];
        _linkTypes = table.Links is { } links ? [.. links.Columns.Select(TypeOf)] : null;

        // Ids continue after the highest ever handed out, by the sequence or by an earlier writer.
        using var next = Command($"""
            SELECT GREATEST(COALESCE((SELECT MAX("Id") FROM "{table.Name}"), 0),
                            (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {Sequence(table.Name)})) + 1
            """);
        _nextId = Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public long Insert(string?[] values, IReadOnlyList<string?[]> links)
    {
        var id = _nextId++;
        _inserts.Add([(int)id, 1L, .. Typed(values, _columnTypes)]);
        foreach (var link in links)
        {
            _links.Add([(int)id, .. Typed(link, _linkTypes!)]);
        }
        _inserted = true;
        if (_inserts.Count >= RowsPerCopy || _links.Count >= RowsPerCopy)
        {
            FlushInserts();
        }
        return id;
    }

    public void Update(long id, string?[] values, IReadOnlyList<string?[]> links)
    {
        FlushInserts();
        var sets = string.Join(", ", _table.Columns.Select((c, i) => $"\"{c.Name}\" = ${i + 1}"));
        using (var update = Command($"UPDATE \"{_table.Name}\" SET {sets}, \"Version\" = \"Version\" + 1 WHERE \"Id\" = ${values.Length + 1}"))
        {
            var converted = Typed(values, _columnTypes);
            for (var i = 0; i < converted.Length; i++)
            {
                update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = _columnTypes[i], Value = converted[i] ?? DBNull.Value });
            }
            update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = (int)id });
            update.ExecuteNonQuery();
        }
        if (_table.Links is { } linkTable)
        {
            using var delete = Command($"DELETE FROM \"{linkTable.Name}\" WHERE \"{linkTable.OwnerColumn}\" = $1");
            delete.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = (int)id });
            delete.ExecuteNonQuery();
            foreach (var link in links)
            {
                _links.Add([(int)id, .. Typed(link, _linkTypes!)]);
            }
            FlushInserts();
        }
    }

    public void SetRetracted(long id, DateTime? at, string? reason)
    {
        FlushInserts();
        using var retract = Command(
            $"UPDATE \"{_table.Name}\" SET \"RetractedAt\" = $1, \"RetractedReason\" = $2, \"Version\" = \"Version\" + 1 WHERE \"Id\" = $3");
        retract.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)at ?? DBNull.Value });
        retract.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)reason ?? DBNull.Value });
        retract.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = (int)id });
        retract.ExecuteNonQuery();
    }

    public void Audit(AuditEntry entry)
    {
        _audits.Add(
        [
            DateTime.SpecifyKind(entry.At, DateTimeKind.Utc), entry.UserId, entry.UserName, entry.EntityType, entry.EntityId,
            entry.EntityKey, KebabCase<AuditAction>.ToWord(entry.Action), entry.Changes, entry.Note, entry.BatchId,
        ]);
        if (_audits.Count >= RowsPerCopy)
        {
            FlushInserts();
        }
    }

    public void Flush()
    {
        FlushInserts();
        if (_inserted)
        {
            // The identity sequence moves past the ids written here, so a later insert that leaves the id to the
            // database (or another writer's first id) never collides with them.
            using var move = Command($"SELECT setval('{Sequence(_table.Name)}', (SELECT MAX(\"Id\") FROM \"{_table.Name}\"))");
            move.ExecuteNonQuery();
            _inserted = false;
        }
    }

    // Rows before the links and history that point to them.
    private void FlushInserts()
    {
        Copy(_table.Name, ["Id", "Version", .. _table.Columns.Select(c => c.Name)],
            [NpgsqlDbType.Integer, NpgsqlDbType.Bigint, .. _columnTypes], _inserts);
        if (_table.Links is { } links)
        {
            Copy(links.Name, [links.OwnerColumn, .. links.Columns.Select(c => c.Name)], [NpgsqlDbType.Integer, .. _linkTypes!], _links);
        }
        Copy("AuditEntries", AuditColumns, AuditTypes, _audits);
    }

    private void Copy(string table, string[] columns, NpgsqlDbType[] types, List<object?[]> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }
        using (var importer = _connection.BeginBinaryImport(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                importer.StartRow();
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is null)
                    {
                        importer.WriteNull();
                    }
                    else
                    {
                        importer.Write(row[i], types[i]);
                    }
                }
            }
            importer.Complete();
        }
        rows.Clear();
    }

    private static object?[] Typed(string?[] values, NpgsqlDbType[] types)
    {
        var converted = new object?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            converted[i] = values[i] is not { } value ? null : types[i] switch
            {
                NpgsqlDbType.Date => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                NpgsqlDbType.Integer => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture),
                _ => value,
            };
        }
        return converted;
    }

    private static NpgsqlDbType TypeOf(TableColumn column) => column switch
    {
        { Ref: not null } => NpgsqlDbType.Integer,
        { Type: DbValue.Date } => NpgsqlDbType.Date,
        { Type: DbValue.Number } => NpgsqlDbType.Integer,
        _ => NpgsqlDbType.Text,
    };

    private static string Sequence(string table) => $"\"{table}_Id_seq\"";

    private NpgsqlCommand Command(string sql) => new(sql, _connection, _transaction);

    public void Dispose()
    {
    }
}
