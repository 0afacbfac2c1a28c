using System.Buffers;
using System.Globalization;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Csv;

/// <summary>How single values are written into and read back from CSV cells.</summary>
public static class CsvCells
{
    /// <summary>Separates the items of a list inside one cell (issues, evidence, participants).</summary>
    public const char ListSeparator = '|';

    /// <summary>Separates an actor slug from its role inside a participants item ("vladimir-putin:host").</summary>
    public const char RoleSeparator = ':';

    public const string DateFormat = "yyyy-MM-dd";

    private static readonly SearchValues<char> FormulaTriggers = SearchValues.Create("=+-@\t\r");

    /// <summary>
    /// Spreadsheets run a cell that starts with = + - @ tab or CR as a formula. Such a value is written
    /// with a leading apostrophe. A value that already starts with apostrophes before such a character
    /// gets one more, so <see cref="Restore"/> can strip exactly one and the round trip is lossless.
    /// </summary>
    public static string Neutralise(string value) => NeedsApostrophe(value) ? "'" + value : value;

    /// <summary>Undoes <see cref="Neutralise"/> on import.</summary>
    public static string Restore(string value) =>
        value.Length > 1 && value[0] == '\'' && NeedsApostrophe(value) ? value[1..] : value;

    private static bool NeedsApostrophe(string value)
    {
        var i = 0;
        while (i < value.Length && value[i] == '\'')
        {
            i++;
        }
        return i < value.Length && FormulaTriggers.Contains(value[i]);
    }

    public static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses exactly YYYY-MM-DD. Written by hand because imports parse millions of dates and
    /// DateOnly.TryParseExact costs several microseconds each; the result is the same.
    /// </summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..], out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return true;
    }

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    public static string Word<TEnum>(TEnum value) where TEnum : struct, Enum => KebabCase<TEnum>.ToWord(value);

    public static string List(IEnumerable<string> items) => string.Join(ListSeparator, items);
}
