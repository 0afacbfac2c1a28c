using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Data;

/// <summary>Thrown when another writer holds the database for longer than a write is willing to wait.</summary>
public sealed class DatabaseBusyException(string message, Exception inner) : Exception(message, inner);

/// <summary>The few things the write path does differently per database: taking the write lock and writing rows fast.</summary>
internal static class Database
{
    /// <summary>The PostgreSQL advisory lock every writer of the record takes (any number; this one spells "PTRECORD" in part).</summary>
    private const long WriteLockKey = 0x5054_5245_434F;

    /// <summary>How long a write waits for another to finish before it answers "busy".</summary>
    private static readonly TimeSpan WriteLockWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Begins a transaction that holds the database's write lock from its first statement (SQLite: BEGIN IMMEDIATE;
    /// PostgreSQL: a transaction-scoped advisory lock), so a write plans and writes against the same data and two
    /// writers never interleave, on one node or several.
    /// </summary>
    public static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (connection is NpgsqlConnection postgres)
        {
            var transaction = await postgres.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
            try
            {
                await using var command = new NpgsqlCommand(
                    $"SET LOCAL lock_timeout = '{(int)WriteLockWait.TotalMilliseconds}ms'; SELECT pg_advisory_xact_lock({WriteLockKey});",
                    postgres, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken);
                return transaction;
            }
            catch (Exception ex)
            {
                await transaction.DisposeAsync();
                if (IsBusy(ex))
                {
                    throw Busy(ex);
                }
                throw;
            }
        }
        try
        {
            return ((SqliteConnection)connection).BeginTransaction(deferred: false);
        }
        catch (SqliteException ex) when (IsBusy(ex))
        {
            throw Busy(ex);
        }
    }

    /// <summary>True when the exception says another writer held the database too long (or the two collided).</summary>
    public static bool IsBusy(Exception ex) => ex switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.SerializationFailure,
        _ => false,
    };

    public static DatabaseBusyException Busy(Exception inner) =>
        new("Another import or edit is being written right now. Try again in a moment; nothing was changed.", inner);

    /// <summary>A read transaction: everything read in it sees one state of the database.</summary>
    public static async Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection is NpgsqlConnection postgres
            ? await postgres.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken)
            : ((SqliteConnection)connection).BeginTransaction(deferred: true);

    public static IRowWriter RowWriter(DbConnection connection, DbTransaction transaction, DbTable table) =>
        connection is NpgsqlConnection postgres
            ? new PostgresRowWriter(postgres, (NpgsqlTransaction)transaction, table)
            : new SqliteRowWriter((SqliteConnection)connection, (SqliteTransaction)transaction, table);

    /// <summary>Where the database is, for a log line: the file, or host:port and database. Never the password.</summary>
    public static string Describe(DbConnection connection) => connection switch
    {
        NpgsqlConnection postgres => $"PostgreSQL at {postgres.Host}:{postgres.Port}, database '{postgres.Database}' (ConnectionStrings:PeaceTalks)",
        _ => $"Database file '{connection.DataSource}'",
    };

    /// <summary>Records what an import did once it has done it.</summary>
    public static async Task CompleteBatchAsync(DbConnection connection, DbTransaction transaction, long batchId, int rows, int added, int updated,
        int unchanged, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """UPDATE "ImportBatches" SET "Rows" = @rows, "Added" = @added, "Updated" = @updated, "Unchanged" = @unchanged WHERE "Id" = @id""";
        RecordWriter.AddParameter(command, "@rows", rows);
        RecordWriter.AddParameter(command, "@added", added);
        RecordWriter.AddParameter(command, "@updated", updated);
        RecordWriter.AddParameter(command, "@unchanged", unchanged);
        RecordWriter.AddParameter(command, "@id", batchId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Adds an import batch record and returns its id.</summary>
    public static async Task<long> AddBatchAsync(DbConnection connection, DbTransaction transaction, ImportBatch batch, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO "ImportBatches" ("At", "UserId", "UserName", "FileName", "Sha256", "Format", "Rows", "Added", "Updated", "Unchanged")
            VALUES (@at, @user, @name, @file, @sha, @format, @rows, @added, @updated, @unchanged) RETURNING "Id"
            """;
        RecordWriter.AddParameter(command, "@at", batch.At);
        RecordWriter.AddParameter(command, "@user", (object?)batch.UserId ?? DBNull.Value);
        RecordWriter.AddParameter(command, "@name", batch.UserName);
        RecordWriter.AddParameter(command, "@file", batch.FileName);
        RecordWriter.AddParameter(command, "@sha", batch.Sha256);
        RecordWriter.AddParameter(command, "@format", batch.Format);
        RecordWriter.AddParameter(command, "@rows", batch.Rows);
        RecordWriter.AddParameter(command, "@added", batch.Added);
        RecordWriter.AddParameter(command, "@updated", batch.Updated);
        RecordWriter.AddParameter(command, "@unchanged", batch.Unchanged);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>Writes the rows of one table, their link rows and their audit entries.</summary>
internal interface IRowWriter : IDisposable
{
    /// <summary>Adds a row (version 1) with its links; returns its id.</summary>
    long Insert(string?[] values, IReadOnlyList<string?[]> links);

    /// <summary>Replaces a row's values and links and bumps its version.</summary>
    void Update(long id, string?[] values, IReadOnlyList<string?[]> links);

    /// <summary>Marks a row retracted (at, reason) or live again (nulls), and bumps its version.</summary>
    void SetRetracted(long id, DateTime? at, string? reason);

    void Audit(AuditEntry entry);

    /// <summary>Writes out rows still held for a many-row statement; called before the transaction commits.</summary>
    void Flush();
}
