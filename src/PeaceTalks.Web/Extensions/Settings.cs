using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Data.Sqlite;
using PeaceTalks.Web.Accounts;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Data;

namespace PeaceTalks.Web.Extensions;

/// <summary>Seed:Directory, the folder with the seed CSV files, one per record type (issues.csv, actors.csv, …).</summary>
public sealed class SeedOptions
{
    /// <summary>Relative paths start at the app's folder.</summary>
    [Required]
    public string Directory { get; set; } = "data";
}

/// <summary>The request budgets per client address and minute (Export:, Api:).</summary>
public sealed class RequestBudgetOptions
{
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; }
}

/// <summary>Behind a proxy (ForwardedHeaders:KnownProxies): the proxies whose X-Forwarded-* headers are believed.</summary>
public sealed class ProxyOptions : IValidatableObject
{
    public string[] KnownProxies { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => new ValidationResult($"ForwardedHeaders:KnownProxies has '{p}', which is not an IP address."));
}

/// <summary>Node:Name, sent as X-PeaceTalks-Node on every answer so the logs and a proxy's traces say which node answered.</summary>
public sealed class NodeOptions
{
    [StringLength(64)]
    public string? Name { get; set; }
}

/// <summary>Stances:WarmUpOnStart: read the stance index once the app serves, rather than on the first matrix.</summary>
public sealed class StancesOptions
{
    public bool WarmUpOnStart { get; set; } = true;
}

/// <summary>Diagnostics:MemoryEndpoint: /diagnostics/memory for the load test (off in production).</summary>
public sealed class DiagnosticsOptions
{
    public bool MemoryEndpoint { get; set; }
}

/// <summary>
/// Every setting of PeaceTalks, bound to its options class and checked at start-up (docs/operations.md lists them).
/// A bad value stops the app with a message naming the setting, rather than failing on first use.
/// </summary>
public static class Settings
{
    public static void AddPeaceTalksSettings(this IHostApplicationBuilder builder)
    {
        Bind<SeedOptions>(builder, "Seed");
        Bind<ImportOptions>(builder, "Import");
        Bind<AccessOptions>(builder, "Access");
        Bind<ProxyOptions>(builder, "ForwardedHeaders");
        Bind<NodeOptions>(builder, "Node");
        Bind<StancesOptions>(builder, "Stances");
        Bind<DiagnosticsOptions>(builder, "Diagnostics");
        Bind<Intake.FetchOptions>(builder, "Intake:Fetch");
        Bind<RequestBudgetOptions>(builder, "Export", o => o.RequestsPerMinute = 60, name: "Export");
        Bind<RequestBudgetOptions>(builder, "Api", o => o.RequestsPerMinute = 600, name: "Api");
    }

    /// <summary>The settings needed to build the service collection itself (before options can be resolved).</summary>
    public static T Read<T>(IHostApplicationBuilder builder, string section, Action<T>? defaults = null) where T : class, new()
    {
        var value = new T();
        defaults?.Invoke(value);
        builder.Configuration.GetSection(section).Bind(value);
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            throw new DatabaseStartupException($"The settings in '{section}' are not valid: {string.Join(" ", results.Select(r => r.ErrorMessage))}");
        }
        return value;
    }

    private static void Bind<T>(IHostApplicationBuilder builder, string section, Action<T>? defaults = null, string? name = null) where T : class
    {
        var options = builder.Services.AddOptions<T>(name ?? Microsoft.Extensions.Options.Options.DefaultName);
        if (defaults is not null)
        {
            options.Configure(defaults);
        }
        options.BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
    }

    /// <summary>
    /// Database:Provider and ConnectionStrings:PeaceTalks. A relative SQLite file path is anchored at the content root
    /// (not the shell's current folder), and its folder created.
    /// </summary>
    public static DatabaseSettings Database(IHostApplicationBuilder builder)
    {
        var provider = DatabaseSettings.ParseProvider(builder.Configuration["Database:Provider"]);
        var configured = builder.Configuration.GetConnectionString("PeaceTalks");
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new DatabaseStartupException("ConnectionStrings:PeaceTalks is not set: PeaceTalks does not know where its database is.");
        }
        if (provider == DatabaseProvider.Postgres)
        {
            return DatabaseSettings.Postgres(configured);
        }
        var sqlite = new SqliteConnectionStringBuilder(configured);
        if (sqlite.Mode != SqliteOpenMode.Memory && !sqlite.DataSource.StartsWith(':') && !sqlite.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            sqlite.DataSource = Path.GetFullPath(sqlite.DataSource, builder.Environment.ContentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
        }
        return DatabaseSettings.Sqlite(sqlite.ToString());
    }
}
