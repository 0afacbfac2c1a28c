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
    private readonly sqlite3_stmt _insert;
    private readonly sqlite3_stmt _update;
    private readonly sqlite3_stmt _retract;
    private readonly sqlite3_stmt _audit;
    private readonly sqlite3_stmt? _insertLink;
    private readonly sqlite3_stmt? _deleteLinks;
    private readonly LargePageCache _cache;
    private long _nextId;

    public SqliteRowWriter(SqliteConnection connection, SqliteTransaction transaction, DbTable table)
    {
        _db = connection.Handle!;
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        _insert = Prepare($"INSERT INTO \"{table.Name}\" (\"Id\", \"Version\", {columns}) VALUES (?1, 1, {Placeholders(2, table.Columns.Length)})");
        _update = Prepare($"UPDATE \"{table.Name}\" SET {string.Join(", ", table.Columns.Select((c, i) => $"\"{c.Name}\" = ?{i + 1}"))}, " +
            $"\"Version\" = \"Version\" + 1 WHERE \"Id\" = ?{table.Columns.Length + 1}");
        _retract = Prepare($"UPDATE \"{table.Name}\" SET \"RetractedAt\" = ?1, \"RetractedReason\" = ?2, \"Version\" = \"Version\" + 1 WHERE \"Id\" = ?3");
        _audit = Prepare("INSERT INTO \"AuditEntries\" (\"At\", \"UserId\", \"UserName\", \"EntityType\", \"EntityId\", \"EntityKey\", \"Action\", " +
            "\"Changes\", \"Note\", \"BatchId\") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        if (table.Links is { } links)
        {
            _insertLink = Prepare($"INSERT INTO \"{links.Name}\" (\"{links.OwnerColumn}\", {string.Join(", ", links.Columns.Select(c => $"\"{c.Name}\""))}) " +
                $"VALUES (?1, {Placeholders(2, links.Columns.Length)})");
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

    private static string Placeholders(int first, int count) => string.Join(", ", Enumerable.Range(first, count).Select(i => $"?{i}"));

    public long Insert(string?[] values, IReadOnlyList<string?[]> links)
    {
        var id = _nextId++;
        Check(raw.sqlite3_bind_int64(_insert, 1, id));
        Bind(_insert, 2, values);
        Step(_insert);
        InsertLinks(id, links);
        return id;
    }

    public void Update(long id, string?[] values, IReadOnlyList<string?[]> links)
    {
        Bind(_update, 1, values);
        Check(raw.sqlite3_bind_int64(_update, values.Length + 1, id));
        Step(_update);
        if (_deleteLinks is not null)
        {
            Check(raw.sqlite3_bind_int64(_deleteLinks, 1, id));
            Step(_deleteLinks);
        }
        InsertLinks(id, links);
    }

    public void SetRetracted(long id, DateTime? at, string? reason)
    {
        Bind(_retract, 1, [at?.ToString(DateTimeFormat, CultureInfo.InvariantCulture), reason]);
        Check(raw.sqlite3_bind_int64(_retract, 3, id));
        Step(_retract);
    }

    public void Audit(AuditEntry entry)
    {
        Bind(_audit, 1,
        [
            entry.At.ToString(DateTimeFormat, CultureInfo.InvariantCulture), entry.UserId, entry.UserName, entry.EntityType,
        ]);
        Check(raw.sqlite3_bind_int64(_audit, 5, entry.EntityId));
        Bind(_audit, 6, [entry.EntityKey, KebabCase<AuditAction>.ToWord(entry.Action), entry.Changes, entry.Note]);
        Check(entry.BatchId is { } batch ? raw.sqlite3_bind_int64(_audit, 10, batch) : raw.sqlite3_bind_null(_audit, 10));
        Step(_audit);
    }

    private void InsertLinks(long owner, IReadOnlyList<string?[]> links)
    {
        foreach (var link in links)
        {
            Check(raw.sqlite3_bind_int64(_insertLink!, 1, owner));
            Bind(_insertLink!, 2, link);
            Step(_insertLink!);
        }
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
        _insert.Dispose();
        _update.Dispose();
        _retract.Dispose();
        _audit.Dispose();
        _insertLink?.Dispose();
        _deleteLinks?.Dispose();
        _cache.Dispose();
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
