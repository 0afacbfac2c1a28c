using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace PeaceTalks.Web.Data;

/// <summary>Thrown when another writer holds the database for longer than a write is willing to wait.</summary>
public sealed class DatabaseBusyException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// What SQLite and PostgreSQL do differently, in one place per provider: taking the write lock, a consistent read,
/// writing many rows fast, full-text search, and what their errors mean. Everything else is EF Core's.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>How long a write waits for another to finish before it answers "busy".</summary>
    protected static readonly TimeSpan WriteLockWait = TimeSpan.FromSeconds(30);

    public static SqlDialect Sqlite { get; } = new SqliteDialect();

    public static SqlDialect Postgres { get; } = new PostgresDialect();

    /// <summary>
    /// Begins a transaction that holds the database's write lock from its first statement (SQLite: BEGIN IMMEDIATE;
    /// PostgreSQL: a transaction-scoped advisory lock), so a write plans and writes against the same data and two
    /// writers never interleave, on one node or several. Throws <see cref="DatabaseBusyException"/> after the wait.
    /// </summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A read transaction: everything read in it sees one state of the database.</summary>
    public abstract Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Writes many new rows fast, inside the caller's write transaction.</summary>
    internal abstract BulkWriter BulkWriter(DbConnection connection, DbTransaction transaction);

    /// <summary>Where the database is, for a log line: the file, or host:port and database. Never the password.</summary>
    public abstract string Describe(DbConnection connection);

    /// <summary>Ids of the rows of a full-text table (StatementSearch, MeetingSearch, ActorSearch) that match the words.</summary>
    /// <param name="table">One of the search tables the migrations create; never input.</param>
    /// <param name="query">The words as this dialect's query text.</param>
    internal abstract FormattableString SearchIds(string table, string query);

    /// <summary>The same, best matches first, at most <paramref name="take"/>.</summary>
    internal abstract FormattableString RankedSearchIds(string table, string query, int take);

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

    /// <summary>True when the database (a PostgreSQL server, usually) cannot be reached or dropped the connection.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = (Exception?)exception; e is not null; e = e.InnerException)
        {
            if (e is System.Net.Sockets.SocketException or TimeoutException
                || e is NpgsqlException { IsTransient: true }
                || e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" }) // shutting down, crash, cannot connect now
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True for an error from the database driver itself (as opposed to the app's own code).</summary>
    public static bool IsDatabaseError(Exception ex) => ex is DbException || ex.InnerException is DbException;

    private sealed class SqliteDialect : SqlDialect
    {
        public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
        {
            try
            {
                return Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
            }
            catch (SqliteException ex) when (IsBusy(ex))
            {
                throw Busy(ex);
            }
        }

        public override Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
            Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

        internal override BulkWriter BulkWriter(DbConnection connection, DbTransaction transaction) =>
            new SqliteBulkWriter((SqliteConnection)connection, (SqliteTransaction)transaction);

        public override string Describe(DbConnection connection) => $"Database file '{connection.DataSource}'";

        internal override FormattableString SearchIds(string table, string query) =>
            FormattableStringFactory.Create($$"""SELECT rowid AS "Value" FROM {{table}} WHERE {{table}} MATCH {0}""", query);

        internal override FormattableString RankedSearchIds(string table, string query, int take) =>
            FormattableStringFactory.Create($$"""SELECT rowid AS "Value" FROM {{table}} WHERE {{table}} MATCH {0} ORDER BY rank LIMIT {{take}}""", query);
    }

    private sealed class PostgresDialect : SqlDialect
    {
        /// <summary>The advisory lock every writer of the record takes (any number; this one spells "PTRECORD" in part).</summary>
        private const long WriteLockKey = 0x5054_5245_434F;

        public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
        {
            var postgres = (NpgsqlConnection)connection;
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

        public override async Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
            await ((NpgsqlConnection)connection).BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);

        internal override BulkWriter BulkWriter(DbConnection connection, DbTransaction transaction) =>
            new PostgresBulkWriter((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);

        public override string Describe(DbConnection connection) => connection is NpgsqlConnection postgres
            ? $"PostgreSQL at {postgres.Host}:{postgres.Port}, database '{postgres.Database}' (ConnectionStrings:PeaceTalks)"
            : connection.DataSource;

        // The words are folded by the database with the same unaccent() and 'simple' configuration its index used.
        internal override FormattableString SearchIds(string table, string query) =>
            FormattableStringFactory.Create($$"""SELECT "Id" AS "Value" FROM "{{table}}" WHERE "Document" @@ to_tsquery('simple', unaccent({0}))""", query);

        internal override FormattableString RankedSearchIds(string table, string query, int take) =>
            FormattableStringFactory.Create($$"""
                SELECT "Id" AS "Value" FROM "{{table}}", to_tsquery('simple', unaccent({0})) q WHERE "Document" @@ q
                ORDER BY ts_rank("Document", q, 1) DESC, "Id" LIMIT {{take}}
                """, query);
    }
}

/// <summary>The columns of one table as the bulk writers fill them: names and value conversions from the EF model.</summary>
internal sealed class BulkTable
{
    public BulkTable(IEntityType entityType)
    {
        EntityType = entityType;
        Name = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(Name, entityType.GetSchema());
        Columns = [.. entityType.GetProperties().Where(p => p.GetColumnName(store) is not null)];
        ColumnNames = [.. Columns.Select(p => p.GetColumnName(store)!)];
        var key = entityType.FindPrimaryKey()!.Properties;
        GeneratedKey = key is [{ ValueGenerated: ValueGenerated.OnAdd } id] ? id : null;
        _getters = [.. Columns.Select(p => p.GetGetter())];
    }

    private readonly IClrPropertyGetter[] _getters;

    public IEntityType EntityType { get; }

    public string Name { get; }

    /// <summary>Every mapped property, in the model's order; values are passed in this order.</summary>
    public IReadOnlyList<IProperty> Columns { get; }

    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The database-generated id, which the bulk writers hand out themselves under the write lock.</summary>
    public IProperty? GeneratedKey { get; }

    public int IndexOf(string propertyName)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == propertyName)
            {
                return i;
            }
        }
        throw new ArgumentException($"{EntityType.DisplayName()} has no property {propertyName}.", nameof(propertyName));
    }

    /// <summary>An entity's values in column order.</summary>
    public object?[] ValuesOf(object entity)
    {
        var values = new object?[Columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _getters[i].GetClrValue(entity);
        }
        return values;
    }

    /// <summary>A model value as the database stores it (enums as their words, through the model's converters).</summary>
    public object? ToProvider(int column, object? value)
    {
        if (value is null)
        {
            return null;
        }
        var converter = Columns[column].GetValueConverter() ?? Columns[column].GetTypeMapping().Converter;
        return converter is null ? value : converter.ConvertToProvider(value);
    }
}

/// <summary>
/// Adds many rows to several tables inside one write transaction. Rows are held and written in batches, tables in the
/// order they were first used (so rows go in before the links and history that point to them).
/// </summary>
internal abstract class BulkWriter : IDisposable
{
    private readonly Dictionary<IEntityType, BulkTable> _tables = [];

    public BulkTable Table(IEntityType entityType)
    {
        if (!_tables.TryGetValue(entityType, out var table))
        {
            _tables[entityType] = table = new BulkTable(entityType);
            Register(table);
        }
        return table;
    }

    /// <summary>The first id not yet used by the table (nor handed out before by its sequence).</summary>
    public abstract long NextId(BulkTable table);

    /// <summary>Holds an entity's row for writing.</summary>
    public void Add(BulkTable table, object entity) => Add(table, table.ValuesOf(entity));

    /// <summary>Holds a row (model values in <see cref="BulkTable.Columns"/> order) for writing.</summary>
    protected abstract void Add(BulkTable table, object?[] values);

    /// <summary>Writes out every row held.</summary>
    public abstract void Flush();

    /// <summary>Writes out every row held and leaves the tables ready for other writers (e.g. moves sequences). Call before committing.</summary>
    public abstract void Complete();

    protected abstract void Register(BulkTable table);

    public abstract void Dispose();
}
