using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PeaceTalks.BrowserTests.Infrastructure;

/// <summary>A news site on a loopback port: serves the pages a test saved, so intake can fetch them without leaving this machine.</summary>
public sealed class ReportServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReportServer(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First();

    /// <summary>Starts serving: each path answers with its handler.</summary>
    public static async Task<ReportServer> StartAsync(IReadOnlyDictionary<string, RequestDelegate> pages)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        foreach (var (path, handler) in pages)
        {
            app.Map(path, handler);
        }
        await app.StartAsync();
        return new ReportServer(app);
    }

    /// <summary>A page of HTML in UTF-8.</summary>
    public static RequestDelegate Html(string html) => context =>
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html);
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
