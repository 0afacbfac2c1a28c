using System.Text.RegularExpressions;

namespace PeaceTalks.Web.Intake;

/// <summary>
/// Suggests issues by the distinctive words of their names, matched as whole words up to an ending ("territory" for
/// "Territorial concessions", "sanction" for "Sanctions on Russia"). Words every report on the talks uses ("peace",
/// "talks", "plan", "security", "Ukraine") suggest nothing on their own.
/// </summary>
internal sealed partial class IssueSuggester
{
    private static readonly HashSet<string> Generic =
        ["peace", "war", "talks", "talk", "plan", "process", "deal", "agreement", "settlement", "security", "ukraine", "ukrainian", "russia",
         "russian", "us", "u.s", "usa", "american", "america", "united", "states", "the", "of", "for", "to", "on", "and", "in", "with", "from",
         "restoring", "restore", "whether", "should", "must", "each", "side", "sides", "how", "much", "its", "it", "their", "new", "issue",
         "question", "future", "kyiv", "moscow", "washington", "europe", "european", "negotiations", "round", "led", "based"];

    private readonly List<(string Slug, HashSet<string> Stems)> _issues;

    public IssueSuggester(IReadOnlyList<KnownIssue> issues)
    {
        _issues = [.. issues.Select(i => (i.Slug, new HashSet<string>(Words(i.Name).Where(w => !Generic.Contains(w) && w.Length >= 4).Select(Stem))))
            .Where(i => i.Item2.Count > 0)];
    }

    /// <summary>The slugs of the issues whose distinctive words the text uses.</summary>
    public IReadOnlyList<string> Suggest(string text)
    {
        if (_issues.Count == 0)
        {
            return [];
        }
        var stems = new HashSet<string>(Words(text).Select(Stem));
        return [.. _issues.Where(i => i.Stems.Any(stems.Contains)).Select(i => i.Slug)];
    }

    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value.Replace("’s", "", StringComparison.Ordinal).Replace("'s", "", StringComparison.Ordinal));

    private static readonly string[] Suffixes = ["ations", "ation", "ities", "ity", "ty", "ial", "ies", "ied", "ing", "ed", "es", "al", "s", "y"];

    /// <summary>A word without its ending: "territorial" and "territory" both give "territor".</summary>
    public static string Stem(string word)
    {
        foreach (var suffix in Suffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 4 && !(suffix == "s" && word.EndsWith("ss", StringComparison.Ordinal)))
            {
                word = word[..^suffix.Length];
                break;
            }
        }
        return word.Length > 4 && word.EndsWith('e') ? word[..^1] : word;
    }

    [GeneratedRegex(@"\p{L}[\p{L}'’]*")]
    private static partial Regex WordPattern();
}
