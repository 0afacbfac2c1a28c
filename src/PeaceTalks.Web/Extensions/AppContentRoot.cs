namespace PeaceTalks.Web.Extensions;

/// <summary>
/// Where the app reads appsettings.json from and keeps App_Data. ASP.NET Core takes the working directory, which is
/// right for `dotnet run` (the project folder) and a container (its WORKDIR), but not for the built app started from
/// elsewhere (`dotnet src/PeaceTalks.Web/bin/Release/net10.0/PeaceTalks.Web.dll` from the repository root, as the
/// load test's instructions do), which then found no settings. So: the working directory when it has an
/// appsettings.json, else the app's own folder when that has one. An explicit --contentRoot (or
/// ASPNETCORE_CONTENTROOT) still wins.
/// </summary>
public static class AppContentRoot
{
    private const string Settings = "appsettings.json";

    /// <summary>The builder's options: a content root only where the default (the working directory) would not do.</summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var workingDirectory = Directory.GetCurrentDirectory();
        var root = Given(args) ? workingDirectory : For(workingDirectory, AppContext.BaseDirectory);
        return new WebApplicationOptions { Args = args, ContentRootPath = root == workingDirectory ? null : root };
    }

    /// <summary>The content root for a working directory and the app's folder.</summary>
    public static string For(string workingDirectory, string appDirectory) =>
        !File.Exists(Path.Combine(workingDirectory, Settings)) && File.Exists(Path.Combine(appDirectory, Settings))
            ? appDirectory
            : workingDirectory;

    private static bool Given(string[] args) =>
        args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
}
