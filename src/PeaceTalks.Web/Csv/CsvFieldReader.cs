using System.Globalization;
using System.Text.RegularExpressions;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Csv;

/// <summary>
/// Reads typed values out of the current CSV record. Every problem is added to the error list with its row,
/// column and value, and reading carries on, so a file's errors are all reported at once.
/// </summary>
/// <param name="fromFile">True for CSV cells (a leading apostrophe that neutralised a formula is removed); false for form fields, taken as typed.</param>
internal sealed partial class CsvFieldReader(IReadOnlyDictionary<string, int> columns, ImportErrors errors, bool fromFile = true)
{
    private string[] _record = [];
    private int _errorsBefore;

    public int Row { get; private set; }

    /// <summary>True when the current row has produced no error so far.</summary>
    public bool RowIsValid => errors.Total == _errorsBefore;

    public void MoveTo(int row, string[] record)
    {
        Row = row;
        _record = record;
        _errorsBefore = errors.Total;
    }

    public void Fail(string column, string value, string reason) => errors.Add(new ImportError(Row, column, value, reason));

    /// <summary>The cell as written, formula neutralisation undone; "" when the column is absent.</summary>
    public string Raw(string column) =>
        !columns.TryGetValue(column, out var i) || i >= _record.Length ? "" : fromFile ? CsvCells.Restore(_record[i]) : _record[i];

    public string Text(string column, int maxLength)
    {
        var value = Raw(column);
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(column, "", "is required but empty");
            return "";
        }
        return WithinLimit(column, value, maxLength);
    }

    public string? OptionalText(string column, int maxLength)
    {
        var value = Raw(column);
        return string.IsNullOrWhiteSpace(value) ? null : WithinLimit(column, value, maxLength);
    }

    public string Slug(string column)
    {
        var value = Raw(column).Trim();
        if (value.Length == 0)
        {
            Fail(column, "", "is required but empty");
        }
        else if (!IsSlug(value))
        {
            Fail(column, value, SlugRule);
        }
        return value;
    }

    public string? OptionalSlug(string column)
    {
        var value = Raw(column).Trim();
        if (value.Length == 0)
        {
            return null;
        }
        if (!IsSlug(value))
        {
            Fail(column, value, SlugRule);
        }
        return value;
    }

    /// <summary>A list of slugs separated by <see cref="CsvCells.ListSeparator"/>; duplicates are an error.</summary>
    public IReadOnlyList<string> SlugList(string column)
    {
        var value = Raw(column).Trim();
        if (value.Length == 0)
        {
            return [];
        }
        var items = value.Split(CsvCells.ListSeparator, StringSplitOptions.TrimEntries);
        foreach (var item in items)
        {
            if (!IsSlug(item))
            {
                Fail(column, value, $"has '{item}', which is not a valid slug (items are separated by '{CsvCells.ListSeparator}')");
            }
        }
        foreach (var twice in items.GroupBy(i => i).Where(g => g.Count() > 1))
        {
            Fail(column, value, $"lists '{twice.Key}' twice");
        }
        return items;
    }

    public TEnum Word<TEnum>(string column) where TEnum : struct, Enum
    {
        var value = Raw(column).Trim();
        if (value.Length == 0)
        {
            Fail(column, "", $"is required but empty (one of: {string.Join(", ", KebabCase<TEnum>.AllWords)})");
            return default;
        }
        if (!KebabCase<TEnum>.TryParse(value, out var result))
        {
            Fail(column, value, $"is not one of: {string.Join(", ", KebabCase<TEnum>.AllWords)}");
        }
        return result;
    }

    public DateOnly Date(string column)
    {
        var value = Raw(column).Trim();
        if (value.Length == 0)
        {
            Fail(column, "", "is required but empty (expected YYYY-MM-DD)");
            return default;
        }
        return ParseDate(column, value) ?? default;
    }

    public DateOnly? OptionalDate(string column)
    {
        var value = Raw(column).Trim();
        return value.Length == 0 ? null : ParseDate(column, value);
    }

    /// <summary>A required date and its precision, checked against each other.</summary>
    public (DateOnly Date, DatePrecision Precision) DateWithPrecision(string dateColumn, string precisionColumn)
    {
        var date = Date(dateColumn);
        var precision = Word<DatePrecision>(precisionColumn);
        CheckPrecision(dateColumn, date, precision);
        return (date, precision);
    }

    /// <summary>A month-precision date must be the 1st of its month, a year-precision one the 1st of January.</summary>
    public void CheckPrecision(string dateColumn, DateOnly date, DatePrecision precision)
    {
        var expected = precision switch
        {
            DatePrecision.Month => new DateOnly(date.Year, date.Month, 1),
            DatePrecision.Year => new DateOnly(date.Year, 1, 1),
            _ => date,
        };
        if (expected != date)
        {
            Fail(dateColumn, CsvCells.Date(date),
                $"has precision {CsvCells.Word(precision)}, so it must be written as {CsvCells.Date(expected)}");
        }
    }

    public int? OptionalWholeNumber(string column, int max)
    {
        var value = Raw(column).Trim();
        if (value.Length == 0)
        {
            return null;
        }
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > max)
        {
            Fail(column, value, $"is not a whole number from 1 to {max}");
            return null;
        }
        return number;
    }

    public string? OptionalUrl(string column)
    {
        var value = Raw(column).Trim();
        if (value.Length == 0)
        {
            return null;
        }
        if (value.Length > FieldLimits.Url
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            Fail(column, value, "is not an http:// or https:// address");
            return null;
        }
        return value;
    }

    public string? OptionalLanguage(string column)
    {
        var value = Raw(column).Trim();
        if (value.Length == 0)
        {
            return null;
        }
        if (!LanguageTag().IsMatch(value))
        {
            Fail(column, value, "is not a language code (e.g. 'ru', 'uk', 'en-GB')");
        }
        return value;
    }

    private string WithinLimit(string column, string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            Fail(column, value, $"is {AppCulture.Number(value.Length)} characters long; the limit is {AppCulture.Number(maxLength)}");
        }
        return value;
    }

    private DateOnly? ParseDate(string column, string value)
    {
        if (CsvCells.TryParseDate(value, out var date))
        {
            return date;
        }
        Fail(column, value, "is not a date (expected YYYY-MM-DD)");
        return null;
    }

    public const string SlugRule = "is not a valid slug (lower-case letters, digits and single hyphens, e.g. 'vladimir-putin')";

    public static bool IsSlug(string value) => value.Length <= FieldLimits.Slug && SlugPattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
