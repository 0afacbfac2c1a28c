using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PeaceTalks.Web.Data;

/// <summary>
/// Adds rows with prepared statements driven through SQLite's own API: values are bound by position and many rows go
/// in one statement. (Going through SqliteCommand costs more per row than SQLite spends inserting it, because it looks
/// every parameter up by name on every execution.) New rows get their ids up front; this runs under the write lock,
/// so nobody else can take them.
/// </summary>
internal sealed class SqliteBulkWriter : BulkWriter
{
    // The same text EF Core writes for a DateTime and a DateOnly, so both read each other's values.
    private const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";
    private const string DateFormat = "yyyy-MM-dd";

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly sqlite3 _db;
    private readonly List<Batch> _batches = [];
    private readonly Dictionary<BulkTable, Batch> _byTable = [];
    private readonly Dictionary<BulkTable, long> _nextIds = [];
    private readonly LargePageCache _cache;

    public SqliteBulkWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
        _db = connection.Handle!;
        _cache = new LargePageCache(connection, transaction);
    }

    protected override void Register(BulkTable table)
    {
        var batch = new Batch(this, table);
        _batches.Add(batch);
        _byTable[table] = batch;
    }

    public override long NextId(BulkTable table)
    {
        if (!_nextIds.TryGetValue(table, out var next))
        {
            // Ids continue after the highest ever used (AUTOINCREMENT keeps that in sqlite_sequence).
            using var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = $"SELECT MAX(COALESCE((SELECT MAX(\"{table.ColumnNames[table.IndexOf(table.GeneratedKey!.Name)]}\") FROM \"{table.Name}\"), 0), " +
                "COALESCE((SELECT seq FROM sqlite_sequence WHERE name = @table), 0)) + 1";
            command.Parameters.AddWithValue("@table", table.Name);
            next = (long)command.ExecuteScalar()!;
        }
        _nextIds[table] = next + 1;
        return next;
    }

    protected override void Add(BulkTable table, object?[] values)
    {
        var batch = _byTable[table];
        batch.Add(values);
        if (batch.Full)
        {
            Flush();
        }
    }

    // Tables in the order they were first used: rows before the links and history that point to them.
    public override void Flush()
    {
        foreach (var batch in _batches)
        {
            batch.Flush();
        }
    }

    public override void Complete() => Flush();

    public override void Dispose()
    {
        foreach (var batch in _batches)
        {
            batch.Dispose();
        }
        _cache.Dispose();
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    private void Step(sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    private int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string text => raw.sqlite3_bind_text(statement, index, text),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        double real => raw.sqlite3_bind_double(statement, index, real),
        DateOnly date => raw.sqlite3_bind_text(statement, index, date.ToString(DateFormat, CultureInfo.InvariantCulture)),
        DateTime time => raw.sqlite3_bind_text(statement, index, time.ToString(DateTimeFormat, CultureInfo.InvariantCulture)),
        _ => throw new InvalidOperationException($"No SQLite binding for {value.GetType()}"),
    };

    /// <summary>
    /// Rows for one table, written many to a statement (INSERT … VALUES (…), (…), …): as many as SQLite takes
    /// parameters for, up to 2,000. The full-text index writes out its pending words at the end of every statement
    /// that fires its triggers, so a statement per row costs five times as much, and 64 rows a statement still twice.
    /// </summary>
    private sealed class Batch(SqliteBulkWriter writer, BulkTable table) : IDisposable
    {
        private const int MaxParameters = 30_000; // SQLite allows 32,766
        private readonly int _rowsPerStatement = Math.Min(2_000, MaxParameters / table.Columns.Count);
        private readonly List<object?> _values = [];
        private readonly Dictionary<int, sqlite3_stmt> _statements = [];

        public bool Full => _values.Count >= _rowsPerStatement * table.Columns.Count;

        public void Add(object?[] row)
        {
            for (var i = 0; i < row.Length; i++)
            {
                _values.Add(table.ToProvider(i, row[i]));
            }
        }

        public void Flush()
        {
            var columns = table.Columns.Count;
            var rows = _values.Count / columns;
            for (var done = 0; done < rows; done += _rowsPerStatement)
            {
                var count = Math.Min(_rowsPerStatement, rows - done);
                var statement = StatementFor(count);
                var offset = done * columns;
                for (var i = 0; i < count * columns; i++)
                {
                    writer.Check(writer.Bind(statement, i + 1, _values[offset + i]));
                }
                writer.Step(statement);
            }
            _values.Clear();
        }

        private sqlite3_stmt StatementFor(int rows)
        {
            if (!_statements.TryGetValue(rows, out var statement))
            {
                var tuple = "(" + string.Join(", ", Enumerable.Repeat("?", table.Columns.Count)) + ")";
                var sql = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.ColumnNames.Select(c => $"\"{c}\""))}) VALUES " +
                    string.Join(", ", Enumerable.Repeat(tuple, rows));
                writer.Check(raw.sqlite3_prepare_v2(writer._db, sql, out statement));
                _statements[rows] = statement;
            }
            return statement;
        }

        public void Dispose()
        {
            foreach (var statement in _statements.Values)
            {
                statement.Dispose();
            }
        }
    }

    /// <summary>
    /// A big page cache while writing: inserts land all over the date and actor indexes, and with SQLite's default
    /// 2 MB cache every insert evicts pages and later reads them back. The default is restored afterwards, since
    /// the connection goes back to the pool.
    /// </summary>
    private sealed class LargePageCache : IDisposable
    {
        private const int CacheKibibytes = 256 * 1024;
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly long _previous;

        public LargePageCache(SqliteConnection connection, SqliteTransaction transaction)
        {
            _connection = connection;
            _transaction = transaction;
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "PRAGMA cache_size";
            _previous = (long)command.ExecuteScalar()!;
            command.CommandText = $"PRAGMA cache_size = -{CacheKibibytes}";
            command.ExecuteNonQuery();
        }

        public void Dispose()
        {
            using var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = $"PRAGMA cache_size = {_previous}";
            command.ExecuteNonQuery();
        }
    }
}
