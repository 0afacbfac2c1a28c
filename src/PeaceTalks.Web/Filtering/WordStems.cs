namespace PeaceTalks.Web.Filtering;

/// <summary>
/// A light suffix-stripping stemmer for the search box, for English, Russian and Ukrainian. It cuts one common ending
/// off a typed word ("Стамбуле" → "стамбул", "переговорів" → "переговор", "negotiations" → "negoti") so that the stem,
/// matched as a prefix, finds every form of the word in the index ("Стамбул", "Стамбула", "Стамбуле"). It works on the
/// query only, so neither index (SQLite FTS5, PostgreSQL tsvector) changes. Words in other scripts, words with digits
/// and words that would be left shorter than <see cref="MinStem"/> letters are kept as typed.
/// </summary>
public static class WordStems
{
    /// <summary>The shortest stem left after cutting an ending: shorter ones match too much.</summary>
    public const int MinStem = 3;

    // Noun, adjective and the common verb endings of Russian and Ukrainian together (the two share most of them).
    // The longest ending that leaves a long enough stem is cut.
    private static readonly string[] Cyrillic = SortedLongestFirst(
    [
        "иями", "ями", "ами", "иям", "иях", "ием", "ией", "ого", "ему", "ому", "его", "ими", "ыми", "ього", "ьому", "ові", "еві", "єві",
        "ать", "ять", "ить", "еть", "ыть", "ться", "тися",
        "ов", "ев", "ів", "їв", "ей", "ой", "ий", "ый", "ій", "ої", "ії", "ая", "яя", "ое", "ее", "ые", "ие", "ую", "юю", "ою", "ею", "єю",
        "ом", "ем", "єм", "ам", "ям", "ах", "ях", "ых", "их", "ім", "ым", "им", "ью", "ья", "ье", "ия", "ию", "ии", "ть",
        "а", "я", "о", "е", "є", "и", "ы", "у", "ю", "і", "ї", "ь", "й",
    ]);

    // English inflections and the commonest derivations. Derivational endings need a longer stem left ("regions" is
    // cut to "region", not "reg").
    private static readonly (string Ending, int MinStem)[] English =
    [
        ("ational", 4), ("ations", 4), ("ation", 4), ("ments", 4), ("ment", 4), ("ness", 4), ("ings", 4), ("ing", 4),
        ("ions", 4), ("ion", 4), ("ies", 3), ("ied", 3), ("ers", 4), ("er", 4), ("ed", 4), ("es", 3), ("ly", 4),
        ("s", 3), ("y", 4),
    ];

    private static string[] SortedLongestFirst(string[] endings) => [.. endings.Distinct().OrderByDescending(e => e.Length)];

    /// <summary>The word's stem (lower case), or the word itself (lower case) when it has no ending to cut.</summary>
    public static string Stem(string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.All(IsCyrillic))
        {
            foreach (var ending in Cyrillic)
            {
                if (lower.Length - ending.Length >= MinStem && lower.EndsWith(ending, StringComparison.Ordinal))
                {
                    return lower[..^ending.Length];
                }
            }
            return lower;
        }
        if (lower.All(c => c is >= 'a' and <= 'z'))
        {
            foreach (var (ending, minStem) in English)
            {
                if (lower.Length - ending.Length >= minStem && lower.EndsWith(ending, StringComparison.Ordinal) && Fits(lower, ending))
                {
                    return lower[..^ending.Length];
                }
            }
        }
        return lower;
    }

    // "ss" is not a plural ("Ross", "class"); a final y is an ending only after a consonant ("Hungary", not "Zelenskyy").
    private static bool Fits(string word, string ending) => ending switch
    {
        "s" => !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal),
        "y" => word.Length >= 2 && !"aeiouy".Contains(word[^2]),
        _ => true,
    };

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';
}
