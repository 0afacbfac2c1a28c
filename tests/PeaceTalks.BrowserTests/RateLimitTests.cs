using System.Net;
using PeaceTalks.BrowserTests.Infrastructure;

namespace PeaceTalks.BrowserTests;

public sealed class RateLimitedServer : IDisposable
{
    public AppServer App { get; } = new() { Settings = new Dictionary<string, string> { ["Export:RequestsPerMinute"] = "3", ["Api:RequestsPerMinute"] = "3" } };

    public RateLimitedServer() => App.Start();

    public void Dispose() => App.Dispose();
}

public sealed class RateLimitTests(RateLimitedServer server) : IClassFixture<RateLimitedServer>
{
    [Fact]
    public async Task TheExportEndpointsRefuseAClientThatAsksTooOften()
    {
        using var client = new HttpClient { BaseAddress = new Uri(server.App.BaseUrl) };
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync("/export/issues.csv");
            statuses.Add(response.StatusCode);
        }
        using var page = await client.GetAsync("/");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task TheApiAndTheFeedsRefuseAClientThatAsksTooOftenWithA429()
    {
        using var client = new HttpClient { BaseAddress = new Uri(server.App.BaseUrl) };
        var statuses = new List<HttpStatusCode>();

        foreach (var path in new[] { "/api/v1/issues", "/api/v1/statements", "/feeds/statements.atom", "/api/v1/actors", "/feeds/statements.atom" })
        {
            using var response = await client.GetAsync(path);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
