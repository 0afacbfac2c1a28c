using System.Net;
using System.Net.Sockets;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PeaceTalks.Web.Accounts;
using PeaceTalks.Web.Models;

namespace PeaceTalks.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel on a free loopback port, with its own SQLite file that it creates, migrates and
/// seeds itself at start-up, exactly as `dotnet run` does.
/// </summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("peacetalks-browser-").FullName;
    private readonly int _port = FreePort();

    public AppServer() => UseKestrel(_port);

    public string BaseUrl => $"http://127.0.0.1:{_port}";

    public string DatabasePath => Path.Combine(_folder, "peacetalks.db");

    /// <summary>The PostgreSQL database of this server when the tests run on PostgreSQL (PEACETALKS_TEST_PROVIDER=Postgres), else null.</summary>
    public string? PostgresDatabase { get; } = TestPostgresServer.Enabled ? TestPostgresServer.NewName() : null;

    /// <summary>Seed folder the app loads at start-up; null for the shipped data/ set.</summary>
    public string? SeedDirectory { get; init; }

    /// <summary>More configuration, e.g. a lower rate limit for a test.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Counts every database command the app runs.</summary>
    public CommandCounter Commands { get; } = new();

    /// <summary>Every line the app logged, e.g. the setup code it prints at first start.</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>The password of every account the tests make.</summary>
    public const string Password = "a long test password";

    /// <summary>Makes an account directly in the app's database (what an admin does on /admin/users), ready to sign in.</summary>
    public async Task CreateUserAsync(string email, string name, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }
        var problems = await UserAdministration.CreateAccountAsync(users, email, name, role, Password, mustChangePassword: false);
        Assert.Empty(problems);
    }

    /// <summary>Gives an account another role, as an admin does on /admin/users (with the security stamp updated).</summary>
    public async Task SetRoleAsync(string email, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureLogging(logging => logging.AddProvider(new QueueLoggerProvider(Log)));
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Commands));
        builder.UseEnvironment(Environments.Development);
        if (PostgresDatabase is { } postgres)
        {
            // The app creates and migrates its database at start, as it does on a real server.
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:PeaceTalks", TestPostgresServer.ConnectionString(postgres));
        }
        else
        {
            builder.UseSetting("ConnectionStrings:PeaceTalks", $"Data Source={DatabasePath};Default Timeout=30");
        }
        if (SeedDirectory is not null)
        {
            builder.UseSetting("Seed:Directory", SeedDirectory);
        }
        builder.UseSetting("urls", BaseUrl);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public void Start()
    {
        StartServer();
        // The app reads its stance index in the background once started; wait for it, so the tests that count
        // database commands count only their own.
        Assert.True(Services.GetRequiredService<PeaceTalks.Web.Services.StanceIndex>().WarmedUp.Wait(TimeSpan.FromSeconds(60)),
            "The stance index warm-up did not finish within 60 s");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (PostgresDatabase is { } postgres)
        {
            TestPostgresServer.DropAsync(postgres).GetAwaiter().GetResult();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; harmless.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(lines);

        public void Dispose()
        {
        }

        private sealed class QueueLogger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }

}

/// <summary>Counts the commands sent to the database, and keeps their text for a failure message.</summary>
public sealed class CommandCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();

    public int Count => _commands.Count;

    public IReadOnlyList<string> Texts => [.. _commands];

    public void Reset() => _commands.Clear();

    public override System.Data.Common.DbCommand CommandInitialized(Microsoft.EntityFrameworkCore.Diagnostics.CommandEndEventData eventData,
        System.Data.Common.DbCommand result)
    {
        return result;
    }

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
        System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<object>> ScalarExecutingAsync(System.Data.Common.DbCommand command,
        Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }
}
