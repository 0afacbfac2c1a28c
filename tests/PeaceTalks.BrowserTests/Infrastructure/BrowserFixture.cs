using Microsoft.Playwright;

namespace PeaceTalks.BrowserTests.Infrastructure;

/// <summary>One app and one browser for the whole browser test run; each test gets its own page (context).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowserContext? _previous;
    private readonly List<IBrowserContext> _extra = [];

    public AppServer App { get; } = new();
    public IBrowser? Browser { get; private set; }

    /// <summary>The repository's root folder (where PeaceTalks.sln is).</summary>
    public static string RepoRoot { get; } = FindRoot();

    public static string ScreenshotFolder { get; } = Path.Combine(RepoRoot, "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        App.Start();
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
        if (Browser is null && Chromium.IsCi)
        {
            throw new InvalidOperationException(Chromium.MissingMessage + " CI=true, so this is a failure, not a skip.");
        }
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh page at the given viewport size; skips the test when no browser could be found.</summary>
    public Task<IPage> NewPageAsync(int width = 1366, int height = 768, bool darkMode = false) =>
        NewPageAsync(App.BaseUrl, width, height, darkMode);

    /// <summary>A fresh page on another app server (one seeded with different data).</summary>
    public async Task<IPage> NewPageAsync(string baseUrl, int width = 1366, int height = 768, bool darkMode = false)
    {
        // Tests in the browser collection run one at a time; closing the last test's contexts ends their live
        // connections, so open circuits do not pile up in the app and the browser.
        if (_previous is not null)
        {
            await _previous.CloseAsync();
        }
        foreach (var extra in _extra)
        {
            await extra.CloseAsync();
        }
        _extra.Clear();
        var context = await NewContextAsync(baseUrl, width, height, darkMode);
        _previous = context;
        return await context.NewPageAsync();
    }

    /// <summary>A second browser (its own cookies) open beside the test's first page, e.g. a second editor.</summary>
    public async Task<IPage> AnotherPageAsync(string baseUrl, int width = 1366, int height = 768)
    {
        var context = await NewContextAsync(baseUrl, width, height, false);
        _extra.Add(context);
        return await context.NewPageAsync();
    }

    private async Task<IBrowserContext> NewContextAsync(string baseUrl, int width, int height, bool darkMode)
    {
        if (Browser is null)
        {
            Assert.Skip(Chromium.MissingMessage);
        }
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = darkMode ? ColorScheme.Dark : ColorScheme.Light,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        // Assertions wait as long as actions do: on two busy cores a debounced search can take more than the default 5 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        return context;
    }

    /// <summary>A fresh page signed in with a new account of the given role (one account per role and app).</summary>
    public Task<IPage> NewSignedInPageAsync(string role, int width = 1366, int height = 768, bool darkMode = false) =>
        NewSignedInPageAsync(App, role, width, height, darkMode);

    public async Task<IPage> NewSignedInPageAsync(AppServer app, string role, int width = 1366, int height = 768, bool darkMode = false)
    {
        var email = $"{role.ToLowerInvariant()}@peacetalks.test";
        await app.CreateUserAsync(email, $"Test {role}", role);
        var page = await NewPageAsync(app.BaseUrl, width, height, darkMode);
        await new Pages.SignInPage(page).SignInAsync(email, AppServer.Password);
        return page;
    }

    /// <summary>Saves what the screen shows, and (for pages longer than the screen) the whole page as name-full.png.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png") });
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        if (height > page.ViewportSize!.Height)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + "-full.png"), FullPage = true });
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PeaceTalks.sln")))
            {
                return dir.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
