using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Services;

namespace PeaceTalks.Web.Extensions;

public static class HostingExtensions
{
    /// <summary>Everything PeaceTalks registers: database, options and the per-feature services.</summary>
    public static IHostApplicationBuilder AddPeaceTalks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPeaceTalksServices(SqliteConnectionString(builder));
        builder.Services.AddOptions<SeedOptions>().BindConfiguration("Seed");
        builder.Services.AddOptions<ImportOptions>().BindConfiguration("Import");
        builder.Services.AddMudServices();
        return builder;
    }

    /// <summary>The services over one SQLite database; the tests build the same set over their own files.</summary>
    public static IServiceCollection AddPeaceTalksServices(this IServiceCollection services, string connectionString)
    {
        // Database: a (pooled) factory, never a scoped context (a Blazor circuit would keep one alive for hours).
        // Each context is used by one operation on one thread, so EF's concurrent-use detection is switched off.
        services.AddPooledDbContextFactory<PeaceTalksDbContext>(options => options.UseSqlite(connectionString).EnableThreadSafetyChecks(false));
        services.AddSingleton<DatabaseInitializer>();

        // Read side: one small query service per feature.
        services.AddSingleton<FilterResolver>();
        services.AddSingleton<LookupQueries>();
        services.AddSingleton<TimelineQueries>();
        services.AddSingleton<StanceQueries>();
        services.AddSingleton<ActorQueries>();
        services.AddSingleton<MeetingQueries>();
        services.AddSingleton<SearchQueries>();

        // CSV
        services.AddSingleton<CsvImporter>();
        services.AddSingleton<CsvExporter>();
        return services;
    }

    /// <summary>Creates or migrates and seeds the database; logs one line and returns false when the app must not start.</summary>
    public static async Task<bool> InitialiseDatabaseAsync(this WebApplication app)
    {
        try
        {
            await app.Services.GetRequiredService<DatabaseInitializer>().InitialiseAsync();
            return true;
        }
        catch (DatabaseStartupException ex)
        {
            app.Logger.LogCritical("PeaceTalks cannot start. {Problem}", ex.Message);
            return false;
        }
    }

    /// <summary>
    /// The configured SQLite connection string with a relative file path anchored at the content root
    /// (not the shell's current folder), and the folder created.
    /// </summary>
    private static string SqliteConnectionString(IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString("PeaceTalks")
            ?? throw new InvalidOperationException("Connection string 'PeaceTalks' is missing from configuration.");
        var sqlite = new SqliteConnectionStringBuilder(configured);
        if (sqlite.Mode != SqliteOpenMode.Memory && !sqlite.DataSource.StartsWith(':') && !sqlite.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            sqlite.DataSource = Path.GetFullPath(sqlite.DataSource, builder.Environment.ContentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
        }
        return sqlite.ToString();
    }
}
