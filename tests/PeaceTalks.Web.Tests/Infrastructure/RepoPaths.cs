namespace PeaceTalks.Web.Tests.Infrastructure;

/// <summary>Where the repository, its data/ folder and the shared seed article are, found from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The seed CSVs as shipped beside the app (copied from data/ at build).</summary>
    public static string SeedData => Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>The repository's data/ folder itself.</summary>
    public static string DataFolder => Path.Combine(Root, "data");

    /// <summary>The news article the seed is drawn from; CI keeps it beside the checkout.</summary>
    public static string Article => Path.GetFullPath(Path.Combine(Root, "..", "shared", "seed", "article.txt"));

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PeaceTalks.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"PeaceTalks.sln not found above {AppContext.BaseDirectory}");
    }
}
