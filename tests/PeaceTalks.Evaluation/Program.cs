using System.Globalization;
using PeaceTalks.Evaluation;

// Scores the article-intake extractor on a hand-labelled set of news reports:
//   dotnet run --project tests/PeaceTalks.Evaluation -- [folder] [--misses]
// The folder defaults to ../shared/intake-dev beside the repository. "Today" is fixed at 2026-01-31, the day after the
// newest report of that set, so that undated reports resolve "Dec. 9" to the year the reports were written in.

var folder = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? FindDevSet();
if (folder is null || !File.Exists(Path.Combine(folder, "gold.csv")))
{
    Console.Error.WriteLine("No labelled set found: pass its folder (with index.csv, gold.csv, actors.csv and the article files).");
    return 2;
}
var (quotes, paraphrases, misses) = IntakeEvaluation.Run(folder, new DateOnly(2026, 1, 31));
Console.WriteLine($"Article intake on {Path.GetFullPath(folder)}");
Console.WriteLine("| Kind | Labelled | Proposed | Matched exactly | Precision | Recall | Speaker right | Date right |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var s in new[] { quotes, paraphrases })
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {s.Kind} | {s.Gold} | {s.Proposed} | {s.Matched} | {s.Precision:P0} | {s.Recall:P0} | {s.SpeakerAccuracy:P0} | {s.DateAccuracy:P0} |"));
}
if (args.Contains("--misses"))
{
    misses.ForEach(Console.WriteLine);
}
return 0;

static string? FindDevSet()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        var candidate = Path.Combine(folder.FullName, "..", "shared", "intake-dev");
        if (File.Exists(Path.Combine(folder.FullName, "PeaceTalks.sln")) && Directory.Exists(candidate))
        {
            return candidate;
        }
    }
    return null;
}
