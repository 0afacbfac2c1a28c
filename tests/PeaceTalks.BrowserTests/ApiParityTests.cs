extern alias benchmarks;

using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using benchmarks::PeaceTalks.Benchmarks;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Services;

namespace PeaceTalks.BrowserTests;

/// <summary>
/// For random filter combinations on synthetic databases (several seeds): the API's statements are exactly the
/// timeline's for the same query string (same rows, same order, across cursor pages) and the CSV export's rows, and
/// the stances endpoint equals /export/stances.csv.
/// </summary>
[Trait("Provider", "Sqlite")]
public sealed class ApiParityTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public async Task TheApiAgreesWithTheTimelineAndTheExportsForRandomFilters(int seed)
    {
        using var app = new AppServer
        {
            Settings = new Dictionary<string, string> { ["Api:RequestsPerMinute"] = "100000", ["Export:RequestsPerMinute"] = "100000" },
        };
        var size = SyntheticSize.Tiny with { Seed = seed };
        await SyntheticData.GenerateAsync(app.DatabasePath, size);
        app.Start();
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var random = new Random(seed);

        var actors = await ArrayAsync(client, "/api/v1/actors");
        var issues = (await ArrayAsync(client, "/api/v1/issues")).Select(i => i.GetProperty("slug").GetString()!).ToList();
        var slugs = actors.Select(a => a.GetProperty("slug").GetString()!).ToList();
        var sides = actors.Select(a => a.GetProperty("side").GetString()!).Distinct().ToList();
        var words = (await client.GetJsonAsync("/api/v1/statements?limit=100"))
            .GetProperty("items").EnumerateArray()
            .SelectMany(s => s.GetProperty("text").GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => new string([.. w.Where(char.IsLetter)])).Where(w => w.Length > 3).Distinct().ToList();
        Assert.True(slugs.Count > 10 && issues.Count > 3 && words.Count > 10, "The synthetic data set is too small to sample filters from");

        var nonEmpty = 0;
        for (var round = 0; round < 12; round++)
        {
            var query = new List<KeyValuePair<string, string?>>();
            void Maybe(double chance, string key, Func<string> value)
            {
                if (random.NextDouble() < chance)
                {
                    query.Add(new(key, value()));
                }
            }
            Maybe(0.5, "actor", () => slugs[random.Next(slugs.Count)]);
            Maybe(0.2, "actor", () => slugs[random.Next(slugs.Count)]);
            Maybe(0.3, "side", () => sides[random.Next(sides.Count)]);
            Maybe(0.4, "issue", () => issues[random.Next(issues.Count)]);
            var from = SyntheticSize.FirstDay.AddDays(random.Next(size.Years * 365));
            Maybe(0.4, "from", () => DashboardFilter.Iso(from));
            Maybe(0.4, "to", () => DashboardFilter.Iso(from.AddDays(random.Next(30, 700))));
            Maybe(0.25, "q", () => words[random.Next(words.Count)]);
            Maybe(0.3, "order", () => "oldest");
            var queryString = Microsoft.AspNetCore.Http.QueryString.Create(query).ToString();

            var api = await ApiKeysAsync(client, queryString);
            var timeline = await TimelineKeysAsync(app, query);
            var export = await ExportKeysAsync(client, queryString);
            Assert.Equal(timeline, api);
            Assert.Equal(export.Order(StringComparer.Ordinal), api.Order(StringComparer.Ordinal));
            nonEmpty += api.Count > 0 ? 1 : 0;

            var stanceQuery = Microsoft.AspNetCore.Http.QueryString.Create(query.Where(p => p.Key is "actor" or "side" or "issue")
                .Append(new("asof", DashboardFilter.Iso(from)))).ToString();
            var stancesJson = (await ArrayAsync(client, "/api/v1/stances" + stanceQuery))
                .Select(o => string.Join('|', o.EnumerateObject().Select(p => p.Value.GetString() ?? ""))).ToList();
            var stancesCsv = await CsvRowsAsync(client, "/export/stances.csv" + stanceQuery);
            Assert.Equal(stancesCsv, stancesJson);
        }
        Assert.True(nonEmpty >= 6, $"Only {nonEmpty} of 12 random filters matched anything: the comparison says too little");
    }

    private static async Task<List<JsonElement>> ArrayAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone().EnumerateArray()];
    }

    private static async Task<List<string>> ApiKeysAsync(HttpClient client, string queryString)
    {
        var keys = new List<string>();
        string? next = null;
        do
        {
            var separator = queryString.Length == 0 ? "?" : "&";
            var page = await client.GetJsonAsync($"/api/v1/statements{queryString}{separator}limit=100{(next is null ? "" : $"&cursor={next}")}");
            keys.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()!));
            next = page.GetProperty("next").GetString();
        }
        while (next is not null);
        return keys;
    }

    /// <summary>What the timeline page shows for the same query string, read through its own query service.</summary>
    private static async Task<List<string>> TimelineKeysAsync(AppServer app, List<KeyValuePair<string, string?>> query)
    {
        string?[] All(string key) => [.. query.Where(p => p.Key == key).Select(p => p.Value)];
        string? One(string key) => query.FirstOrDefault(p => p.Key == key).Value;
        var filter = await app.Services.GetRequiredService<FilterResolver>().ResolveAsync(DashboardFilter.Parse(
            All("actor"), All("side"), All("issue"), One("from"), One("to"), One("q"), "statements", One("order")));
        var timeline = app.Services.GetRequiredService<TimelineQueries>();
        var keys = new List<string>();
        TimelineCursor? after = null;
        do
        {
            var page = await timeline.GetPageAsync(filter, after, 25);
            keys.AddRange(page.Items.Select(i => i.Statement!.Key));
            after = page.Next;
        }
        while (after is not null);
        return keys;
    }

    private static async Task<List<string>> ExportKeysAsync(HttpClient client, string queryString) =>
        [.. (await CsvRowsAsync(client, "/export/statements.csv" + queryString)).Select(r => r.Split('|')[0])];

    private static async Task<List<string>> CsvRowsAsync(HttpClient client, string url)
    {
        var csv = await client.GetStringAsync(url + (url.Contains('?') ? "&" : "?") + "bom=false");
        var rows = CsvText.Read(csv).Rows.Select(r => string.Join('|', r)).ToList();
        return rows;
    }
}

internal static class JsonHttp
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
