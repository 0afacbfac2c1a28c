using System.Diagnostics;

namespace PeaceTalks.BrowserTests;

/// <summary>The built app as a separate process, the way `dotnet run` starts it.</summary>
public sealed class StartupTests
{
    /// <summary>
    /// The load-test command in docs/benchmarks.md starts the built dll from the repository root, where there is no appsettings.json:
    /// the app reads its own folder's settings (its database under its own App_Data), and a fresh install's setup code
    /// stands out at the end of the log as a block of its own.
    /// </summary>
    [Fact]
    public async Task TheBuiltAppStartedFromAnotherFolderReadsItsOwnSettingsAndShowsTheSetupCodeAsABlock()
    {
        var appFolder = AppContext.BaseDirectory;
        var appData = Path.Combine(appFolder, "App_Data");
        if (Directory.Exists(appData))
        {
            Directory.Delete(appData, recursive: true);
        }
        var elsewhere = Directory.CreateTempSubdirectory("peacetalks-cwd-").FullName;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = elsewhere, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(appFolder, "PeaceTalks.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment.Remove("ConnectionStrings__PeaceTalks");
        start.Environment.Remove("ASPNETCORE_CONTENTROOT");
        start.Environment["Logging__Console__FormatterName"] = "simple";

        using var process = Process.Start(start)!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // Waits for the block (it comes once the app listens), or for the app to stop.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while (!log.Any(l => l.Contains(Web.Accounts.SetupCodeBanner.Marker, StringComparison.Ordinal)) && !process.HasExited)
            {
                await Task.Delay(100, timeout.Token);
            }
            var lines = log.ToList();
            Assert.False(process.HasExited, "The app stopped: " + string.Join("\n", lines));
            Assert.DoesNotContain(lines, l => l.Contains("is not set", StringComparison.Ordinal));
            Assert.True(File.Exists(Path.Combine(appData, "peacetalks.db")), "The database is not in the app's own App_Data");
            var marker = lines.FindIndex(l => l.Contains(Web.Accounts.SetupCodeBanner.Marker, StringComparison.Ordinal));
            Assert.Matches("^=+$", lines[marker - 1].Trim());
            Assert.Matches(@"Open http://127\.0\.0\.1:\d+/setup and enter", lines[marker + 1]);
            var code = System.Text.RegularExpressions.Regex.Match(lines[marker + 3], @"^\s+([A-Z0-9]{4}(-[A-Z0-9]{4}){3})$");
            Assert.True(code.Success, lines[marker + 3]);
            var address = System.Text.RegularExpressions.Regex.Match(lines[marker + 1], @"http://127\.0\.0\.1:\d+").Value;
            using var client = new HttpClient();
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(address + "/health/ready")).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(elsewhere, recursive: true);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(appData))
            {
                Directory.Delete(appData, recursive: true);
            }
        }
    }

    [Fact]
    public async Task ACorruptDatabaseFileStopsTheAppWithOneClearLogLine()
    {
        var folder = Directory.CreateTempSubdirectory("peacetalks-corrupt-").FullName;
        var database = Path.Combine(folder, "peacetalks.db");
        await File.WriteAllTextAsync(database, new string('x', 4096));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PeaceTalks.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ConnectionStrings__PeaceTalks"] = $"Data Source={database}";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        var log = (await output + await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var critical = Assert.Single(log, line => line.StartsWith("crit:", StringComparison.Ordinal));
        Assert.Contains(database, critical);
        Assert.Contains("not a database", critical);
        Directory.Delete(folder, recursive: true);
    }
}
