using System.Globalization;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Records;

/// <summary>
/// How single values are written as text, the same everywhere the record is read as text: CSV cells, form fields,
/// the history of changes and the API. Dates are YYYY-MM-DD, choices their kebab-case words, lists joined with '|'.
/// </summary>
public static class Cells
{
    /// <summary>Separates the items of a list inside one cell (issues, evidence, participants).</summary>
    public const char ListSeparator = '|';

    /// <summary>Separates an actor slug from its role inside a participants item ("vladimir-putin:host").</summary>
    public const char RoleSeparator = ':';

    public const string DateFormat = "yyyy-MM-dd";

    public static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    /// <summary>A moment in UTC to the second, ISO 8601: "2025-12-03T14:05:09Z".</summary>
    public static string Instant(DateTime at) =>
        DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

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

    /// <summary>YYYY-MM (the 1st of that month) or YYYY (1 January): how a month- or year-precision date may also be written.</summary>
    public static bool TryParsePartialDate(ReadOnlySpan<char> text, out DateOnly date, out DatePrecision precision)
    {
        date = default;
        precision = DatePrecision.Day;
        if (text.Length == 7 && text[4] == '-' && TryDigits(text[..4], out var year) && TryDigits(text[5..], out var month)
            && year >= 1 && month is >= 1 and <= 12)
        {
            (date, precision) = (new DateOnly(year, month, 1), DatePrecision.Month);
            return true;
        }
        if (text.Length == 4 && TryDigits(text, out year) && year >= 1)
        {
            (date, precision) = (new DateOnly(year, 1, 1), DatePrecision.Year);
            return true;
        }
        return false;
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

    public static string Word<TEnum>(TEnum value) where TEnum : struct, Enum => KebabCase<TEnum>.ToWord(value);

    public static string List(IEnumerable<string> items) => string.Join(ListSeparator, items);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
