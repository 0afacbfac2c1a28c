using System.Diagnostics;
using PeaceTalks.Benchmarks;
using PeaceTalks.Web.Tests.Infrastructure;

namespace PeaceTalks.Web.Tests.Repository;

/// <summary>What is committed stays small and clean; the benchmark's command line refuses what it does not know.</summary>
public sealed class RepositoryTests
{
    private const long MaxTrackedBytes = 5 * 1024 * 1024;

    private static IReadOnlyList<string> TrackedFiles()
    {
        if (!Directory.Exists(Path.Combine(RepoPaths.Root, ".git")))
        {
            Assert.False(RepoPaths.IsCi, "CI runs on a clone: the repository's files must be checkable.");
            Assert.Skip("Not a git checkout: there are no tracked files to check.");
        }
        var start = new ProcessStartInfo("git", ["ls-files", "-z"])
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
        };
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void NoTrackedFileIsOverFiveMegabytes()
    {
        var files = TrackedFiles();

        Assert.True(files.Count > 50, $"Only {files.Count} tracked files: the listing did not work");
        // A file deleted in the working copy but not yet committed has no size to check; a clean clone has none.
        var big = files.Select(f => new FileInfo(Path.Combine(RepoPaths.Root, f))).Where(f => f.Exists)
            .Select(f => (File: Path.GetRelativePath(RepoPaths.Root, f.FullName), Bytes: f.Length))
            .Where(f => f.Bytes > MaxTrackedBytes).ToList();
        Assert.True(big.Count == 0, "Tracked files over 5 MB: " + string.Join(", ", big.Select(f => $"{f.File} ({f.Bytes / 1024 / 1024} MB)")));
    }

    [Fact]
    public void NoDatabaseBuildOutputOrOptionNamedFileIsTracked()
    {
        var files = TrackedFiles();

        var stray = files.Where(f =>
            f.EndsWith(".db", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".db-wal", StringComparison.OrdinalIgnoreCase)
            || f.EndsWith(".db-shm", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(f).StartsWith('-')
            || f.Split('/').Any(part => part is "bin" or "obj" or "artifacts" or "App_Data")).ToList();
        Assert.Empty(stray);
        Assert.Contains("README.md", files);
    }

    [Fact]
    public void TheBenchmarkTakesBothOptionFormsAndRefusesUnknownOnes()
    {
        var spaced = BenchOptions.Parse(["--size", "full", "--seed", "7", "--only", "matrix,import"]);
        var joined = BenchOptions.Parse(["--size=full", "--seed=7", "--only=matrix,import"]);

        Assert.Equal(("full", 7, 1_000_000), (spaced.SizeName, spaced.Size.Seed, spaced.Size.Statements));
        Assert.Equal((spaced.SizeName, spaced.Size), (joined.SizeName, joined.Size));
        Assert.Equal(spaced.Only, joined.Only);
        Assert.Contains("Unknown option '--sise'", Assert.Throws<BenchUsageException>(() => BenchOptions.Parse(["--sise", "full"])).Message);
        Assert.Contains("Unknown option 'full'", Assert.Throws<BenchUsageException>(() => BenchOptions.Parse(["full"])).Message);
        Assert.Contains("--size must be tiny, small or full", Assert.Throws<BenchUsageException>(() => BenchOptions.Parse(["--size=huge"])).Message);
        Assert.Contains("--size needs a value", Assert.Throws<BenchUsageException>(() => BenchOptions.Parse(["--size"])).Message);
        Assert.Contains("--seed must be a whole number", Assert.Throws<BenchUsageException>(() => BenchOptions.Parse(["--seed", "x7"])).Message);
        Assert.Contains("--only knows", Assert.Throws<BenchUsageException>(() => BenchOptions.Parse(["--only=matrx"])).Message);
        Assert.Equal(["plans"], BenchOptions.Parse(["--only", "plans"]).Only);
        Assert.True(BenchOptions.Parse([]).Runs("plans"));
    }
}
