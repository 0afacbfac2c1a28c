using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using PeaceTalks.Web.Models;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests;

/// <summary>axe-core on every page, in light and dark mode: no WCAG 2.2 A or AA violations.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    // Pages anyone can read, then pages for editors and admins (opened signed in as an admin), then the plain
    // account pages that render without a live connection.
    private static readonly string[] ReaderPages =
    [
        "/", "/timeline", "/timeline?actor=yuri-ushakov&kind=statements", "/stances", "/stances#evidence", "/actors",
        "/actors/yuri-ushakov", "/meetings", "/meetings/moscow-talks-2025-12-02", "/actors/nobody", "/timeline?actor=foo&from=bad", "/timeline?verified=only",
        "/statements/ushakov-constructive", "/changes", "/issues", "/issues/security-guarantees", "/plans",
    ];

    private static readonly string[] EditorPages =
    [
        "/import", "/statements/new", "/statements/ushakov-constructive/edit", "/positions/new", "/meetings/moscow-talks-2025-12-02/edit",
        "/actors/new", "/sources/new", "/issues/new", "/admin/users", "/stances#evidence-editor", "/intake",
        "/plans/new", "/plan-versions/new", "/plan-points/new", "/point-positions/new", "/review", "/review/verbatim",
    ];

    private static readonly string[] StaticPages = ["/account/login", "/setup", "/account/change-password"];

    public static TheoryData<string, bool> Pages()
    {
        var data = new TheoryData<string, bool>();
        foreach (var dark in new[] { false, true })
        {
            foreach (var page in ReaderPages.Concat(EditorPages).Concat(StaticPages))
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
        var signedIn = EditorPages.Contains(path) || path == "/account/change-password";
        var page = signedIn ? await fixture.NewSignedInPageAsync(AppRoles.Admin, darkMode: dark) : await fixture.NewPageAsync(darkMode: dark);
        var url = path.Replace("#evidence-editor", "").Replace("#evidence", "");
        await page.GotoAsync(url);
        if (StaticPages.Contains(path))
        {
            // No live connection on these pages: nothing to wait for but the page itself.
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            // A page answered through the not-found page (/setup once an admin exists) is streamed: its title comes
            // a moment after its heading.
            await Expect(page).ToHaveTitleAsync(new Regex("PeaceTalks"));
            await RunAxeAsync(page, path, dark);
            return;
        }
        await new HomePage(page).WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = dark ? "Switch to light mode" : "Switch to dark mode" })).ToBeVisibleAsync();
        if (path.Contains("#evidence", StringComparison.Ordinal))
        {
            await new StancesPage(page).OpenCellWithKeyboardAsync("volodymyr-zelensky", "security-guarantees");
        }
        // Let transitions (dialog fade-in, theme switch) finish before measuring contrast.
        await page.EvaluateAsync("() => Promise.all(document.getAnimations().map(a => a.finished))");
        await RunAxeAsync(page, path, dark);
    }

    private static async Task RunAxeAsync(IPage page, string path, bool dark)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = RunOnlyOptions.Tags(WcagTags) });

        var violations = string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Take(5).Select(n => n.Target + " " + n.Html[..Math.Min(160, n.Html.Length)]))));
        Assert.True(result.Violations.Length == 0, $"{path} ({(dark ? "dark" : "light")}):\n{violations}");
        Assert.NotEmpty(result.Passes);
        if (path is "/" or "/stances#evidence" or "/statements/new" or "/account/login" or "/admin/users")
        {
            var name = path == "/" ? "home" : path.Trim('/').Replace('/', '-').Replace("#", "-");
            await BrowserFixture.ScreenshotAsync(page, $"a11y-{name}-{(dark ? "dark" : "light")}");
        }
    }
}
