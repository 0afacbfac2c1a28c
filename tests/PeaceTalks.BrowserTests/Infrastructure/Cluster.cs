using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PeaceTalks.Web.Accounts;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Extensions;

namespace PeaceTalks.BrowserTests.Infrastructure;

/// <summary>
/// What deploy/compose.yaml runs, without Docker: PostgreSQL (the test server), two app processes and the YARP proxy
/// with deploy/proxy.json, each on a free loopback port, with the same settings as the compose file.
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    private readonly string _database = TestPostgresServer.NewName();

    private Cluster()
    {
    }

    public Node Node1 { get; private set; } = null!;
    public Node Node2 { get; private set; } = null!;
    public Node Proxy { get; private set; } = null!;
    public string ConnectionString => TestPostgresServer.ConnectionString(_database);
    public string ProxyUrl => Proxy.Url;

    public IEnumerable<Node> Nodes => [Node1, Node2];

    public Node NodeNamed(string name) => Nodes.Single(n => n.Name == name);

    public static async Task<Cluster> StartAsync()
    {
        TestPostgresServer.Require();
        var cluster = new Cluster();
        try
        {
            // One node first: it creates and migrates the database, so the second finds it ready (two starting on an
            // empty server at once would both try to create the database itself).
            cluster.Node1 = await cluster.StartNodeAsync("node1");
            cluster.Node2 = await cluster.StartNodeAsync("node2");
            var proxyPort = FreePort();
            cluster.Proxy = Node.Start("proxy", Built("PeaceTalks.Proxy"), proxyPort, new Dictionary<string, string>
            {
                ["ReverseProxy__Clusters__peacetalks__Destinations__node1__Address"] = cluster.Node1.Url + "/",
                ["ReverseProxy__Clusters__peacetalks__Destinations__node2__Address"] = cluster.Node2.Url + "/",
            });
            await cluster.Proxy.WaitForOkAsync("/proxy/health");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task<Node> StartNodeAsync(string name)
    {
        var node = Node.Start(name, Built("PeaceTalks.Web"), FreePort(), new Dictionary<string, string>
        {
            // As in deploy/compose.yaml.
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__PeaceTalks"] = ConnectionString,
            ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
            // A build output (not a publish) finds its scripts and styles through the development manifest only;
            // in Production it would serve blazor.web.js empty and no page would turn interactive.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Node__Name"] = name,
        });
        await node.WaitForOkAsync("/health/ready");
        return node;
    }

    /// <summary>Makes an account in the shared database, as an admin does on /admin/users.</summary>
    public async Task CreateUserAsync(string email, string name, string role)
    {
        await using var services = new ServiceCollection().AddLogging().AddPeaceTalksServices(DatabaseSettings.Postgres(ConnectionString))
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var problems = await UserAdministration.CreateAccountAsync(users, email, name, role, AppServer.Password, mustChangePassword: false);
        Assert.Empty(problems);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in new[] { Proxy, Node2, Node1 })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }
        NpgsqlConnection.ClearAllPools();
        await TestPostgresServer.DropAsync(_database);
    }

    /// <summary>The build output of a project of this solution, in the configuration the tests were built in.</summary>
    public static string Built(string project)
    {
        var testFolder = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testFolder.Name;
        var configuration = testFolder.Parent!.Name;
        var root = testFolder;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "PeaceTalks.sln")))
        {
            root = root.Parent;
        }
        var dll = Path.Combine(root!.FullName, "src", project, "bin", configuration, framework, project + ".dll");
        Assert.True(File.Exists(dll), $"{dll} is not built");
        return dll;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One process of the cluster: its address, its log, and a way to stop it dead.</summary>
public sealed class Node : IAsyncDisposable
{
    private readonly Process _process;

    private Node(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        Url = $"http://127.0.0.1:{port}";
    }

    public string Name { get; }
    public string Url { get; }
    public ConcurrentQueue<string> Log { get; } = new();
    public bool HasExited => _process.HasExited;

    public static Node Start(string name, string dll, int port, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start)!;
        var node = new Node(name, process, port);
        process.OutputDataReceived += (_, e) => node.Log.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => node.Log.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    public async Task WaitForOkAsync(string path)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"{Name} exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{string.Join('\n', Log.TakeLast(40))}");
            try
            {
                using var response = await http.GetAsync(Url + path);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        Assert.Fail($"{Name} did not answer 200 at {path} within 90 s:\n{string.Join('\n', Log.TakeLast(40))}");
    }

    /// <summary>Stops the process at once, the way a crashed machine stops: no graceful shutdown.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
