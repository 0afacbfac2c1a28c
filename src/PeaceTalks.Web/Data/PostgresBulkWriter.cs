using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace PeaceTalks.Web.Data;

/// <summary>
/// Adds rows on PostgreSQL with binary COPY, the fast way in. New rows get their ids up front, which is safe because
/// every writer holds the record's advisory lock; the identity sequences are moved past them before the commit.
/// </summary>
internal sealed class PostgresBulkWriter(NpgsqlConnection connection, NpgsqlTransaction transaction) : BulkWriter
{
    /// <summary>Rows held before a COPY: enough to make each one cheap, few enough to keep memory flat.</summary>
    private const int RowsPerCopy = 5_000;

    private readonly List<Pending> _pending = [];
    private readonly Dictionary<BulkTable, Pending> _byTable = [];
    private readonly Dictionary<BulkTable, long> _nextIds = [];

    protected override void Register(BulkTable table)
    {
        var pending = new Pending(table, [.. table.Columns.Select(c => TypeOf((c.GetValueConverter() ?? c.GetTypeMapping().Converter)?.ProviderClrType ?? c.ClrType))]);
        _pending.Add(pending);
        _byTable[table] = pending;
    }

    public override long NextId(BulkTable table)
    {
        if (!_nextIds.TryGetValue(table, out var next))
        {
            // Ids continue after the highest ever handed out, by the sequence or by an earlier writer.
            using var command = Command($"""
                SELECT GREATEST(COALESCE((SELECT MAX("{KeyColumn(table)}") FROM "{table.Name}"), 0),
                                (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {Sequence(table)})) + 1
                """);
            next = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        _nextIds[table] = next + 1;
        return next;
    }

    protected override void Add(BulkTable table, object?[] values)
    {
        var pending = _byTable[table];
        var row = new object?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            row[i] = table.ToProvider(i, values[i]) switch
            {
                DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
                var value => value,
            };
        }
        pending.Rows.Add(row);
        if (pending.Rows.Count >= RowsPerCopy)
        {
            Flush();
        }
    }

    // Tables in the order they were first used: rows before the links and history that point to them.
    public override void Flush()
    {
        foreach (var pending in _pending)
        {
            Copy(pending);
        }
    }

    public override void Complete()
    {
        Flush();
        foreach (var table in _nextIds.Keys)
        {
            // The identity sequence moves past the ids written here, so a later insert that leaves the id to the
            // database (or another writer's first id) never collides with them.
            using var move = Command($"SELECT setval('{Sequence(table)}', (SELECT MAX(\"{KeyColumn(table)}\") FROM \"{table.Name}\"))");
            move.ExecuteNonQuery();
        }
        _nextIds.Clear();
    }

    public override void Dispose()
    {
    }

    private void Copy(Pending pending)
    {
        if (pending.Rows.Count == 0)
        {
            return;
        }
        var table = pending.Table;
        using (var importer = connection.BeginBinaryImport(
            $"COPY \"{table.Name}\" ({string.Join(", ", table.ColumnNames.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in pending.Rows)
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
                        importer.Write(row[i], pending.Types[i]);
                    }
                }
            }
            importer.Complete();
        }
        pending.Rows.Clear();
    }

    private static NpgsqlDbType TypeOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) => NpgsqlDbType.Integer,
        var t when t == typeof(long) => NpgsqlDbType.Bigint,
        var t when t == typeof(bool) => NpgsqlDbType.Boolean,
        var t when t == typeof(double) => NpgsqlDbType.Double,
        var t when t == typeof(DateOnly) => NpgsqlDbType.Date,
        var t when t == typeof(DateTime) => NpgsqlDbType.TimestampTz,
        var t when t == typeof(string) => NpgsqlDbType.Text,
        var t => throw new InvalidOperationException($"No COPY type for {t}"),
    };

    private static string KeyColumn(BulkTable table) => table.ColumnNames[table.IndexOf(table.GeneratedKey!.Name)];

    // The identity column's sequence, as PostgreSQL names it (quoted, so it can be passed to setval as text).
    private string Sequence(BulkTable table)
    {
        using var command = Command("SELECT pg_get_serial_sequence(@table, @column)");
        command.Parameters.AddWithValue("@table", $"\"{table.Name}\"");
        command.Parameters.AddWithValue("@column", KeyColumn(table));
        return (string)command.ExecuteScalar()!;
    }

    private NpgsqlCommand Command(string sql) => new(sql, connection, transaction);

    private sealed record Pending(BulkTable Table, NpgsqlDbType[] Types)
    {
        public List<object?[]> Rows { get; } = [];
    }
}
