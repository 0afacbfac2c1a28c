using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;

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

    /// <summary>Seed folder the app loads at start-up; null for the shipped data/ set.</summary>
    public string? SeedDirectory { get; init; }

    /// <summary>More configuration, e.g. a lower rate limit for a test.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Development);
        builder.UseSetting("ConnectionStrings:PeaceTalks", $"Data Source={DatabasePath};Default Timeout=30");
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

    public void Start() => StartServer();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
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
}
