using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Extensions;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Tests.Infrastructure;

namespace PeaceTalks.Web.Tests.Data;

public sealed class SeedTests
{
    // issues, actors, sources, meetings, statements, positions, statement issues, participants, evidence
    private static readonly int[] SeededCounts = [6, 10, 3, 2, 12, 12, 13, 4, 14];

    private static async Task<int[]> CountsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return
        [
            await db.Issues.CountAsync(), await db.Actors.CountAsync(), await db.Sources.CountAsync(), await db.Meetings.CountAsync(),
            await db.Statements.CountAsync(), await db.Positions.CountAsync(), await db.StatementIssues.CountAsync(),
            await db.MeetingParticipants.CountAsync(), await db.PositionEvidence.CountAsync(),
        ];
    }

    [Fact]
    public async Task SeedingLoadsTheArticleDataSetOnceAndASecondStartAddsNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var first = await CountsAsync(database);

        await database.Initializer(RepoPaths.SeedData).InitialiseAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SeededCounts, first);
        Assert.Equal(first, await CountsAsync(database));
    }

    [Fact]
    public async Task TwoStartsAtOnceSeedOnlyOnce()
    {
        await using var database = TestDatabase.CreateEmptyFile();

        await Task.WhenAll(
            Task.Run(() => database.Initializer(RepoPaths.SeedData).InitialiseAsync()),
            Task.Run(() => database.Initializer(RepoPaths.SeedData).InitialiseAsync()));

        Assert.Equal(SeededCounts, await CountsAsync(database));
    }

    [Fact]
    public async Task TheSeedKeepsTheArticlesDatesAtTheirPrecision()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();

        var gazette = await db.Statements.AsNoTracking().Include(s => s.ViaSource).SingleAsync(s => s.Key == "pompeo-never-give-an-inch", ct);
        Assert.Equal((new DateOnly(2025, 5, 1), DatePrecision.Month), (gazette.Date, gazette.DatePrecision));
        Assert.Equal("Harvard Gazette", gazette.ViaSource!.Outlet);

        var post = await db.Statements.AsNoTracking().SingleAsync(s => s.Key == "pompeo-x-post-2025-12-02", ct);
        Assert.Equal((new DateOnly(2025, 12, 2), DateBasis.On, Channel.XPost, Attribution.FirstHand), (post.Date, post.DateBasis, post.Channel, post.Attribution));

        var moscow = await db.Meetings.AsNoTracking().Include(m => m.Participants).ThenInclude(p => p.Actor)
            .SingleAsync(m => m.Slug == "moscow-talks-2025-12-02", ct);
        Assert.Equal(300, moscow.DurationMinutes);
        Assert.Equal(["jared-kushner", "steve-witkoff", "vladimir-putin"], moscow.Participants.Select(p => p.Actor.Slug).Order());

        // Ushakov's words reached the article through CNN; the article does not say on which day he spoke.
        var ushakov = await db.Statements.AsNoTracking().Include(s => s.ViaSource).Where(s => s.Actor.Slug == "yuri-ushakov").ToListAsync(ct);
        Assert.Equal(3, ushakov.Count);
        Assert.All(ushakov, s => Assert.Equal(("CNN", Attribution.Reported, DateBasis.OnOrBefore), (s.ViaSource!.Outlet, s.Attribution, s.DateBasis)));
    }

    [Fact]
    public void EveryVerbatimQuoteInTheSeedAppearsInTheArticle()
    {
        if (!File.Exists(RepoPaths.Article))
        {
            // On a user's machine the article may not be beside the checkout; CI always has it.
            Assert.False(RepoPaths.IsCi, $"The seed article is missing at {RepoPaths.Article}; CI must have it.");
            Assert.Skip($"The seed article is not at {RepoPaths.Article}, so the quotes cannot be checked against it.");
        }
        var article = File.ReadAllText(RepoPaths.Article, Encoding.UTF8);
        var quotes = SeedCsv.Rows(Path.Combine(RepoPaths.DataFolder, "statements.csv"))
            .Where(row => row["kind"] == "quote")
            .Select(row => row["text"])
            .ToList();

        Assert.NotEmpty(quotes);
        Assert.All(quotes, quote => Assert.Contains(quote, article, StringComparison.Ordinal));
        // The typographic dash in Pompeo's post survives as written.
        Assert.Contains(quotes, q => q.Contains("America's interests – and those of our partners", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASeedFileWithABadRowStopsStartUpNamingFileRowAndProblemAndSeedsNothing()
    {
        var seed = Directory.CreateTempSubdirectory("peacetalks-seed-").FullName;
        foreach (var file in Directory.GetFiles(RepoPaths.SeedData, "*.csv"))
        {
            File.Copy(file, Path.Combine(seed, Path.GetFileName(file)));
        }
        var statements = Path.Combine(seed, "statements.csv");
        var lines = File.ReadAllText(statements).Split("\r\n");
        var bad = Array.FindIndex(lines, l => l.StartsWith("pompeo-x-post-2025-12-02,", StringComparison.Ordinal));
        lines[bad] = lines[bad].Replace(",2025-12-02,day,on,", ",2025-13-45,day,on,");
        File.WriteAllText(statements, string.Join("\r\n", lines));
        await using var database = TestDatabase.CreateEmptyFile();

        var error = await Assert.ThrowsAsync<DatabaseStartupException>(() => database.Initializer(seed).InitialiseAsync());

        Assert.Contains("statements.csv", error.Message);
        Assert.Contains($"row {bad + 1}, column date: '2025-13-45' is not a date (expected YYYY-MM-DD)", error.Message);
        Assert.Contains("Nothing was seeded", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(new int[9], await CountsAsync(database));
    }

    [Fact]
    public async Task AnUnreachablePostgreSqlStopsStartUpNamingTheHostAndTheSetting()
    {
        // Nothing listens on this port (taken and let go): no server is needed to see what start-up says.
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }
        var settings = PeaceTalks.Web.Data.DatabaseSettings.Postgres($"Host=127.0.0.1;Port={port};Database=peacetalks;Username=nobody;Timeout=3");
        await using var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddLogging()
            .AddPeaceTalksServices(settings).BuildServiceProvider();
        var initializer = new DatabaseInitializer(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PeaceTalks.Web.Data.PeaceTalksDbContext>>(services),
            Microsoft.Extensions.Options.Options.Create(new SeedOptions { Directory = RepoPaths.SeedData }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseInitializer>.Instance);

        var error = await Assert.ThrowsAsync<DatabaseStartupException>(() => initializer.InitialiseAsync());

        Assert.Contains($"127.0.0.1:{port}", error.Message);
        Assert.Contains("ConnectionStrings:PeaceTalks", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AnUnknownProviderNameIsRefusedWithTheValidOnes()
    {
        var error = Assert.Throws<DatabaseStartupException>(() => PeaceTalks.Web.Data.DatabaseSettings.ParseProvider("Oracle"));

        Assert.Contains("'Oracle'", error.Message);
        Assert.Contains("Sqlite, Postgres", error.Message);
        Assert.Equal(PeaceTalks.Web.Data.DatabaseProvider.Postgres, PeaceTalks.Web.Data.DatabaseSettings.ParseProvider("postgres"));
        Assert.Equal(PeaceTalks.Web.Data.DatabaseProvider.Sqlite, PeaceTalks.Web.Data.DatabaseSettings.ParseProvider(null));
    }

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task ACorruptDatabaseFileStopsStartUpNamingTheFile()
    {
        await using var database = TestDatabase.CreateEmptyFile();
        await File.WriteAllTextAsync(database.FilePath, new string('x', 8192), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<DatabaseStartupException>(() => database.Initializer(RepoPaths.SeedData).InitialiseAsync());

        Assert.Contains(database.FilePath, error.Message);
        Assert.Contains("not a database", error.Message);
        Assert.Equal(new string('x', 8192), await File.ReadAllTextAsync(database.FilePath, TestContext.Current.CancellationToken));
    }
}

/// <summary>Reads a committed CSV file by header name, independent of the importer under test.</summary>
internal static class SeedCsv
{
    public static IEnumerable<Dictionary<string, string>> Rows(string path)
    {
        using var reader = CsvHelper.CsvReader.FromFile(path);
        var header = reader.Headers.ToArray();
        while (reader.Read())
        {
            var row = new Dictionary<string, string>();
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = reader.GetString(i);
            }
            yield return row;
        }
    }
}
