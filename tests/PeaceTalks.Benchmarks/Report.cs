using System.Globalization;

namespace PeaceTalks.Benchmarks;

public sealed record Result(string Scenario, Stats Ours, Stats Peer, long Rows, string Target, bool? Met, string? Note = null)
{
    public double Ratio => Ours.MedianMs / Peer.MedianMs;
}

/// <summary>A command line the benchmark cannot run: the message says what is wrong.</summary>
internal sealed class BenchUsageException(string message) : Exception(message);

internal sealed record BenchOptions(string SizeName, SyntheticSize Size, string Out, bool Reuse, string[] Only, string Provider = "sqlite")
{
    public static readonly string[] Groups = ["timeline", "matrix", "plans", "export", "import", "edit", "coldstart", "readers", "api", "review"];

    private static readonly string[] ValueOptions = ["--size", "--seed", "--statements", "--positions", "--actors", "--issues", "--years", "--out", "--only", "--provider"];
    private static readonly string[] Flags = ["--reuse"];

    /// <summary>Whether a scenario group runs (--only timeline,matrix,…; all by default).</summary>
    public bool Runs(string group) => Only.Length == 0 || Only.Contains(group);

    /// <summary>
    /// Reads "--name value" and "--name=value". Anything it does not know is an error rather than silently ignored
    /// (a misspelt option once became a 64 MB file named "--size").
    /// </summary>
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            if (Flags.Contains(name) && equals < 0)
            {
                flags.Add(name);
            }
            else if (ValueOptions.Contains(name))
            {
                string value;
                if (equals > 0)
                {
                    value = arg[(equals + 1)..];
                }
                else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    value = args[++i];
                }
                else
                {
                    throw new BenchUsageException($"{name} needs a value, e.g. {name}=… or {name} …");
                }
                if (!values.TryAdd(name, value))
                {
                    throw new BenchUsageException($"{name} is given twice.");
                }
            }
            else
            {
                throw new BenchUsageException($"Unknown option '{arg}'. Options: {string.Join(", ", ValueOptions.Concat(Flags))}.");
            }
        }

        int Number(string name, int fallback)
        {
            if (!values.TryGetValue(name, out var text))
            {
                return fallback;
            }
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new BenchUsageException($"{name} must be a whole number above 0, not '{text}'.");
        }
        var sizeName = values.GetValueOrDefault("--size", "small");
        var size = sizeName switch
        {
            "tiny" => SyntheticSize.Tiny,
            "small" => SyntheticSize.Small,
            "full" => SyntheticSize.Full,
            _ => throw new BenchUsageException($"--size must be tiny, small or full, not '{sizeName}'."),
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
        var only = values.GetValueOrDefault("--only", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (only.FirstOrDefault(g => !Groups.Contains(g)) is { } unknown)
        {
            throw new BenchUsageException($"--only knows {string.Join(", ", Groups)}, not '{unknown}'.");
        }
        var provider = values.GetValueOrDefault("--provider", "sqlite");
        if (provider is not ("sqlite" or "postgres"))
        {
            throw new BenchUsageException($"--provider must be sqlite or postgres, not '{provider}'.");
        }
        return new BenchOptions(sizeName, size, values.GetValueOrDefault("--out", Path.Combine("artifacts", "bench")), flags.Contains("--reuse"), only, provider);
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

/// <summary>Results in the order measured, each printed as soon as it is known, so a later failure loses nothing.</summary>
public sealed class ResultLog
{
    public List<Result> All { get; } = [];

    public void Add(Result result)
    {
        All.Add(result);
        Console.WriteLine($"  measured: {result.Scenario}: ours median {result.Ours.MedianMs:N1} ms, peer {result.Peer.MedianMs:N1} ms, target {result.Target}: {(result.Met == true ? "met" : "MISSED")}");
    }
}
