using System.Globalization;
using PeaceTalks.Evaluation;

// Scores the article-intake extractor on a hand-labelled set of news reports:
//   dotnet run --project tests/PeaceTalks.Evaluation -- [--articles DIR] [--predictions FILE] [--misses]
// The folder defaults to ../shared/intake-dev beside the repository. "Today" is fixed at 2026-01-31, the day after the
// newest report of that set, so that undated reports resolve "Dec. 9" to the year the reports were written in.

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var folder = Option("--articles") ?? FindDevSet();
if (folder is null || !File.Exists(Path.Combine(folder, "gold.csv")))
{
    Console.Error.WriteLine("No labelled set found: pass its folder (with index.csv, gold.csv, actors.csv and the article files).");
    return 2;
}
ExtractionRun run;
try
{
    run = IntakeEvaluation.Extract(folder, new DateOnly(2026, 1, 31));
}
catch (LabelledSetException ex)
{
    Console.Error.WriteLine($"{Path.GetFullPath(folder)}: {ex.Message}");
    return 2;
}
if (Option("--predictions") is { } predictions)
{
    IntakeEvaluation.WritePredictions(run, predictions);
}
var (quotes, paraphrases, misses) = IntakeEvaluation.Exact(run);
var overlaps = IntakeEvaluation.Overlap(run, [0.3, 0.8]);
Console.WriteLine($"Article intake on {Path.GetFullPath(folder)}");
Console.WriteLine("| Kind | Labelled | Proposed | Matched exactly | Precision | Recall | Speaker right | Date right |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var s in new[] { quotes, paraphrases })
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {s.Kind} | {s.Gold} | {s.Proposed} | {s.Matched} | {s.Precision:P0} | {s.Recall:P0} | {s.SpeakerAccuracy:P0} | {s.DateAccuracy:P0} |"));
}
Console.WriteLine();
Console.WriteLine("Spans matched by overlap (overlap ÷ the longer span ≥ threshold); speaker over the matched, date over the matched labels with a date:");
Console.WriteLine("| Kind | Threshold | Precision | Recall | F1 | Speaker right | Date right |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
foreach (var o in overlaps)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {o.Kind} | {o.Threshold:0.0} | {o.Precision:P0} | {o.Recall:P0} | {o.F1:P0} | {o.SpeakerAccuracy:P0} | {o.DateAccuracy:P0} |"));
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Time per article: {run.MeanMs:N1} ms mean, {run.MaxMs:N1} ms at most."));
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
