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

/// <summary>
/// Scores the extractor on a labelled folder in the layout of ../shared/intake-dev (article files, index.csv,
/// gold.csv, actors.csv). A candidate matches a label with the same file, kind and exact words, one to one.
/// A label without a date is matched by a candidate that is not sure of the day either ("on or before").
/// </summary>
public static class IntakeEvaluation
{
    public static (KindScore Quotes, KindScore Paraphrases, List<string> Misses) Run(string folder, DateOnly today)
    {
        var actors = ReadCsv(Path.Combine(folder, "actors.csv"))
            .Select(r => new KnownActor(r["slug"], r["name"], r["role"], [.. r["alternative_names"].Split('|', StringSplitOptions.RemoveEmptyEntries)]))
            .ToList();
        var extractor = new StatementExtractor(actors, []);
        var gold = ReadCsv(Path.Combine(folder, "gold.csv")).Select(r => new GoldRow(r["file"], r["speaker"], r["date"], r["quote"], r["kind"])).ToList();
        var proposed = new List<(string File, Candidate Candidate)>();
        foreach (var article in ReadCsv(Path.Combine(folder, "index.csv")))
        {
            var text = File.ReadAllText(Path.Combine(folder, article["file"]));
            DateOnly? published = article["published_on"] is { Length: > 0 } p ? DateOnly.ParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            proposed.AddRange(extractor.Extract(text, published, today).Select(c => (article["file"], c)));
        }

        var misses = new List<string>();
        KindScore Score(string kind, TextKind textKind)
        {
            var labels = gold.Where(g => g.Kind == kind).ToList();
            var candidates = proposed.Where(p => p.Candidate.Kind == textKind).ToList();
            var used = new HashSet<int>();
            int matched = 0, speakerRight = 0, dateRight = 0;
            foreach (var label in labels)
            {
                var index = candidates.FindIndex(c => c.File == label.File && c.Candidate.Text == label.Text && !used.Contains(candidates.IndexOf(c)));
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

    private static string Short(string text) => text.Length > 70 ? text[..69] + "…" : text;

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = CsvHelper.CsvReader.FromFile(path);
        var header = reader.Headers.ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(header.Select((h, i) => (h, v: reader.GetString(i))).ToDictionary(x => x.h, x => x.v));
        }
        return rows;
    }
}
