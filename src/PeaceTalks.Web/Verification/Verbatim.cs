using System.Text;

namespace PeaceTalks.Web.Verification;

/// <summary>Where a quote stands against its stored report.</summary>
public enum VerbatimResult { Found, NotFound, NoSourceText }

/// <summary>A piece of a stored report: the quote found in it (<see cref="Match"/>) or the text around it.</summary>
public sealed record TextSegment(string Text, bool Match);

/// <summary>
/// The verbatim check: a quote is verbatim when its words are in the stored report as printed, after folding only
/// what typesetting changes: runs of white space (a line break, a no-break space) read as one space, every quotation
/// mark and apostrophe as one mark, every dash and hyphen as one hyphen. Case, spelling, punctuation and word order
/// are never folded. The match is found in the folded texts and mapped back to the report's own characters, so the
/// page can show the report's words with the quote picked out.
/// </summary>
public static class Verbatim
{
    public const string NotFoundWarning = "not found in the stored report: did you mean a paraphrase?";

    /// <summary>The range of <paramref name="source"/> holding <paramref name="quote"/>, or null.</summary>
    public static (int Start, int Length)? Find(string source, string quote) => new FoldedText(source).Find(quote);

    public static bool Contains(string source, string quote) => Find(source, quote) is not null;

    /// <summary>How a quote stands against its report's stored text (null: none stored).</summary>
    public static VerbatimResult Check(string? source, string quote) =>
        source is null ? VerbatimResult.NoSourceText : Contains(source, quote) ? VerbatimResult.Found : VerbatimResult.NotFound;

    /// <summary>
    /// The report cut into text before, the quote found, and text after; with <paramref name="context"/>, only that
    /// many characters either side (cut at a space, marked with an ellipsis). Null when the quote is not found.
    /// </summary>
    public static IReadOnlyList<TextSegment>? Highlight(string source, string quote, int? context = null)
    {
        if (Find(source, quote) is not { } found)
        {
            return null;
        }
        var from = 0;
        var to = source.Length;
        if (context is { } around)
        {
            from = Math.Max(0, found.Start - around);
            to = Math.Min(source.Length, found.Start + found.Length + around);
            if (from > 0 && source.IndexOf(' ', from, found.Start - from) is var space and >= 0)
            {
                from = space + 1;
            }
            if (to < source.Length && source.LastIndexOf(' ', to - 1, to - (found.Start + found.Length)) is var last and >= 0)
            {
                to = last;
            }
        }
        var before = (from > 0 ? "… " : "") + source[from..found.Start];
        var after = source[(found.Start + found.Length)..to] + (to < source.Length ? " …" : "");
        return [new(before, false), new(source.Substring(found.Start, found.Length), true), new(after, false)];
    }

    /// <summary>A report folded once, to look many quotes up in it (an import, the verbatim report).</summary>
    public sealed class FoldedText
    {
        private readonly string _folded;
        private readonly int[] _map;

        public FoldedText(string source) => (_folded, _map) = Fold(source);

        /// <summary>The range of the report holding <paramref name="quote"/>, or null.</summary>
        public (int Start, int Length)? Find(string quote)
        {
            var (needle, _) = Fold(quote.Trim());
            var at = needle.Length == 0 ? -1 : _folded.IndexOf(needle, StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }
            // The quote is trimmed, so it ends on a character of its own: the match ends where that character ends.
            var start = _map[at];
            return (start, _map[at + needle.Length - 1] + 1 - start);
        }

        public bool Contains(string quote) => Find(quote) is not null;
    }

    /// <summary>The text folded, and for each folded character the index of the original character it came from.</summary>
    internal static (string Folded, int[] Map) Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                // Only white space folds to a space, so a space just written means this continues its run.
                if (folded.Length > 0 && folded[^1] == ' ')
                {
                    continue;
                }
                folded.Append(' ');
            }
            else
            {
                folded.Append(FoldChar(c));
            }
            map.Add(i);
        }
        return (folded.ToString(), [.. map]);
    }

    private static char FoldChar(char c) => c switch
    {
        // Quotation marks and apostrophes, straight and typographic, single and double, Latin and Cyrillic usage.
        '"' or '\'' or '`' or '\u00B4' or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u201C' or '\u201D' or '\u201E' or '\u201F'
            or '\u00AB' or '\u00BB' or '\u2039' or '\u203A' or '\u2032' or '\u2033' or '\uFF02' or '\uFF07' => '"',
        // Hyphens, dashes and the minus sign.
        '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D' => '-',
        _ => c,
    };
}
