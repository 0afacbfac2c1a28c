using System.Diagnostics;

namespace PeaceTalks.BrowserTests;

/// <summary>The built app as a separate process, the way `dotnet run` starts it.</summary>
public sealed class StartupTests
{
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
