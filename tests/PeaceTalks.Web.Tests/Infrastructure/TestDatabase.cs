using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Extensions;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Tests.Infrastructure;

/// <summary>
/// A real database for one test, with the app's own services registered over it, deleted on dispose: a SQLite file in
/// a temporary folder, or (PEACETALKS_TEST_PROVIDER=Postgres) a database of its own on the PostgreSQL server named by
/// PEACETALKS_TEST_POSTGRES (see .ci/with-postgres), copied from a migrated template.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string? _postgresName;

    private TestDatabase(string folder, string? postgresName)
    {
        _folder = folder;
        _postgresName = postgresName;
        FilePath = Path.Combine(folder, "peacetalks.db");
        ConnectionString = postgresName is null
            ? new SqliteConnectionStringBuilder { DataSource = FilePath, DefaultTimeout = 30 }.ToString()
            : TestPostgres.ConnectionString(postgresName);
        Settings = postgresName is null ? DatabaseSettings.Sqlite(ConnectionString) : DatabaseSettings.Postgres(ConnectionString);
        Services = new ServiceCollection()
            .AddLogging()
            .AddPeaceTalksServices(Settings)
            .BuildServiceProvider();
    }

    /// <summary>The provider these tests run on (PEACETALKS_TEST_PROVIDER, SQLite when unset).</summary>
    public static DatabaseProvider Provider => TestPostgres.Enabled ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>The SQLite file (also a scratch folder beside it on PostgreSQL).</summary>
    public string FilePath { get; }
    public string ConnectionString { get; }
    public DatabaseSettings Settings { get; }
    public ServiceProvider Services { get; }
    public IDbContextFactory<PeaceTalksDbContext> Factory => Services.GetRequiredService<IDbContextFactory<PeaceTalksDbContext>>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>An existing database: a SQLite file in <paramref name="folder"/> (peacetalks.db), or a PostgreSQL database by name.</summary>
    public static TestDatabase Open(string folder, string? postgresName) => new(folder, postgresName);

    /// <summary>The PostgreSQL database's name, or null on SQLite.</summary>
    public string? PostgresName => _postgresName;

    /// <summary>A database with nothing in it, not even tables (SQLite: no file yet; PostgreSQL: no database yet).</summary>
    public static TestDatabase CreateEmptyFile() => new(Directory.CreateTempSubdirectory("peacetalks-test-").FullName,
        TestPostgres.Enabled ? TestPostgres.NewName() : null);

    /// <summary>A migrated database: seeded from the shipped data/ files, or from <paramref name="seedDirectory"/>, or left empty.</summary>
    public static async Task<TestDatabase> CreateAsync(bool seed = true, string? seedDirectory = null)
    {
        var folder = Directory.CreateTempSubdirectory("peacetalks-test-").FullName;
        TestDatabase db;
        if (TestPostgres.Enabled)
        {
            db = new TestDatabase(folder, await TestPostgres.CreateFromTemplateAsync());
        }
        else
        {
            db = new TestDatabase(folder, null);
        }
        await db.Initializer(seed ? seedDirectory ?? RepoPaths.SeedData : db._folder).InitialiseAsync();
        return db;
    }

    /// <summary>
    /// A database of synthetic data (the benchmark's generator). The generator writes SQLite; on PostgreSQL its tables
    /// are exported as CSV and imported through the app's importer, as a newsroom would move its data across.
    /// </summary>
    public static async Task<TestDatabase> CreateSyntheticAsync(PeaceTalks.Benchmarks.SyntheticSize size)
    {
        var sqlite = new TestDatabase(Directory.CreateTempSubdirectory("peacetalks-test-").FullName, null);
        await PeaceTalks.Benchmarks.SyntheticData.GenerateAsync(sqlite.FilePath, size);
        // Roles and the other start-up work; the file is not empty, so nothing is seeded.
        await sqlite.Initializer(sqlite._folder).InitialiseAsync();
        if (!TestPostgres.Enabled)
        {
            return sqlite;
        }
        await using (sqlite)
        {
            var files = await Csv.CsvTestFiles.ExportAllAsync(sqlite);
            var postgres = await CreateAsync(seed: false);
            foreach (var table in Csv.CsvTestFiles.TableOrder.Where(t => !Csv.CsvTestFiles.HeaderOnly(files[t])))
            {
                var report = await postgres.Get<PeaceTalks.Web.Csv.CsvImporter>()
                    .ImportAsync(new MemoryStream(files[table]), table + ".csv", PeaceTalks.Web.Records.Editor.System);
                if (!report.Written)
                {
                    throw new InvalidOperationException($"{table}.csv did not import: {string.Join("; ", report.Errors.Take(3))}");
                }
            }
            return postgres;
        }
    }

    /// <summary>A start-up initializer over this database that seeds from <paramref name="seedDirectory"/>.</summary>
    public DatabaseInitializer Initializer(string seedDirectory) => new(
        Factory, Options.Create(new SeedOptions { Directory = seedDirectory }), NullLogger<DatabaseInitializer>.Instance);

    public PeaceTalksDbContext CreateContext() => Factory.CreateDbContext();

    /// <summary>An open connection of the provider's own kind, for tests that write or check SQL by hand.</summary>
    public async Task<DbConnection> OpenConnectionAsync()
    {
        DbConnection connection = _postgresName is null ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_postgresName is null)
        {
            SqliteConnection.ClearAllPools();
        }
        else
        {
            await TestPostgres.DropAsync(_postgresName);
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere stays behind in the temp folder; it is not worth failing a test for.
        }
    }
}

/// <summary>
/// The PostgreSQL server the tests use when PEACETALKS_TEST_PROVIDER=Postgres: each test gets a database of its own,
/// copied (CREATE DATABASE … TEMPLATE) from one migrated once per test run, which takes a fraction of migrating.
/// </summary>
public static class TestPostgres
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    public static bool Enabled =>
        string.Equals(Environment.GetEnvironmentVariable("PEACETALKS_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server's superuser connection string, from .ci/with-postgres.</summary>
    public static string AdminConnectionString => Environment.GetEnvironmentVariable("PEACETALKS_TEST_POSTGRES") is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            "PEACETALKS_TEST_PROVIDER=Postgres but PEACETALKS_TEST_POSTGRES is not set: run the tests through `bash .ci/with-postgres …`.");

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = true, MaxPoolSize = 20 }.ToString();

    public static string NewName() => $"pt_{Guid.NewGuid():N}";

    public static async Task<string> CreateFromTemplateAsync()
    {
        var template = await TemplateAsync();
        var name = NewName();
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return name;
    }

    public static async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(name)));
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task<string> TemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is null)
            {
                var name = $"pt_template_{Guid.NewGuid():N}";
                var options = new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(ConnectionString(name)).Options;
                await using (var db = new PostgresDbContext(options))
                {
                    await db.Database.MigrateAsync();
                }
                // A template must have no one connected to it while it is copied.
                NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(name)));
                _template = name;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
            }
            return _template;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
