using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Extensions;

namespace PeaceTalks.Web.Tests.Infrastructure;

/// <summary>
/// A real SQLite database file in a temporary folder, migrated (and seeded from data/ unless asked not to),
/// with the app's own services registered over it. Deleted on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder;

    private TestDatabase(string folder)
    {
        _folder = folder;
        FilePath = Path.Combine(folder, "peacetalks.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, DefaultTimeout = 30 }.ToString();
        Services = new ServiceCollection()
            .AddLogging()
            .AddPeaceTalksServices(ConnectionString)
            .BuildServiceProvider();
    }

    public string FilePath { get; }
    public string ConnectionString { get; }
    public ServiceProvider Services { get; }
    public IDbContextFactory<PeaceTalksDbContext> Factory => Services.GetRequiredService<IDbContextFactory<PeaceTalksDbContext>>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static TestDatabase CreateEmptyFile() =>
        new(Directory.CreateTempSubdirectory("peacetalks-test-").FullName);

    /// <summary>A migrated database: seeded from the shipped data/ files, or from <paramref name="seedDirectory"/>, or left empty.</summary>
    public static async Task<TestDatabase> CreateAsync(bool seed = true, string? seedDirectory = null)
    {
        var db = CreateEmptyFile();
        await db.Initializer(seed ? seedDirectory ?? RepoPaths.SeedData : db._folder).InitialiseAsync();
        return db;
    }

    /// <summary>A start-up initializer over this file that seeds from <paramref name="seedDirectory"/>.</summary>
    public DatabaseInitializer Initializer(string seedDirectory) => new(
        Factory, Options.Create(new SeedOptions { Directory = seedDirectory }), NullLogger<DatabaseInitializer>.Instance);

    public PeaceTalksDbContext CreateContext() => Factory.CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
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
