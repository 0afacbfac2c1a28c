using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace PeaceTalks.Benchmarks;

/// <summary>
/// A server process started for a scenario: up once it has answered 200 on a path, killed (with its children)
/// when disposed. Its client asks for Brotli and does not decompress, as a browser's network stack measures.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly SocketsHttpHandler _handler;
    private readonly int _port;

    private RunningServer(Process process, int port, int connections)
    {
        _process = process;
        _port = port;
        _handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        Http = new HttpClient(_handler) { Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br");
    }

    public HttpClient Http { get; }

    /// <summary>The size of the first 200 answer, as sent (Brotli when the server compresses it).</summary>
    public long FirstAnswerBytes { get; private set; }

    public string Url(string path) => $"http://127.0.0.1:{_port}{path}";

    public static async Task<RunningServer> StartAsync(ProcessStartInfo start, int port, string readyPath, int connections = 1)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start)!;
        var log = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RunningServer(process, port, connections);
        try
        {
            await server.WaitForOkAsync(readyPath);
            return server;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"{ex.Message}. Its output:\n{string.Join('\n', log.TakeLast(30))}", ex);
        }
    }

    private async Task WaitForOkAsync(string path)
    {
        var url = Url(path);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await Http.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    FirstAnswerBytes = (await response.Content.ReadAsByteArrayAsync()).Length;
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The process exited with {_process.ExitCode} before answering {url}");
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"No 200 from {url} within 60 s");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        _handler.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
