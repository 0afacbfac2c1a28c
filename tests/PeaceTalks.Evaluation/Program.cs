using System.Globalization;
using PeaceTalks.Evaluation;

// Scores the article-intake extractor on hand-labelled sets of news reports:
//   dotnet run --project tests/PeaceTalks.Evaluation -- [--articles DIR]... [--predictions FILE] [--today YYYY-MM-DD] [--misses] [--show 01.txt]
// Each --articles folder is a batch, scored on its own (one table each). The folder defaults to ../shared/intake-dev beside
// the repository. Every dated report is read against its own publication date (index.csv); only a month and day in an
// undated report needs "today", which defaults to the day after the newest publication date of its batch. With several
// batches, --predictions FILE writes one file per batch, named FILE with the batch folder's name before the extension.

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var folders = args.Select((a, i) => (a, i)).Where(x => x.a == "--articles" && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToList();
if (folders.Count == 0 && FindDevSet() is { } dev)
{
    folders.Add(dev);
}
if (folders.Count == 0)
{
    Console.Error.WriteLine("No labelled set found: pass its folder with --articles (index.csv, gold.csv, actors.csv and the article files).");
    return 2;
}
if (folders.FirstOrDefault(f => !File.Exists(Path.Combine(f, "gold.csv"))) is { } missing)
{
    Console.Error.WriteLine($"{Path.GetFullPath(missing)}: no gold.csv; a labelled set has index.csv, gold.csv, actors.csv and the article files.");
    return 2;
}
DateOnly? today = null;
if (Option("--today") is { } t)
{
    if (!DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
    {
        Console.Error.WriteLine($"--today: '{t}' is not a date (YYYY-MM-DD).");
        return 2;
    }
    today = day;
}
var runs = new List<(string Folder, ExtractionRun Run)>();
foreach (var folder in folders)
{
    try
    {
        runs.Add((folder, IntakeEvaluation.Extract(folder, today)));
    }
    catch (LabelledSetException ex)
    {
        Console.Error.WriteLine($"{Path.GetFullPath(folder)}: {ex.Message}");
        return 2;
    }
}
foreach (var (folder, run) in runs)
{
    if (Option("--predictions") is { } predictions)
    {
        var file = runs.Count == 1 ? predictions
            : Path.Combine(Path.GetDirectoryName(predictions) ?? "", $"{Path.GetFileNameWithoutExtension(predictions)}.{new DirectoryInfo(folder).Name}{Path.GetExtension(predictions)}");
        IntakeEvaluation.WritePredictions(run, file);
    }
    var (quotes, paraphrases, misses) = IntakeEvaluation.Exact(run);
    var overlaps = IntakeEvaluation.Overlap(run, [0.3, 0.8]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Article intake on {Path.GetFullPath(folder)} ({run.Texts.Count} reports; undated ones read on {run.Today:yyyy-MM-dd})"));
    if (today is null && run.Published.Values.All(p => p is null))
    {
        Console.WriteLine("No report of this batch has a date: undated reports are read on the day after today's clock; pass --today for the day they were collected.");
    }
    Console.WriteLine();
    Console.WriteLine("The issue's figures (spans matched by overlap ÷ the longer span ≥ threshold; speaker over the matched quotes, date over the matched quotes with a date):");
    Console.WriteLine("| Threshold | Quotes P | Quotes R | Speaker | Date | Paraphrase F1 |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
    foreach (var threshold in new[] { 0.3, 0.8 })
    {
        var q = overlaps.Single(o => o.Kind == "quote" && o.Threshold == threshold);
        var p = overlaps.Single(o => o.Kind == "paraphrase" && o.Threshold == threshold);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {threshold:0.0} | {q.Precision:P1} | {q.Recall:P1} | {q.SpeakerAccuracy:P1} | {(q.DatedGold == 0 ? "n/a" : q.DateAccuracy.ToString("P1", CultureInfo.InvariantCulture))} | {p.F1:P1} |"));
    }
    Console.WriteLine();
    Console.WriteLine("Both kinds by overlap:");
    Console.WriteLine("| Kind | Threshold | Labelled | Proposed | Precision | Recall | F1 | Speaker right | Date right |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var o in overlaps)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {o.Kind} | {o.Threshold:0.0} | {o.Gold} | {o.Proposed} | {o.Precision:P1} | {o.Recall:P1} | {o.F1:P1} | {o.SpeakerAccuracy:P1} | {(o.DatedGold == 0 ? "n/a" : o.DateAccuracy.ToString("P1", CultureInfo.InvariantCulture))} ({o.DateRight}/{o.DatedGold}) |"));
    }
    Console.WriteLine();
    Console.WriteLine("Exact matches (same words); date right counts an empty label matched by an undated candidate:");
    Console.WriteLine("| Kind | Labelled | Proposed | Matched exactly | Precision | Recall | Speaker right | Date right |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var s in new[] { quotes, paraphrases })
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {s.Kind} | {s.Gold} | {s.Proposed} | {s.Matched} | {s.Precision:P0} | {s.Recall:P0} | {s.SpeakerAccuracy:P0} | {s.DateAccuracy:P0} |"));
    }
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Time per article: {run.MeanMs:N1} ms mean, {run.MaxMs:N1} ms at most (the first includes warm-up)."));
    var (length, cold, mean, max) = run.LongReport();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"A {length:N0}-character report (the longest article repeated): {mean:N1} ms mean, {max:N1} ms at most over 5 runs; {cold:N1} ms the first time. Limit: 200 ms."));
    if (args.Contains("--misses"))
    {
        misses.ForEach(Console.WriteLine);
    }
    if (Option("--show") is { } show)
    {
        // Every candidate of one article with what its speaker, date and channel rest on.
        foreach (var (file, c) in run.Proposed.Where(p => p.File == show))
        {
            Console.WriteLine($"{c.Kind} [{c.Speaker.Name}] {c.Date.Date:yyyy-MM-dd}/{c.Date.Basis} {c.Channel.Channel}{(c.Meeting is { } m ? " @" + m.Slug : "")}: {c.Text}");
            Console.WriteLine($"    speaker: {c.Speaker.Basis}; date: {c.Date.Reason}; channel: {c.Channel.Reason}");
        }
    }
    Console.WriteLine();
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
