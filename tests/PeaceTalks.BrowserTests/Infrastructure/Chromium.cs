using Microsoft.Playwright;

namespace PeaceTalks.BrowserTests.Infrastructure;

/// <summary>
/// Finds a Chromium to drive: Debian's /usr/bin/chromium when present, else Playwright's own download
/// (which needs its download host). Without either the browser tests are skipped on a developer's
/// machine, and fail under CI=true.
/// </summary>
public static class Chromium
{
    public const string DebianPath = "/usr/bin/chromium";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static async Task<IBrowser?> LaunchAsync(IPlaywright playwright)
    {
        var options = new BrowserTypeLaunchOptions
        {
            Headless = true,
            Args = ["--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        };
        if (File.Exists(DebianPath))
        {
            options.ExecutablePath = DebianPath;
            return await playwright.Chromium.LaunchAsync(options);
        }
        if (Microsoft.Playwright.Program.Main(["install", "chromium"]) == 0)
        {
            return await playwright.Chromium.LaunchAsync(options);
        }
        return null;
    }

    public const string MissingMessage =
        "No Chromium: install Debian's package (apt-get install -y chromium) or let Playwright download one (playwright install chromium).";
}
