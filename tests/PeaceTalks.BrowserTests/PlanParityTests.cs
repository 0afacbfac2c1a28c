using System.Text.Json;
using Microsoft.Playwright;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests;

/// <summary>The plan's pages and the plan API say the same: the same points in the same order, the same stances, states and changes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanParityTests(BrowserFixture fixture)
{
    // The API's words and the pages' words for the same thing (the pages speak to people, the API in the CSV words).
    private static readonly Dictionary<string, string> StanceWords = new()
    {
        ["proposed"] = "proposed it", ["accepts"] = "accepts", ["accepts-with-reservations"] = "accepts with reservations",
        ["rejects"] = "rejects", ["no-position-stated"] = "no position stated",
    };

    private static readonly Dictionary<string, string> StateWords = new()
    {
        ["agreed"] = "agreed", ["contested"] = "contested", ["one-side"] = "one side only", ["no-position"] = "no stated position",
    };

    /// <summary>The shipped seed with the plan fixtures added: rows of a table both have are appended (the headers are the same).</summary>
    private static string SeedWithPlan()
    {
        var seed = Directory.CreateTempSubdirectory("peacetalks-plan-seed-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data"), "*.csv"))
        {
            File.Copy(file, Path.Combine(seed, Path.GetFileName(file)));
        }
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "plans"), "*.csv"))
        {
            var target = Path.Combine(seed, Path.GetFileName(file));
            var lines = File.ReadAllLines(file);
            if (File.Exists(target))
            {
                Assert.Equal(File.ReadLines(target).First(), lines[0]);
                File.AppendAllLines(target, lines.Skip(1));
            }
            else
            {
                File.WriteAllLines(target, lines);
            }
        }
        return seed;
    }

    [Fact]
    public async Task ThePlanPagesAndTheApiAgreeOnEveryVersionAndDay()
    {
        using var app = new AppServer { SeedDirectory = SeedWithPlan() };
        app.Start();
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var page = await fixture.NewPageAsync(app.BaseUrl);
        var compared = 0;

        foreach (var version in new[] { "us-plan-28-point-draft", "us-plan-20-point-framework" })
        {
            foreach (var asOf in new[] { "2025-12-11", "2025-12-24", "2025-12-31" })
            {
                var query = $"?version={version}&asof={asOf}";
                var api = await client.GetJsonAsync("/api/v1/plans/us-plan-for-ukraine" + query);
                var expected = api.GetProperty("points").EnumerateArray().Select(p => (
                    Key: p.GetProperty("key").GetString()!,
                    State: StateWords[p.GetProperty("state").GetString()!],
                    Stances: string.Join("; ", p.GetProperty("stances").EnumerateArray().Select(s =>
                        $"{s.GetProperty("actorName").GetString()} ({s.GetProperty("side").GetString()}): {StanceWords[s.GetProperty("stance").GetString()!]}")))).ToList();

                await page.GotoAsync("/plans/us-plan-for-ukraine" + query);
                await new HomePage(page).WaitForInteractiveAsync();
                var points = page.GetByTestId("plan-point");
                await Expect(points).ToHaveCountAsync(expected.Count);
                var shown = new List<(string Key, string State, string Stances)>();
                for (var i = 0; i < expected.Count; i++)
                {
                    var point = points.Nth(i);
                    var stances = await point.Locator("button.point-stance").EvaluateAllAsync<string[]>(
                        "buttons => buttons.map(b => b.getAttribute('aria-label').replace(' — show the evidence', ''))");
                    shown.Add(((await point.GetAttributeAsync("id"))!["point-".Length..], (await point.GetByTestId("point-state").Locator("span").Last.InnerTextAsync()).Trim(),
                        string.Join("; ", stances)));
                }
                Assert.Equal(expected, shown);
                compared += expected.Count;
            }
        }

        // The comparison: the same kind of change for the same points, in the same order.
        var comparison = await client.GetJsonAsync("/api/v1/plans/us-plan-for-ukraine/compare?from=us-plan-28-point-draft&to=us-plan-20-point-framework");
        var changes = comparison.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("change").GetString()!).ToList();
        await page.GotoAsync("/plans/us-plan-for-ukraine/compare?from=us-plan-28-point-draft&to=us-plan-20-point-framework");
        await new HomePage(page).WaitForInteractiveAsync();
        await Expect(page.GetByTestId("compare-row")).ToHaveCountAsync(changes.Count);
        Assert.Equal(changes, await page.GetByTestId("compare-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.change)"));
        Assert.True(compared >= 30, $"Only {compared} points compared");
    }
}
