using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Identity;
using PeaceTalks.Web.Accounts;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Data;

public sealed class SeedOptions
{
    /// <summary>Folder with the seed CSV files, one per format (issues.csv, actors.csv, …). Relative paths start at the app's folder.</summary>
    public string Directory { get; set; } = "data";
}

/// <summary>Thrown when the app must not start: the database or a seed file is unusable. The message is one line naming what and where.</summary>
public sealed class DatabaseStartupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Creates or migrates the SQLite database, switches it to WAL, and seeds an empty database once.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<PeaceTalksDbContext> dbFactory,
    IOptions<SeedOptions> seedOptions,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitialiseAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var file = db.Database.GetDbConnection().DataSource;
        try
        {
            // WAL lets readers carry on while an import writes; the setting is stored in the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            // Migrate only when a migration is pending: MigrateAsync also compares the model with the last
            // migration's snapshot, which costs a fifth of a second of every start for nothing.
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        catch (SqliteException ex)
        {
            throw new DatabaseStartupException(
                $"Database file '{file}' cannot be used: {ex.Message.TrimEnd('.')}. Move it aside (or fix its permissions) and start again; a new database is created when the file is missing.", ex);
        }

        var seeded = await SeedAsync((SqliteConnection)db.Database.GetDbConnection(), cancellationToken);
        if (seeded > 0)
        {
            logger.LogInformation("Seeded {Rows} rows from {Directory} into {File}", seeded, SeedDirectory, file);
        }
        await EnsureRolesAsync(db, cancellationToken);
        if (await SetupCodes.EnsureAsync(db, cancellationToken) is { } code)
        {
            // Like Jenkins' initial admin password: whoever can read the server's console can make the first admin.
            logger.LogWarning("No administrator yet. Open /setup in the browser and enter this one-time setup code to create the first admin account: {SetupCode}", code);
        }
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
    private async Task<int> SeedAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE takes the write lock before looking, so two instances starting at once cannot both seed.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var check = connection.CreateCommand())
        {
            check.Transaction = transaction;
            check.CommandText = "SELECT EXISTS (SELECT 1 FROM Issues) OR EXISTS (SELECT 1 FROM Actors) OR EXISTS (SELECT 1 FROM Sources)";
            if ((long)(await check.ExecuteScalarAsync(cancellationToken))! != 0)
            {
                return 0;
            }
        }

        var files = CsvFormat.All
            .Select(format => Path.Combine(SeedDirectory, format.Name + ".csv"))
            .Where(File.Exists)
            .ToList();
        if (files.Count == 0)
        {
            logger.LogWarning("No seed files in {Directory}; starting with an empty database", SeedDirectory);
            return 0;
        }

        var streams = files.Select(path => (Path.GetFileName(path), (Stream)File.OpenRead(path))).ToList();
        try
        {
            var reports = await CsvImporter.ImportFilesAsync(connection, transaction, streams, Editor.System, cancellationToken);
            if (reports.FirstOrDefault(r => r.HasErrors) is { } failed)
            {
                var more = failed.Errors.Count > 1 ? $" (and {failed.Errors.Count - 1} more)" : "";
                throw new DatabaseStartupException(
                    $"Seed file '{failed.FileName}' is not valid: {failed.Errors[0]}{more}. Nothing was seeded.");
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
}
