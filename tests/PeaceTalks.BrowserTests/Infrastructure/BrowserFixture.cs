using Microsoft.Playwright;

namespace PeaceTalks.BrowserTests.Infrastructure;

/// <summary>One app and one browser for the whole browser test run; each test gets its own page (context).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowserContext? _previous;

    public AppServer App { get; } = new();
    public IBrowser? Browser { get; private set; }

    public static string ScreenshotFolder { get; } = Path.Combine(FindRoot(), "artifacts", "screenshots");

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
        if (Browser is null)
        {
            Assert.Skip(Chromium.MissingMessage);
        }
        // Tests in the browser collection run one at a time; closing the last test's context ends its live
        // connection, so open circuits do not pile up in the app and the browser.
        if (_previous is not null)
        {
            await _previous.CloseAsync();
        }
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = darkMode ? ColorScheme.Dark : ColorScheme.Light,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        _previous = context;
        return await context.NewPageAsync();
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
