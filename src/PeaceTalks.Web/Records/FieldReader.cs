using System.Globalization;
using System.Text.RegularExpressions;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Records;

/// <summary>
/// Reads typed values out of the current row — a CSV record, a form's fields or an intake candidate — by field name.
/// Every problem is added to the list with its row, field and value, and reading carries on, so all of a row's
/// problems are reported at once.
/// </summary>
/// <param name="restore">Undoes what a file format did to a cell (CSV: the apostrophe that neutralised a formula); null for values taken as typed.</param>
/// <param name="clock">The app's clock, for rules about today (a statement is never dated after it); the system clock when null.</param>
public sealed partial class FieldReader(FieldProblems problems, Func<string, string>? restore = null, TimeProvider? clock = null)
{
    /// <summary>
    /// Today by the app's clock, as the easternmost time zone (UTC+14) reads it: the latest day it is anywhere, so an
    /// editor in Kyiv recording words said just after their midnight is not told the day has not come yet.
    /// </summary>
    public DateOnly Today => DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime.AddHours(14));

    private IReadOnlyDictionary<string, int>? _columns;
    private string[] _record = [];
    private IReadOnlyDictionary<string, string?>? _values;
    private int _problemsBefore;

    public int Row { get; private set; }

    /// <summary>True when the current row has produced no problem so far.</summary>
    public bool RowIsValid => problems.Total == _problemsBefore;

    /// <summary>Moves to a file's record, whose cells are found by the header's column positions.</summary>
    public void MoveTo(int row, IReadOnlyDictionary<string, int> columns, string[] record)
    {
        (Row, _columns, _record, _values) = (row, columns, record, null);
        _problemsBefore = problems.Total;
    }

    /// <summary>Moves to a row given as field name → value (a form, an intake candidate).</summary>
    public void MoveTo(int row, IReadOnlyDictionary<string, string?> values)
    {
        (Row, _columns, _record, _values) = (row, null, [], values);
        _problemsBefore = problems.Total;
    }

    public void Fail(string field, string value, string reason) => problems.Add(new FieldProblem(Row, field, value, reason));

    /// <summary>The value as written (a file's formula neutralisation undone); "" when the field is absent.</summary>
    public string Raw(string field)
    {
        if (_values is not null)
        {
            return _values.GetValueOrDefault(field) ?? "";
        }
        if (_columns is null || !_columns.TryGetValue(field, out var i) || i >= _record.Length)
        {
            return "";
        }
        return restore is null ? _record[i] : restore(_record[i]);
    }

    /// <summary>True when the row has the field at all (a file's header names it, or a form holds it).</summary>
    public bool Has(string field) => _values?.ContainsKey(field) ?? _columns?.ContainsKey(field) ?? false;

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

    /// <summary>A required date, also YYYY-MM or YYYY (the 1st of that month or year; its precision field is checked against it).</summary>
    public DateOnly DateOrPartial(string column)
    {
        var value = Raw(column).Trim();
        return Cells.TryParsePartialDate(value, out var partial, out _) ? partial : Date(column);
    }

    /// <summary>
    /// Checks a date against its precision: a month-precision date is the 1st of its month, a year-precision one the
    /// 1st of January; a date written as YYYY-MM or YYYY must have that precision.
    /// </summary>
    public void CheckPrecision(string dateColumn, DatePrecision precision)
    {
        var value = Raw(dateColumn).Trim();
        if (Cells.TryParsePartialDate(value, out _, out var written))
        {
            if (written != precision)
            {
                Fail(dateColumn, value, $"gives only the {(written == DatePrecision.Month ? "month" : "year")}: set the precision to {Cells.Word(written)}, or give the day as YYYY-MM-DD");
            }
        }
        else if (Cells.TryParseDate(value, out var date))
        {
            CheckPrecision(dateColumn, date, precision);
        }
    }

    public DateOnly? OptionalDate(string column)
    {
        var value = Raw(column).Trim();
        return value.Length == 0 ? null : ParseDate(column, value);
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
            Fail(dateColumn, Cells.Date(date),
                $"has precision {Cells.Word(precision)}, so it must be written as {Cells.Date(expected)}");
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
            Fail(column, value, Limits.TooLong(value.Length, maxLength));
        }
        return value;
    }

    private DateOnly? ParseDate(string column, string value)
    {
        if (Cells.TryParseDate(value, out var date))
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
