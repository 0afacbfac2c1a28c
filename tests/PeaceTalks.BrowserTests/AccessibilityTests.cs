using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests;

/// <summary>axe-core on every page, in light and dark mode: no WCAG 2.2 A or AA violations.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    public static TheoryData<string, bool> Pages()
    {
        var data = new TheoryData<string, bool>();
        foreach (var dark in new[] { false, true })
        {
            foreach (var page in new[]
            {
                "/", "/timeline", "/timeline?actor=yuri-ushakov&kind=statements", "/stances", "/stances#evidence", "/actors",
                "/actors/yuri-ushakov", "/meetings", "/meetings/moscow-talks-2025-12-02", "/import", "/actors/nobody", "/timeline?actor=foo&from=bad",
            })
            {
                data.Add(page, dark);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task ThePageHasNoWcagViolations(string path, bool dark)
    {
        var page = await fixture.NewPageAsync(darkMode: dark);
        var url = path.Replace("#evidence", "");
        await page.GotoAsync(url);
        await new HomePage(page).WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = dark ? "Switch to light mode" : "Switch to dark mode" })).ToBeVisibleAsync();
        if (path.EndsWith("#evidence", StringComparison.Ordinal))
        {
            await new StancesPage(page).OpenCellWithKeyboardAsync("volodymyr-zelensky", "security-guarantees");
        }
        // Let transitions (dialog fade-in, theme switch) finish before measuring contrast.
        await page.WaitForTimeoutAsync(400);

        var result = await page.RunAxe(new AxeRunOptions { RunOnly = RunOnlyOptions.Tags(WcagTags) });

        var violations = string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Take(5).Select(n => n.Target + " " + n.Html[..Math.Min(160, n.Html.Length)]))));
        Assert.True(result.Violations.Length == 0, $"{path} ({(dark ? "dark" : "light")}):\n{violations}");
        Assert.NotEmpty(result.Passes);
        if (path is "/" or "/stances#evidence")
        {
            await BrowserFixture.ScreenshotAsync(page, $"a11y-{(path == "/" ? "home" : "evidence")}-{(dark ? "dark" : "light")}");
        }
    }
}
