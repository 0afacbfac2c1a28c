using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Identity;
using PeaceTalks.Web.Accounts;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Records;
using PeaceTalks.Web.Models;

using PeaceTalks.Web.Data;

namespace PeaceTalks.Web.Extensions;

/// <summary>Creates or migrates the database (SQLite: in WAL mode), and seeds an empty database once.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<PeaceTalksDbContext> dbFactory,
    IOptions<SeedOptions> seedOptions,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitialiseAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var where = db.Dialect.Describe(db.Database.GetDbConnection());
        IAsyncDisposable? startupLock = null;
        try
        {
            try
            {
                // Migrate only when the database is new or a migration is pending: MigrateAsync also compares the model
                // with the last migration's snapshot, which costs a fifth of a second of every start for nothing.
                var creator = db.Database.GetService<IRelationalDatabaseCreator>();
                startupLock = await StartupLockAsync(db, creator, cancellationToken);
                if (!await creator.ExistsAsync(cancellationToken) || (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
                {
                    await db.Database.MigrateAsync(cancellationToken);
                }
                await db.Database.OpenConnectionAsync(cancellationToken);
                if (db.Dialect == SqlDialect.Sqlite)
                {
                    // WAL lets readers carry on while an import writes; the setting is stored in the file.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
                }
            }
            catch (SqliteException ex)
            {
                throw new DatabaseStartupException(
                    $"{where} cannot be used: {ex.Message.TrimEnd('.')}. Move it aside (or fix its permissions) and start again; a new database is created when the file is missing.", ex);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException || ex.InnerException is Npgsql.NpgsqlException)
            {
                var reason = (ex as Npgsql.NpgsqlException ?? ex.InnerException as Npgsql.NpgsqlException)?.Message ?? ex.Message;
                throw new DatabaseStartupException(
                    $"{where} cannot be used: {reason.TrimEnd('.')}. Check ConnectionStrings:PeaceTalks (host, port, database, user, password) and that the server is running.", ex);
            }

            var seeded = await SeedAsync(db, cancellationToken);
            if (seeded > 0)
            {
                logger.LogInformation("Seeded {Rows} rows from {Directory} into {Database}", seeded, SeedDirectory, where);
            }
            await EnsureRolesAsync(db, cancellationToken);
            if (await SetupCodes.EnsureAsync(db, cancellationToken) is { } code)
            {
                // Like Jenkins' initial admin password: whoever can read the server's console can make the first admin.
                logger.LogWarning("No administrator yet. Open /setup in the browser and enter this one-time setup code to create the first admin account: {SetupCode}", code);
            }
        }
        finally
        {
            if (startupLock is not null)
            {
                await startupLock.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// On PostgreSQL, one node at a time migrates, seeds and adds the roles: EF Core's own migration lock is taken only
    /// once the history table exists, so two nodes starting on a new database would both create the schema, and then
    /// both add the roles. A session-level advisory lock on a connection of its own covers the whole start.
    /// On SQLite EF Core's lock and the seed's write transaction are enough.
    /// </summary>
    private static async Task<IAsyncDisposable?> StartupLockAsync(PeaceTalksDbContext db, IRelationalDatabaseCreator creator,
        CancellationToken cancellationToken)
    {
        if (db.Dialect != SqlDialect.Postgres)
        {
            return null;
        }
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
            {
                // Another node created it a moment ago.
            }
        }
        var connection = new Npgsql.NpgsqlConnection(
            new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using (var command = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock(7206141)" /* not the record's write lock: seeding takes that one inside */, connection))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        // Closing the unpooled connection ends the session and with it the lock.
        return connection;
    }

    /// <summary>The three roles exist in every database; users are never seeded.</summary>
    private static async Task EnsureRolesAsync(PeaceTalksDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        foreach (var role in AppRoles.All.Except(existing))
        {
            db.Roles.Add(new IdentityRole(role!) { NormalizedName = role!.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private string SeedDirectory => Path.GetFullPath(seedOptions.Value.Directory, AppContext.BaseDirectory);

    /// <summary>Loads the seed files into an empty database in one transaction; returns the rows added (0 when it already had data).</summary>
    private async Task<int> SeedAsync(PeaceTalksDbContext db, CancellationToken cancellationToken)
    {
        // The write lock is taken before looking, so two nodes starting at once cannot both seed.
        await using var transaction = await db.Dialect.BeginWriteAsync(db.Database.GetDbConnection(), cancellationToken);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        try
        {
            return await SeedAsync(db, transaction, cancellationToken);
        }
        finally
        {
            // The context goes on (roles, setup code) after this transaction has ended.
            await db.Database.UseTransactionAsync(null, cancellationToken);
        }
    }

    private async Task<int> SeedAsync(PeaceTalksDbContext db, System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (await db.Issues.IgnoreQueryFilters().AnyAsync(cancellationToken) || await db.Actors.IgnoreQueryFilters().AnyAsync(cancellationToken)
            || await db.Sources.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return 0;
        }

        var files = RecordTypes.All
            .Select(type => Path.Combine(SeedDirectory, type.Name + ".csv"))
            .Where(File.Exists)
            .Where(HasRows)
            .ToList();
        if (files.Count == 0)
        {
            logger.LogWarning("No seed files in {Directory}; starting with an empty database", SeedDirectory);
            return 0;
        }

        var streams = files.Select(path => (Path.GetFileName(path), (Stream)File.OpenRead(path))).ToList();
        try
        {
            var reports = await CsvImporter.ImportFilesAsync(db, streams, Editor.System, cancellationToken);
            if (reports.FirstOrDefault(r => r.HasErrors) is { } failed)
            {
                var more = failed.Errors.Count > 1 ? $" (and {failed.Errors.Count - 1} more)" : "";
                throw new DatabaseStartupException(
                    $"Seed file '{failed.FileName}' is not valid: {failed.Errors[0].ToString().TrimEnd('.')}{more}. Nothing was seeded.");
            }
            await transaction.CommitAsync(cancellationToken);
            return reports.Sum(r => r.Added);
        }
        finally
        {
            foreach (var (_, stream) in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    /// <summary>A seed file with only its header is an empty table, left out rather than refused.</summary>
    private static bool HasRows(string path)
    {
        using var reader = new StreamReader(path);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                return true;
            }
        }
        return false;
    }
}
