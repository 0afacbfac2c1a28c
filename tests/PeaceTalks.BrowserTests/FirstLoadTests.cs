using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;

namespace PeaceTalks.BrowserTests;

/// <summary>A page reads its data once per visit: the live page reuses what the prerender read.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FirstLoadTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/timeline")]
    [InlineData("/timeline?actor=yuri-ushakov&q=compromise")]
    [InlineData("/stances?since=2025-05-01")]
    [InlineData("/actors/yuri-ushakov")]
    [InlineData("/actors")]
    [InlineData("/meetings/moscow-talks-2025-12-02")]
    [InlineData("/statements/ushakov-constructive")]
    [InlineData("/")]
    public async Task TheLivePageRunsNoQueriesAfterThePrerender(string path)
    {
        await using var app = new AppServer();
        app.Start();
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        await client.GetStringAsync(path); // warm-up: compiled queries, caches
        app.Commands.Reset();
        await client.GetStringAsync(path);
        var prerender = app.Commands.Count;
        var page = await fixture.NewPageAsync(app.BaseUrl);
        app.Commands.Reset();

        await page.GotoAsync(path);
        await new HomePage(page).WaitForInteractiveAsync();

        Assert.True(prerender > 0, "The prerender read nothing from the database: the count cannot tell anything");
        Assert.True(app.Commands.Count == prerender,
            $"{path}: the prerender ran {prerender} commands, the whole visit {app.Commands.Count}:\n" + string.Join("\n---\n", app.Commands.Texts));
    }

    [Fact]
    public async Task TheStanceIndexIsReadInTheBackgroundOnceTheAppServes()
    {
        await using var app = new AppServer();
        app.Start();

        var line = Assert.Single(app.Log, l => l.StartsWith("Stance index ready:", StringComparison.Ordinal));
        var cells = int.Parse(line.Split(' ')[3], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(cells > 0, line);
    }
}
