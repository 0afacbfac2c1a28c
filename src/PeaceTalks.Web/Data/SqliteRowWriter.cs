using System.Globalization;
using Microsoft.Data.Sqlite;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Models;
using SQLitePCL;

namespace PeaceTalks.Web.Data;

/// <summary>
/// Writes rows of one table, its link table and the audit log with prepared statements driven through SQLite's
/// own API: values are bound by position and each row is one step. (Going through SqliteCommand costs more per row
/// than SQLite spends inserting it, because it looks every parameter up by name on every execution.) New rows get
/// their ids up front; this runs under the write lock, so nobody else can take them.
/// </summary>
internal sealed class SqliteRowWriter : IRowWriter
{
    // The same text EF Core writes for a DateTime, so both read each other's values.
    private const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    private readonly sqlite3 _db;
    private readonly Batch _inserts;
    private readonly Batch _audits;
    private readonly Batch? _links;
    private readonly sqlite3_stmt _update;
    private readonly sqlite3_stmt _retract;
    private readonly sqlite3_stmt? _deleteLinks;
    private readonly LargePageCache _cache;
    private long _nextId;

    public SqliteRowWriter(SqliteConnection connection, SqliteTransaction transaction, DbTable table)
    {
        _db = connection.Handle!;
        _inserts = new Batch(this, table.Name, ["Id", "Version", .. table.Columns.Select(c => c.Name)]);
        _audits = new Batch(this, "AuditEntries", ["At", "UserId", "UserName", "EntityType", "EntityId", "EntityKey", "Action", "Changes", "Note", "BatchId"]);
        _update = Prepare($"UPDATE \"{table.Name}\" SET {string.Join(", ", table.Columns.Select((c, i) => $"\"{c.Name}\" = ?{i + 1}"))}, " +
            $"\"Version\" = \"Version\" + 1 WHERE \"Id\" = ?{table.Columns.Length + 1}");
        _retract = Prepare($"UPDATE \"{table.Name}\" SET \"RetractedAt\" = ?1, \"RetractedReason\" = ?2, \"Version\" = \"Version\" + 1 WHERE \"Id\" = ?3");
        if (table.Links is { } links)
        {
            _links = new Batch(this, links.Name, [links.OwnerColumn, .. links.Columns.Select(c => c.Name)]);
            _deleteLinks = Prepare($"DELETE FROM \"{links.Name}\" WHERE \"{links.OwnerColumn}\" = ?1");
        }

        // Ids continue after the highest ever used (AUTOINCREMENT keeps that in sqlite_sequence).
        using (var next = connection.CreateCommand())
        {
            next.Transaction = transaction;
            next.CommandText = $"SELECT MAX(COALESCE((SELECT MAX(\"Id\") FROM \"{table.Name}\"), 0), " +
                $"COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table.Name}'), 0)) + 1";
            _nextId = (long)next.ExecuteScalar()!;
        }
        _cache = new LargePageCache(connection, transaction);
    }

    public long Insert(string?[] values, IReadOnlyList<string?[]> links)
    {
        var id = _nextId++;
        _inserts.Add([id, 1L, .. values]);
        foreach (var link in links)
        {
            _links!.Add([id, .. link]);
        }
        if (_inserts.Full || _links?.Full == true)
        {
            FlushInserts();
        }
        return id;
    }

    public void Update(long id, string?[] values, IReadOnlyList<string?[]> links)
    {
        FlushInserts();
        Bind(_update, 1, values);
        Check(raw.sqlite3_bind_int64(_update, values.Length + 1, id));
        Step(_update);
        if (_deleteLinks is not null)
        {
            Check(raw.sqlite3_bind_int64(_deleteLinks, 1, id));
            Step(_deleteLinks);
        }
        foreach (var link in links)
        {
            _links!.Add([id, .. link]);
        }
        _links?.Flush();
    }

    public void SetRetracted(long id, DateTime? at, string? reason)
    {
        FlushInserts();
        Bind(_retract, 1, [at?.ToString(DateTimeFormat, CultureInfo.InvariantCulture), reason]);
        Check(raw.sqlite3_bind_int64(_retract, 3, id));
        Step(_retract);
    }

    public void Audit(AuditEntry entry)
    {
        _audits.Add(
        [
            entry.At.ToString(DateTimeFormat, CultureInfo.InvariantCulture), entry.UserId, entry.UserName, entry.EntityType, (long)entry.EntityId,
            entry.EntityKey, KebabCase<AuditAction>.ToWord(entry.Action), entry.Changes, entry.Note, entry.BatchId,
        ]);
        if (_audits.Full)
        {
            FlushInserts();
        }
    }

    public void Flush() => FlushInserts();

    // Rows before the links and history that point to them.
    private void FlushInserts()
    {
        _inserts.Flush();
        _links?.Flush();
        _audits.Flush();
    }

    private void Bind(sqlite3_stmt statement, int first, string?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            Check(values[i] is { } value ? raw.sqlite3_bind_text(statement, first + i, value) : raw.sqlite3_bind_null(statement, first + i));
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

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_db, sql, out var statement));
        return statement;
    }

    public void Dispose()
    {
        _inserts.Dispose();
        _audits.Dispose();
        _links?.Dispose();
        _update.Dispose();
        _retract.Dispose();
        _deleteLinks?.Dispose();
        _cache.Dispose();
    }

    /// <summary>
    /// Rows for one table, written many to a statement (INSERT … VALUES (…), (…), …): as many as SQLite takes
    /// parameters for, up to 2,000. The full-text index writes out its pending words at the end of every statement
    /// that fires its triggers, so a statement per row costs five times as much, and 64 rows a statement still twice.
    /// </summary>
    private sealed class Batch(SqliteRowWriter writer, string table, string[] columns) : IDisposable
    {
        private const int MaxParameters = 30_000; // SQLite allows 32,766
        private readonly int RowsPerStatement = Math.Min(2_000, MaxParameters / columns.Length);
        private readonly List<object?> _values = new(Math.Min(2_000, MaxParameters / columns.Length) * columns.Length);
        private readonly Dictionary<int, sqlite3_stmt> _statements = [];

        public bool Full => _values.Count >= RowsPerStatement * columns.Length;

        public void Add(object?[] row) => _values.AddRange(row);

        public void Flush()
        {
            var rows = _values.Count / columns.Length;
            for (var done = 0; done < rows; done += RowsPerStatement)
            {
                var count = Math.Min(RowsPerStatement, rows - done);
                var statement = StatementFor(count);
                var offset = done * columns.Length;
                for (var i = 0; i < count * columns.Length; i++)
                {
                    writer.Check(_values[offset + i] switch
                    {
                        null => raw.sqlite3_bind_null(statement, i + 1),
                        long number => raw.sqlite3_bind_int64(statement, i + 1, number),
                        var text => raw.sqlite3_bind_text(statement, i + 1, (string)text),
                    });
                }
                writer.Step(statement);
            }
            _values.Clear();
        }

        private sqlite3_stmt StatementFor(int rows)
        {
            if (!_statements.TryGetValue(rows, out var statement))
            {
                var tuple = "(" + string.Join(", ", Enumerable.Repeat("?", columns.Length)) + ")";
                statement = writer.Prepare($"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES " +
                    string.Join(", ", Enumerable.Repeat(tuple, rows)));
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
