using System.Text.RegularExpressions;

namespace PeaceTalks.Web.Intake;

/// <summary>A plan point the intake knows: which plan and version it is in, its number and its words.</summary>
public sealed record KnownPoint(string Key, string PlanTitle, string VersionLabel, DateOnly VersionDate, string Number, string Text, IReadOnlyList<string> IssueNames);

/// <summary>A point a report names near a statement, and how it was found.</summary>
public sealed record PointSuggestion(string Key, string Reason);

/// <summary>
/// Finds the plan points a report speaks of: "point 7" or "points 12 and 14" (in the version the report names — "the
/// 20-point framework", "the 28-point plan" — or else the latest), and "the clause on NATO" / "the point about the
/// Zaporizhzhia plant" by the words of a point. Only points of the versions the record holds are proposed.
/// </summary>
public sealed partial class PointMentions(IReadOnlyList<KnownPoint> points)
{
    private static readonly HashSet<string> Filler =
        ["the", "a", "an", "of", "on", "in", "to", "and", "for", "its", "their", "about", "over", "with", "that", "is", "be", "would", "will"];

    /// <summary>The points named in <paramref name="context"/> (a statement's paragraph), reading the whole report for the version it means.</summary>
    public IReadOnlyList<PointSuggestion> Find(string context, string report)
    {
        if (points.Count == 0)
        {
            return [];
        }
        var version = VersionNamed(context) ?? VersionNamed(report);
        var candidates = version is null
            ? points.GroupBy(p => (p.PlanTitle, p.VersionLabel)).OrderBy(g => g.First().VersionDate).Last().ToList()
            : [.. points.Where(p => p.VersionLabel == version)];
        var found = new List<PointSuggestion>();
        foreach (Match match in Numbered().Matches(context))
        {
            foreach (Capture number in match.Groups["n"].Captures)
            {
                if (candidates.FirstOrDefault(p => string.Equals(p.Number.Replace(" ", ""), number.Value.Replace(" ", ""), StringComparison.OrdinalIgnoreCase)) is { } point)
                {
                    found.Add(new PointSuggestion(point.Key, $"“{match.Value.Trim()}” of the {point.VersionLabel}"));
                }
            }
        }
        foreach (Match match in Topic().Matches(context))
        {
            var words = Words(match.Groups["topic"].Value);
            if (words.Count == 0)
            {
                continue;
            }
            var best = candidates.Select(p => (Point: p, Hits: words.Count(w => Words(p.Text + " " + string.Join(' ', p.IssueNames)).Contains(w))))
                .Where(x => x.Hits > 0).OrderByDescending(x => x.Hits).ThenBy(x => x.Point.Number, Services.NumberOrder.Instance).FirstOrDefault();
            if (best.Point is { } point && best.Hits * 2 >= words.Count)
            {
                found.Add(new PointSuggestion(point.Key, $"“{match.Value.Trim()}”: point {point.Number} of the {point.VersionLabel}"));
            }
        }
        return [.. found.DistinctBy(f => f.Key)];
    }

    /// <summary>The version a text names by its number of points ("the 20-point framework"), if the record holds it.</summary>
    private string? VersionNamed(string text)
    {
        foreach (Match match in Sized().Matches(text))
        {
            var size = match.Groups["size"].Value;
            if (points.Select(p => p.VersionLabel).Distinct().FirstOrDefault(l => l.StartsWith(size + "-point", StringComparison.OrdinalIgnoreCase)) is { } label)
            {
                return label;
            }
        }
        return null;
    }

    private static HashSet<string> Words(string text) =>
        [.. WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length > 2 && !Filler.Contains(w))];

    [GeneratedRegex(@"\bpoints?\s+(?:No\.?\s*)?(?<n>\d{1,3}(?:\s?[a-z])?\b)(?:\s*(?:,|and|&)\s*(?<n>\d{1,3}(?:\s?[a-z])?\b))*", RegexOptions.IgnoreCase)]
    private static partial Regex Numbered();

    [GeneratedRegex(@"\b(?:the\s+)?(?:clause|point|provision|article|paragraph)\s+(?:on|about|concerning|regarding|dealing with)\s+(?<topic>(?:[\p{L}\p{N}'’-]+\s*){1,6})", RegexOptions.IgnoreCase)]
    private static partial Regex Topic();

    [GeneratedRegex(@"\b(?<size>\d{1,3})[-\s]point\b", RegexOptions.IgnoreCase)]
    private static partial Regex Sized();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
