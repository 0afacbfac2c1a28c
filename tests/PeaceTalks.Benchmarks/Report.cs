using System.Globalization;

namespace PeaceTalks.Benchmarks;

public sealed record Result(string Scenario, Stats Ours, Stats Peer, long Rows, string Target, bool? Met, string? Note = null)
{
    public double Ratio => Ours.MedianMs / Peer.MedianMs;
}

internal sealed record BenchOptions(string SizeName, SyntheticSize Size, string Out, bool Reuse, string[] Only)
{
    /// <summary>Whether a scenario group runs (--only timeline,matrix,export,import,coldstart; all by default).</summary>
    public bool Runs(string group) => Only.Length == 0 || Only.Contains(group);

    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var sizeName = Value("--size", "small");
        var size = sizeName switch
        {
            "tiny" => SyntheticSize.Tiny,
            "full" => SyntheticSize.Full,
            _ => SyntheticSize.Small,
        };
        size = size with
        {
            Actors = Number("--actors", size.Actors),
            Issues = Number("--issues", size.Issues),
            Statements = Number("--statements", size.Statements),
            Positions = Number("--positions", size.Positions),
            Years = Number("--years", size.Years),
            Seed = Number("--seed", size.Seed),
        };
        return new BenchOptions(sizeName, size, Value("--out", Path.Combine("artifacts", "bench")), args.Contains("--reuse"),
            Value("--only", "").Split(',', StringSplitOptions.RemoveEmptyEntries));
    }
}

internal static class Report
{
    public static void Print(List<Result> results, BenchOptions options, SyntheticSize size)
    {
        Console.WriteLine();
        Console.WriteLine($"| Scenario ({options.SizeName}) | Ours median (p95) | Peer median (p95) | Ours ÷ peer | Rows | Target | Met |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|---|");
        foreach (var r in results)
        {
            var met = r.Met switch { true => "yes", false => "**no**", null => "—" };
            Console.WriteLine($"| {r.Scenario} | {Ms(r.Ours.MedianMs)} ({Ms(r.Ours.P95Ms)}) | {Ms(r.Peer.MedianMs)} ({Ms(r.Peer.P95Ms)}) | " +
                $"{r.Ratio:N2}× | {r.Rows:N0} | {r.Target} | {met} |");
        }
        foreach (var r in results.Where(r => r.Note is not null))
        {
            Console.WriteLine($"- {r.Scenario}: {r.Note}");
        }
    }

    private static string Ms(double ms) => ms >= 1000 ? $"{ms / 1000:N2} s" : $"{ms:N1} ms";
}
