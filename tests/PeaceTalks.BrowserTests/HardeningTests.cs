using System.Net;
using Microsoft.Playwright;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using PeaceTalks.Web.Models;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests;

/// <summary>Security headers, /health, and URLs nobody should send but somebody will.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HardeningTests(BrowserFixture fixture)
{
    private HttpClient Client() => new() { BaseAddress = new Uri(fixture.App.BaseUrl) };

    [Theory]
    [InlineData("/")]
    [InlineData("/timeline?actor=yuri-ushakov")]
    [InlineData("/export/stances.csv")]
    [InlineData("/health")]
    [InlineData("/no-such-page")]
    public async Task EveryResponseCarriesTheSecurityHeaders(string path)
    {
        using var client = Client();

        using var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task HealthReportsTheDatabase()
    {
        using var client = Client();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string> MalformedUrls()
    {
        string[] routes = ["/", "/timeline", "/stances", "/actors", "/actors/yuri-ushakov", "/meetings", "/meetings/moscow-talks-2025-12-02", "/import", "/export/statements.csv", "/export/stances.csv"];
        string[] queries =
        [
            "?page=99999999999999999999999", "?page=-1", "?from=99999-99-99&to=0000-00-00", "?asof=2025-02-30&since=nope",
            "?q=%00", "?actor=%00&issue=%00&side=%00", "?q=" + new string('x', 10_000), "?actor=" + new string('a', 10_000),
            "?from=2025-01-01&from=2025-02-01&q=a&q=b&kind=statements&kind=meetings", "?foo=bar&baz", "?sort=%27%3BDROP%20TABLE%20Actors%3B--&dir=sideways",
            "?kind=%F0%9F%95%8A&order=%E2%80%AE", "?actor=" + string.Join("&actor=", Enumerable.Range(0, 300).Select(i => $"a{i}")),
        ];
        var data = new TheoryData<string>();
        foreach (var route in routes)
        {
            foreach (var query in queries)
            {
                data.Add(route + query);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedUrls))]
    public async Task MalformedQueryValuesNeverCauseAServerError(string url)
    {
        using var client = Client();

        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{(int)response.StatusCode} for {url[..Math.Min(120, url.Length)]}");
        Assert.DoesNotContain("An unhandled exception", body);
        Assert.DoesNotContain("Something went wrong", body);
    }

    [Theory]
    [InlineData("/timeline?from=99999-99-99&to=0000-00-00&q=%00&actor=%00", "is not a date")]
    [InlineData("/stances?asof=2025-02-30&since=nope&issue=%00", "is not a date")]
    [InlineData("/actors?page=99999999999999999999999&sort=zzz", "is not a page number")]
    public async Task AfterABadUrlTheLiveConnectionStaysUpAndTheMessageShows(string url, string message)
    {
        var page = await fixture.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        await page.GotoAsync(url);
        await new HomePage(page).WaitForInteractiveAsync();

        await Expect(page.Locator(".problem-list")).ToContainTextAsync(message);
        // Still live: a click on the dark-mode switch re-renders.
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync();
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/timeline")]
    [InlineData("/stances")]
    [InlineData("/actors/yuri-ushakov")]
    [InlineData("/meetings/moscow-talks-2025-12-02")]
    [InlineData("/import")]
    [InlineData("/statements/new")]
    [InlineData("/admin/users")]
    public async Task PagesRunUnderTheContentSecurityPolicyWithoutConsoleErrors(string path)
    {
        // Editing pages are for signed-in editors (an admin can open all of them).
        var page = path is "/import" or "/statements/new" or "/admin/users"
            ? await fixture.NewSignedInPageAsync(AppRoles.Admin)
            : await fixture.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);

        await page.GotoAsync(path);
        await new HomePage(page).WaitForInteractiveAsync();
        // One round trip over the live connection: everything the page started has had its turn to fail.
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync();

        Assert.Empty(errors);
    }

    [Fact]
    public async Task KeyboardFocusIsAlwaysVisible()
    {
        var page = await fixture.NewPageAsync();
        await new HomePage(page).OpenAsync();
        // Start from the top of the document, as a reader who has just arrived: the first Tab must reach the skip link.
        await page.EvaluateAsync("""
            () => {
              const root = document.documentElement;
              root.setAttribute('tabindex', '-1');
              root.focus();
              root.removeAttribute('tabindex');
            }
            """);
        var seen = new List<string>();

        for (var i = 0; i < 30; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<string[]>("""
                () => {
                  const el = document.activeElement;
                  if (!el || el === document.body) return ['(body)', 'none', 'none'];
                  const s = getComputedStyle(el);
                  return [el.tagName + ' ' + (el.getAttribute('aria-label') || el.textContent.trim().slice(0, 40)), s.outlineStyle, s.boxShadow];
                }
                """);
            seen.Add(focus[0]);
            Assert.True(focus[1] != "none" || focus[2] != "none", $"No visible focus on {focus[0]}");
        }
        Assert.Equal("A Skip to content", seen[0]);
        Assert.Contains(seen, s => s.Contains("Timeline"));
    }
}
