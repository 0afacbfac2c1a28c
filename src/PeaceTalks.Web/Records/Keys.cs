using System.Globalization;
using System.Text;
using PeaceTalks.Web.Data;

namespace PeaceTalks.Web.Records;

/// <summary>
/// Makes a natural key for a new item whose key field was left empty: a slug of its name, title or words
/// ("vladimir-putin", "putin-2025-12-02-we-are-ready"), with -2, -3… when the slug is taken.
/// </summary>
public static class Keys
{
    /// <summary>Fills an empty key field from the item's other fields, as <see cref="RecordType.SuggestKey"/> says.</summary>
    internal static async Task FillAsync(PeaceTalksDbContext db, RecordType type, Dictionary<string, string?> cells, CancellationToken cancellationToken)
    {
        if (type.KeyFields is not [var key] || !string.IsNullOrWhiteSpace(cells.GetValueOrDefault(key.Name)))
        {
            return;
        }
        var basis = Suggest(type, cells);
        if (basis.Length == 0)
        {
            return; // the rules will say the key is required
        }
        cells[key.Name] = await UniqueAsync(db, type, basis, new HashSet<string>(), cancellationToken);
    }

    /// <summary>
    /// <paramref name="basis"/>, or basis-2, basis-3…: the first key that neither the table nor <paramref name="alsoTaken"/>
    /// (keys already given out in the same batch) holds.
    /// </summary>
    internal static async Task<string> UniqueAsync(PeaceTalksDbContext db, RecordType type, string basis, IReadOnlySet<string> alsoTaken,
        CancellationToken cancellationToken)
    {
        var candidate = basis;
        for (var n = 2; alsoTaken.Contains(candidate) || await type.KeyExistsAsync(db, candidate, cancellationToken); n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            candidate = basis[..Math.Min(basis.Length, FieldLimits.Slug - suffix.Length)].TrimEnd('-') + suffix;
        }
        return candidate;
    }

    /// <summary>The slug a new item would get from its other fields, before checking whether it is taken.</summary>
    public static string Suggest(RecordType type, IReadOnlyDictionary<string, string?> cells) =>
        type.SuggestKey is { } suggest ? suggest(field => cells.GetValueOrDefault(field) ?? "") : "";

    /// <summary>
    /// Lower-case ASCII letters and digits joined by single hyphens. Accents are dropped ("Šefčovič" → "sefcovic"),
    /// Cyrillic is transliterated ("Песков" → "peskov"), anything else becomes a separator.
    /// </summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(lower);
            }
            else if (Cyrillic(lower) is { } latin)
            {
                sb.Append(latin);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length <= FieldLimits.Slug ? slug : slug[..FieldLimits.Slug].TrimEnd('-');
    }

    /// <summary>The words of a text (anything with a letter or digit between spaces).</summary>
    public static IEnumerable<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetterOrDigit));

    // Russian and Ukrainian letters (after accents were split off, so й is и here): a plain, readable transliteration.
    private static string? Cyrillic(char c) => c switch
    {
        'а' => "a", 'б' => "b", 'в' => "v", 'г' => "g", 'ґ' => "g", 'д' => "d", 'е' => "e", 'є' => "ye", 'ж' => "zh",
        'з' => "z", 'и' => "i", 'і' => "i", 'ї' => "yi", 'к' => "k", 'л' => "l", 'м' => "m", 'н' => "n", 'о' => "o",
        'п' => "p", 'р' => "r", 'с' => "s", 'т' => "t", 'у' => "u", 'ф' => "f", 'х' => "kh", 'ц' => "ts", 'ч' => "ch",
        'ш' => "sh", 'щ' => "shch", 'ы' => "y", 'э' => "e", 'ю' => "yu", 'я' => "ya", 'ь' or 'ъ' => "",
        _ => null,
    };
}
