using System.Globalization;
using PeaceTalks.Web.Intake;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Evaluation;

/// <summary>One hand-labelled statement of the set: file, speaker's name, ISO date or empty, the words, quote or paraphrase.</summary>
public sealed record GoldRow(string File, string Speaker, string Date, string Text, string Kind);

/// <summary>How well the extractor's candidates match the labels, per kind.</summary>
public sealed record KindScore(string Kind, int Gold, int Proposed, int Matched, int SpeakerRight, int DateRight)
{
    public double Precision => Proposed == 0 ? 0 : (double)Matched / Proposed;
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;
    public double SpeakerAccuracy => Matched == 0 ? 0 : (double)SpeakerRight / Matched;
    public double DateAccuracy => Matched == 0 ? 0 : (double)DateRight / Matched;
}

/// <summary>Span scores at one overlap threshold (the Gender Gap Tracker's method), per kind.</summary>
public sealed record OverlapScore(string Kind, double Threshold, int Gold, int Proposed, int Matched, int SpeakerRight, int DatedGold, int DateRight)
{
    public double Precision => Proposed == 0 ? 0 : (double)Matched / Proposed;
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public double SpeakerAccuracy => Matched == 0 ? 0 : (double)SpeakerRight / Matched;
    public double DateAccuracy => DatedGold == 0 ? 0 : (double)DateRight / DatedGold;
}

/// <summary>A file of the labelled set that cannot be read: which file, which row, why.</summary>
public sealed class LabelledSetException(string message) : Exception(message);

/// <summary>
/// The labelled set read once and the extractor run once over it: the labels, every candidate with its article, the
/// article texts (to place spans) and the time each article took. Both scorings and the predictions file read this.
/// </summary>
public sealed record ExtractionRun(
    List<GoldRow> Gold,
    List<(string File, Candidate Candidate)> Proposed,
    Dictionary<string, string> Texts,
    List<double> Milliseconds)
{
    public double MeanMs => Milliseconds.Count == 0 ? 0 : Milliseconds.Average();
    public double MaxMs => Milliseconds.Count == 0 ? 0 : Milliseconds.Max();

    /// <summary>The extractor the run used, for timing runs on made-up inputs.</summary>
    public StatementExtractor? Extractor { get; init; }

    /// <summary>The day the reports were read (only undated reports use it).</summary>
    public DateOnly Today { get; set; }

    public Dictionary<string, DateOnly?> Published { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The time for one long report: the set's longest article repeated to <paramref name="length"/> characters, run
    /// <paramref name="runs"/> times after one warm-up run; the first (cold) run, the mean and the slowest of the others.
    /// </summary>
    public (int Length, double ColdMs, double MeanMs, double MaxMs) LongReport(int length = 20_000, int runs = 5)
    {
        if (Extractor is null || Texts.Count == 0)
        {
            return (0, 0, 0, 0);
        }
        var (file, text) = Texts.MaxBy(t => t.Value.Length);
        var builder = new System.Text.StringBuilder(length + text.Length);
        while (builder.Length < length)
        {
            builder.Append(text).Append("\n\n");
        }
        var report = builder.ToString(0, length);
        var published = Published.GetValueOrDefault(file);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Extractor.Extract(report, published, Today);
        var cold = clock.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            clock.Restart();
            Extractor.Extract(report, published, Today);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return (report.Length, cold, times.Average(), times.Max());
    }
}

/// <summary>
/// Scores the extractor on a labelled folder in the layout of ../shared/intake-dev (article files, index.csv,
/// gold.csv, actors.csv): exactly (same file, kind and words) and by span overlap. A label without a date is matched
/// by a candidate that is not sure of the day either ("on or before").
/// </summary>
public static class IntakeEvaluation
{
    /// <summary>
    /// Reads the folder (index.csv, gold.csv, actors.csv and the article files, each checked for its columns, with file,
    /// row and column named when something is wrong) and runs the extractor over every article once, timing each.
    /// </summary>
    public static ExtractionRun Extract(string folder, DateOnly today) => Extract(folder, (DateOnly?)today);

    /// <param name="today">
    /// The day the reports are read. Only a month and day in an undated report takes its year from it; dated reports are read
    /// against their own publication date. Null: the day after the newest publication date of the set, as if the editor
    /// pasted the reports as they were collected (never a day before any report of the set).
    /// </param>
    public static ExtractionRun Extract(string folder, DateOnly? today)
    {
        var actors = ReadCsv(Path.Combine(folder, "actors.csv"), "slug", "name", "role", "alternative_names")
            .Select(r => new KnownActor(r["slug"], r["name"], r["role"], [.. r["alternative_names"].Split('|', StringSplitOptions.RemoveEmptyEntries)],
                r.TryGetValue("side", out var side) && side.Length > 0 ? side : null,
                r.TryGetValue("kind", out var kind) && Enum.TryParse<ActorKind>(kind, ignoreCase: true, out var k) ? k : null))
            .ToList();
        var extractor = new StatementExtractor(actors, []);
        var gold = ReadCsv(Path.Combine(folder, "gold.csv"), "file", "speaker", "date", "quote", "kind")
            .Select(r => new GoldRow(r["file"], r["speaker"], r["date"], r["quote"], r["kind"])).ToList();
        var run = new ExtractionRun(gold, [], new Dictionary<string, string>(StringComparer.Ordinal), []) { Extractor = extractor };
        var index = ReadCsv(Path.Combine(folder, "index.csv"), "file", "published_on");
        var dates = new List<DateOnly?>();
        for (var row = 0; row < index.Count; row++)
        {
            dates.Add(index[row]["published_on"] is { Length: > 0 } p
                ? DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
                    : throw new LabelledSetException($"index.csv row {row + 2}, column published_on: '{p}' is not a date (YYYY-MM-DD).")
                : null);
        }
        var readOn = today ?? (dates.OfType<DateOnly>().DefaultIfEmpty(DateOnly.FromDateTime(DateTime.UtcNow)).Max().AddDays(1));
        run.Today = readOn;
        for (var row = 0; row < index.Count; row++)
        {
            var article = index[row];
            var path = Path.Combine(folder, article["file"]);
            if (!File.Exists(path))
            {
                throw new LabelledSetException($"index.csv row {row + 2}: the article file '{article["file"]}' does not exist.");
            }
            var published = dates[row];
            var text = File.ReadAllText(path);
            run.Texts[article["file"]] = text;
            run.Published[article["file"]] = published;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var candidates = extractor.Extract(text, published, readOn);
            run.Milliseconds.Add(clock.Elapsed.TotalMilliseconds);
            run.Proposed.AddRange(candidates.Select(c => (article["file"], c)));
        }
        return run;
    }

    /// <summary>Exact matches: a candidate matches a label with the same file, kind and words, one to one; the misses say why.</summary>
    public static (KindScore Quotes, KindScore Paraphrases, List<string> Misses) Exact(ExtractionRun run)
    {
        var (gold, proposed) = (run.Gold, run.Proposed);
        var misses = new List<string>();
        KindScore Score(string kind, TextKind textKind)
        {
            var labels = gold.Where(g => g.Kind == kind).ToList();
            var candidates = proposed.Where(p => p.Candidate.Kind == textKind).ToList();
            var used = new HashSet<int>();
            int matched = 0, speakerRight = 0, dateRight = 0;
            foreach (var label in labels)
            {
                // The same words given to two speakers (a joint statement): the candidate with the label's speaker first.
                var index = Enumerable.Range(0, candidates.Count)
                    .Where(i => !used.Contains(i) && candidates[i].File == label.File && candidates[i].Candidate.Text == label.Text)
                    .OrderByDescending(i => candidates[i].Candidate.Speaker.Name == label.Speaker).DefaultIfEmpty(-1).First();
                if (index < 0)
                {
                    misses.Add($"{label.File} {kind} not found: {Short(label.Text)}");
                    continue;
                }
                used.Add(index);
                matched++;
                var c = candidates[index].Candidate;
                if (c.Speaker.Name == label.Speaker)
                {
                    speakerRight++;
                }
                else
                {
                    misses.Add($"{label.File} {kind} speaker {c.Speaker.Name} ≠ {label.Speaker}: {Short(label.Text)}");
                }
                var ours = c.Date.Basis == DateBasis.On && c.Date.Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
                if (ours == label.Date)
                {
                    dateRight++;
                }
                else
                {
                    misses.Add($"{label.File} {kind} date '{ours}' ≠ '{label.Date}' ({c.Date.Reason}): {Short(label.Text)}");
                }
            }
            return new KindScore(kind, labels.Count, candidates.Count, matched, speakerRight, dateRight);
        }
        return (Score("quote", TextKind.Quote), Score("paraphrase", TextKind.Paraphrase), misses);
    }

    /// <summary>
    /// Span scores at each threshold: a candidate matches a label of the same article and kind when their character
    /// overlap ÷ the longer span is at least the threshold (one to one, best overlap first; of equal overlaps, the pair with
    /// the same speaker first). Speaker accuracy is over
    /// the matched labels; date accuracy over the matched labels that carry a date.
    /// </summary>
    public static List<OverlapScore> Overlap(ExtractionRun run, double[] thresholds)
    {
        var (gold, proposed, texts) = (run.Gold, run.Proposed, run.Texts);
        (int Start, int Length) Span(string file, string words) =>
            texts.TryGetValue(file, out var text) && text.IndexOf(words, StringComparison.Ordinal) is var at and >= 0 ? (at, words.Length) : (-1, words.Length);

        var scores = new List<OverlapScore>();
        foreach (var (kind, textKind) in new[] { ("quote", TextKind.Quote), ("paraphrase", TextKind.Paraphrase) })
        {
            var labels = gold.Where(g => g.Kind == kind).ToList();
            var candidates = proposed.Where(p => p.Candidate.Kind == textKind).ToList();
            foreach (var threshold in thresholds)
            {
                var pairs = new List<(int Label, int Candidate, double Overlap, bool SameSpeaker)>();
                for (var l = 0; l < labels.Count; l++)
                {
                    var ls = Span(labels[l].File, labels[l].Text);
                    for (var c = 0; c < candidates.Count; c++)
                    {
                        if (candidates[c].File != labels[l].File)
                        {
                            continue;
                        }
                        var cs = Span(candidates[c].File, candidates[c].Candidate.Text);
                        double overlap = ls.Start < 0 || cs.Start < 0
                            ? (labels[l].Text == candidates[c].Candidate.Text ? 1 : 0)
                            : Math.Max(0, Math.Min(ls.Start + ls.Length, cs.Start + cs.Length) - Math.Max(ls.Start, cs.Start)) / (double)Math.Max(ls.Length, cs.Length);
                        if (overlap >= threshold)
                        {
                            pairs.Add((l, c, overlap, candidates[c].Candidate.Speaker.Name == labels[l].Speaker));
                        }
                    }
                }
                var usedLabels = new HashSet<int>();
                var usedCandidates = new HashSet<int>();
                int matched = 0, speakerRight = 0, dated = 0, dateRight = 0;
                // Best overlap first; between equal overlaps (one clause given to two speakers) the pair that agrees on the speaker.
                foreach (var (l, c, _, _) in pairs.OrderByDescending(p => p.Overlap).ThenByDescending(p => p.SameSpeaker))
                {
                    if (usedLabels.Contains(l) || usedCandidates.Contains(c))
                    {
                        continue;
                    }
                    usedLabels.Add(l);
                    usedCandidates.Add(c);
                    matched++;
                    var candidate = candidates[c].Candidate;
                    speakerRight += candidate.Speaker.Name == labels[l].Speaker ? 1 : 0;
                    if (labels[l].Date.Length > 0)
                    {
                        dated++;
                        var ours = candidate.Date.Basis == DateBasis.On && candidate.Date.Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
                        dateRight += ours == labels[l].Date ? 1 : 0;
                    }
                }
                scores.Add(new OverlapScore(kind, threshold, labels.Count, candidates.Count, matched, speakerRight, dated, dateRight));
            }
        }
        return scores;
    }

    /// <summary>Every candidate written in gold.csv's columns, to compare with the labels by hand or with another tool.</summary>
    public static void WritePredictions(ExtractionRun run, string path)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("file,speaker,date,quote,kind");
        foreach (var (file, c) in run.Proposed)
        {
            var date = c.Date.Basis == DateBasis.On && c.Date.Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
            writer.WriteLine(string.Join(',', new[] { file, c.Speaker.Name, date, c.Text, c.Kind == TextKind.Quote ? "quote" : "paraphrase" }.Select(Cell)));
        }
    }

    private static string Cell(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string Short(string text) => text.Length > 70 ? text[..69] + "…" : text;

    private static List<Dictionary<string, string>> ReadCsv(string path, params string[] required)
    {
        if (!File.Exists(path))
        {
            throw new LabelledSetException($"{Path.GetFileName(path)} is missing from the folder.");
        }
        using var reader = CsvHelper.CsvReader.FromFile(path);
        var header = reader.Headers.ToArray();
        if (required.FirstOrDefault(r => !header.Contains(r)) is { } missing)
        {
            throw new LabelledSetException($"{Path.GetFileName(path)} row 1: the column '{missing}' is missing.");
        }
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(header.Select((h, i) => (h, v: reader.GetString(i))).ToDictionary(x => x.h, x => x.v));
        }
        return rows;
    }
}
