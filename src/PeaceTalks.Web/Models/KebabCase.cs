using System.Collections.Frozen;
using System.Text;

namespace PeaceTalks.Web.Models;

/// <summary>The kebab-case word for each enum value ("LeansAgainst" ↔ "leans-against"), used by the database, CSV and URLs.</summary>
public static class KebabCase<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Words =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => ToKebab(v.ToString()));

    private static readonly FrozenDictionary<string, TEnum> Values =
        Words.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>All words in declaration order, e.g. for an error message listing what is allowed.</summary>
    public static IReadOnlyList<string> AllWords { get; } = [.. Enum.GetValues<TEnum>().Select(v => Words[v])];

    public static string ToWord(TEnum value) => Words[value];

    public static bool TryParse(string? word, out TEnum value) => Values.TryGetValue(word?.Trim() ?? "", out value);

    public static TEnum Parse(string word) =>
        TryParse(word, out var value) ? value : throw new FormatException($"'{word}' is not one of: {string.Join(", ", AllWords)}");

    private static string ToKebab(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                sb.Append('-');
            }
            sb.Append(char.ToLowerInvariant(pascal[i]));
        }
        return sb.ToString();
    }
}
