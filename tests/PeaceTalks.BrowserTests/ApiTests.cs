using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Services;

namespace PeaceTalks.BrowserTests;

/// <summary>The JSON API and the Atom feed over plain HTTP against the seeded app: contract, errors, caching, escaping.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiTests(BrowserFixture fixture)
{
    private HttpClient Client() => new() { BaseAddress = new Uri(fixture.App.BaseUrl) };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task AStatementCarriesItsSpeakerDateWithPrecisionSourceAndPage()
    {
        using var client = Client();

        var page = await JsonAsync(await client.GetAsync("/api/v1/statements?actor=yuri-ushakov&order=oldest&limit=2"));
        var first = page.GetProperty("items")[0];

        Assert.Equal("ushakov-constructive", first.GetProperty("key").GetString());
        Assert.Equal("constructive", first.GetProperty("text").GetString());
        Assert.Equal("quote", first.GetProperty("kind").GetString());
        Assert.Equal("yuri-ushakov", first.GetProperty("speaker").GetProperty("slug").GetString());
        Assert.Equal(("2025-12-03", "day", "on-or-before"), (first.GetProperty("date").GetProperty("value").GetString(),
            first.GetProperty("date").GetProperty("precision").GetString(), first.GetProperty("date").GetProperty("basis").GetString()));
        Assert.Equal("pompeo-warns-2025-12-03", first.GetProperty("source").GetProperty("key").GetString());
        Assert.Equal("cnn-moscow-talks-report", first.GetProperty("via").GetProperty("key").GetString());
        Assert.Equal($"{fixture.App.BaseUrl}/statements/ushakov-constructive", first.GetProperty("page").GetString());
        Assert.Equal(["us-brokered-talks"], first.GetProperty("issues").EnumerateArray().Select(i => i.GetString()));

        var one = await JsonAsync(await client.GetAsync("/api/v1/statements/ushakov-constructive"));
        Assert.Equal(first.GetRawText(), one.GetRawText());
    }

    [Fact]
    public async Task CursorsWalkEveryStatementOnceInTheTimelinesOrder()
    {
        using var client = Client();
        var keys = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await JsonAsync(await client.GetAsync("/api/v1/statements?limit=5" + (next is null ? "" : $"&cursor={next}")));
            keys.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()!));
            next = page.GetProperty("next").GetString();
            pages++;
        }
        while (next is not null && pages < 20);

        var timeline = fixture.App.Services.GetRequiredService<TimelineQueries>();
        var filter = await fixture.App.Services.GetRequiredService<FilterResolver>().ResolveAsync(DashboardFilter.Parse(kind: "statements"));
        var expected = (await timeline.GetPageAsync(filter, pageSize: 500)).Items.Select(i => i.Statement!.Key).ToList();
        Assert.Equal(12, expected.Count);
        Assert.Equal(expected, keys);
        Assert.Equal(3, pages);
    }

    [Theory]
    [InlineData("/api/v1/statements?actor=nobody-at-all", "actor", "No actor 'nobody-at-all'")]
    [InlineData("/api/v1/statements?from=2025-13-40", "from", "is not a date")]
    [InlineData("/api/v1/statements?from=2025-12-01&from=2025-12-02", "from", "Given 2 times")]
    [InlineData("/api/v1/statements?limit=1000", "limit", "from 1 to 100")]
    [InlineData("/api/v1/statements?limit=ten", "limit", "not a page size")]
    [InlineData("/api/v1/statements?limit=500&actor=nobody", "limit", "from 1 to 100")]
    [InlineData("/api/v1/statements?limit=500&actor=nobody", "actor", "No actor 'nobody'")]
    [InlineData("/api/v1/statements?colour=red", "colour", "Unknown parameter")]
    [InlineData("/api/v1/statements?cursor=bm90LWEtY3Vyc29y", "cursor", "Not a cursor of this query")]
    [InlineData("/api/v1/statements?from=2025-12-05&to=2025-12-01", "from", "reversed")]
    [InlineData("/api/v1/stances?asof=yesterday", "asof", "is not a date")]
    [InlineData("/api/v1/issues?actor=yuri-ushakov", "actor", "Unknown parameter")]
    [InlineData("/feeds/statements.atom?issue=nothing-here", "issue", "No issue 'nothing-here'")]
    public async Task ABadValueIsA400ProblemNamingTheParameter(string url, string parameter, string reason)
    {
        using var client = Client();

        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var messages = problem.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAddressTheApiDoesNotHaveIsAJson404NotTheSitesPage()
    {
        using var client = Client();
        using var response = await client.GetAsync("/api/v1/changes");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("/api/v1/changes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATenThousandCharacterValueIsRefusedNotSearched()
    {
        using var client = Client();

        using var response = await client.GetAsync("/api/v1/statements?q=" + new string('a', 10_000));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("the limit is 200", problem.GetProperty("errors").GetProperty("q")[0].GetString());
    }

    [Fact]
    public async Task ACursorFromAnotherQueryIsRefused()
    {
        using var client = Client();
        var page = await JsonAsync(await client.GetAsync("/api/v1/statements?limit=2"));
        var cursor = page.GetProperty("next").GetString();

        using var response = await client.GetAsync($"/api/v1/statements?limit=2&actor=yuri-ushakov&cursor={cursor}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cursor", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnchangedAnswerIsA304AndTheCorsHeaderOpensGetsToEveryOrigin()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/actors?side=Russia");
        request.Headers.Add("Origin", "https://notebook.example");
        using var first = await client.SendAsync(request);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.Equal("*", first.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("no-cache", first.Headers.CacheControl!.ToString());

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/actors?side=Russia");
        again.Headers.IfNoneMatch.Add(tag!);
        using var second = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/v1/actors?side=Ukraine");
        other.Headers.IfNoneMatch.Add(tag!);
        using var third = await client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task AProblemAnswerHasNoEntityTagAndAnUnknownSlugIsRefusedEvenWithAStarIfNoneMatch()
    {
        using var client = Client();

        using var unknown = await client.GetAsync("/api/v1/statements?actor=nobody-at-all");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stances/changes?asof=2025-12-04");
        request.Headers.IfNoneMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Any);
        using var missingSince = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Null(unknown.Headers.ETag);
        Assert.Equal(HttpStatusCode.BadRequest, missingSince.StatusCode);
        Assert.Null(missingSince.Headers.ETag);
    }

    [Theory]
    [InlineData("stances", "asof=2025-12-04")]
    [InlineData("stances", "asof=2025-12-04&side=Russia")]
    [InlineData("positions", "actor=yuri-ushakov")]
    [InlineData("meetings", "")]
    [InlineData("actors", "side=Ukraine")]
    [InlineData("issues", "")]
    [InlineData("sources", "")]
    public async Task EveryTableGivesTheRowsOfItsCsvExport(string table, string query)
    {
        using var client = Client();

        var json = await JsonAsync(await client.GetAsync($"/api/v1/{table}?{query}"));
        var csv = await client.GetStringAsync($"/export/{table}.csv?{query}&bom=false");

        var (header, csvRows) = CsvText.Read(csv);
        var rows = csvRows.Select(r => header.Select((h, i) => (h, v: r[i])).ToDictionary(x => x.h, x => x.v.Length > 0 ? x.v : null)).ToList();
        var items = json.EnumerateArray().Select(o => header.ToDictionary(h => h, h => o.GetProperty(h).GetString())).ToList();
        Assert.NotEmpty(rows);
        Assert.Equal(rows, items);
    }

    [Fact]
    public async Task WhoMovedListsTheCellsThatChangedAsTheMatrixPageDoes()
    {
        using var client = Client();

        var changes = await JsonAsync(await client.GetAsync("/api/v1/stances/changes?asof=2025-12-04&since=2025-12-01"));
        var before = await JsonAsync(await client.GetAsync("/api/v1/stances?asof=2025-12-01"));
        var after = await JsonAsync(await client.GetAsync("/api/v1/stances?asof=2025-12-04"));

        // Independently: the cells whose stance differs between the two matrices.
        static Dictionary<string, string> Cells(JsonElement rows) => rows.EnumerateArray()
            .ToDictionary(r => r.GetProperty("actor").GetString() + "|" + r.GetProperty("issue").GetString(), r => r.GetProperty("stance").GetString()!);
        var was = Cells(before);
        var moved = Cells(after).Where(c => !was.TryGetValue(c.Key, out var old) || old != c.Value).Select(c => c.Key).Order().ToList();
        Assert.NotEmpty(moved);
        Assert.Equal(moved.Count, changes.GetProperty("total").GetInt32());
        Assert.Equal(moved, changes.GetProperty("latest").EnumerateArray()
            .Select(c => c.GetProperty("actor").GetString() + "|" + c.GetProperty("issue").GetString()).Order());

        using var missing = await client.GetAsync("/api/v1/stances/changes?asof=2025-12-04");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("since", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheFeedIsAtomWithOneEntryPerStatementLinkingItsPage()
    {
        using var client = Client();

        using var response = await client.GetAsync("/feeds/statements.atom?actor=yuri-ushakov");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        using var xml = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var feed = SyndicationFeed.Load(xml);

        var api = await JsonAsync(await client.GetAsync("/api/v1/statements?actor=yuri-ushakov&limit=50"));
        var keys = api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()!).ToList();
        Assert.Equal(keys.Select(k => $"{fixture.App.BaseUrl}/statements/{k}"), feed.Items.Select(i => i.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri));
        Assert.All(feed.Items, i => Assert.Equal("Yuri Ushakov", i.Authors.Single().Name));
        Assert.Contains(feed.Items, i => i.Title.Text == "(unverified) Yuri Ushakov: “constructive”");
        Assert.Contains("Yuri Ushakov", feed.Title.Text);
        Assert.NotEqual(default, feed.LastUpdatedTime);
        foreach (var item in feed.Items.Take(3))
        {
            using var page = await client.GetAsync(item.Links[0].Uri);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task AFeedEntryIsUpdatedWhenItWasRecordedOrLastChangedAndPublishedTheDayItWasSaid()
    {
        using var client = Client();

        using var response = await client.GetAsync("/feeds/statements.atom");
        using var xml = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var feed = SyndicationFeed.Load(xml);

        await using var db = await fixture.App.Services
            .GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PeaceTalks.Web.Data.PeaceTalksDbContext>>().CreateDbContextAsync();
        var statements = db.Statements.Select(s => new { s.Key, s.Id, s.Date }).ToDictionary(s => s.Key);
        var recorded = db.AuditEntries.Where(e => e.EntityType == "statement").GroupBy(e => e.EntityId)
            .Select(g => new { Id = g.Key, At = g.Max(e => e.At) }).ToDictionary(r => r.Id, r => r.At);
        Assert.NotEmpty(feed.Items);
        foreach (var item in feed.Items)
        {
            var statement = statements[item.Links.Single(l => l.RelationshipType == "alternate").Uri.Segments[^1]];
            Assert.Equal(statement.Date.ToDateTime(TimeOnly.MinValue), item.PublishDate.UtcDateTime);
            Assert.Equal(DateTime.SpecifyKind(recorded[statement.Id], DateTimeKind.Utc), item.LastUpdatedTime.UtcDateTime, TimeSpan.FromSeconds(1));
        }
        // The statement about May 2025 was recorded when this app was seeded, long after it was said.
        Assert.Contains(feed.Items, i => i.PublishDate.Year == 2025 && i.PublishDate.Month == 5 && i.LastUpdatedTime > DateTimeOffset.UtcNow.AddDays(-1));
        Assert.Equal(feed.Items.Max(i => i.LastUpdatedTime), feed.LastUpdatedTime);
    }

    [Fact]
    public async Task TheOpenApiDocumentMatchesTheCheckedInContract()
    {
        using var client = Client();

        var served = (await client.GetStringAsync("/api/v1/openapi.json")).ReplaceLineEndings("\n").Trim();
        var contractPath = Path.Combine(BrowserFixture.RepoRoot, "docs", "openapi-v1.json");
        var contract = File.Exists(contractPath) ? (await File.ReadAllTextAsync(contractPath)).ReplaceLineEndings("\n").Trim() : "";

        if (served != contract)
        {
            var actual = Path.Combine(BrowserFixture.RepoRoot, "artifacts", "openapi-v1.json");
            Directory.CreateDirectory(Path.GetDirectoryName(actual)!);
            await File.WriteAllTextAsync(actual, served + "\n");
            Assert.Fail($"The API's contract changed. If that is intended, review and copy {actual} to docs/openapi-v1.json.");
        }
        using var doc = JsonDocument.Parse(served);
        Assert.True(doc.RootElement.GetProperty("paths").TryGetProperty("/api/v1/statements", out _));
    }

    [Fact]
    public async Task TheReferencePageShowsTheEndpointsFromTheDocument()
    {
        var page = await fixture.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync("/api/docs");
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        await BrowserFixture.ScreenshotAsync(page, "api-reference");

        await Microsoft.Playwright.Assertions.Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "PeaceTalks open data" })).ToBeVisibleAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByText("/feeds/statements.atom").First).ToBeVisibleAsync();
        // Nothing is refused by the security policy (Scalar's web fonts are not asked for), and no script fails.
        Assert.Empty(errors);
        var axe = await page.RunAxe(
            new Deque.AxeCore.Commons.AxeRunOptions { RunOnly = Deque.AxeCore.Commons.RunOnlyOptions.Tags(AccessibilityTests.WcagTags) });
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(", ", v.Nodes.Take(5).Select(n => n.Html[..Math.Min(120, n.Html.Length)]))}")));
        // A way back to the app.
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Back to PeaceTalks" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page).ToHaveURLAsync(fixture.App.BaseUrl + "/");
    }
}
