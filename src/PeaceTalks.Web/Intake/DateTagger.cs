using System.Globalization;
using System.Text.RegularExpressions;

namespace PeaceTalks.Web.Intake;

/// <summary>What kind of time a stretch of a report names.</summary>
public enum TimeKind
{
    /// <summary>A month and day, with or without a year: "Nov. 23", "27 November", "January 7, 2026".</summary>
    Day,

    /// <summary>A weekday: "on Tuesday", "late Sunday", "Thursday". A day only against the report's own date.</summary>
    Weekday,

    /// <summary>"yesterday", "today", "last night": a day only against the report's own date.</summary>
    Relative,

    /// <summary>"That same day", "later that day": the day named last before it.</summary>
    SameDay,

    /// <summary>"last week", "earlier this month", "recently": a time, but never a day.</summary>
    NotADay,

    /// <summary>"in May": a month.</summary>
    Month,
}

/// <summary>One time expression found in a report, with its place in the text.</summary>
public sealed record TimeExpression(int Start, int End, TimeKind Kind, string Text, int Month = 0, int Day = 0, int? Year = null,
    DayOfWeek? Weekday = null, int Offset = 0)
{
    /// <summary>
    /// The day this names. A month and day without a year takes the year that puts it closest before the anchor (the
    /// report's date, or the day it is read when it has none); weekdays and "yesterday" need the report's own date (or
    /// its dateline's) and are never resolved against the day the report is read.
    /// </summary>
    public DateOnly? Resolve(DateOnly? reference, DateOnly anchor) => Kind switch
    {
        TimeKind.Day => Year is { } y ? Safe(y, Month, Day) : DateTagger.InferYear(Month, Day, reference ?? anchor),
        TimeKind.Weekday when reference is { } r && Weekday is { } w => r.AddDays(-(((int)r.DayOfWeek - (int)w + 7) % 7)),
        TimeKind.Relative when reference is { } r => r.AddDays(Offset),
        TimeKind.Month => Safe(Year ?? ((reference ?? anchor).Month >= Month ? (reference ?? anchor).Year : (reference ?? anchor).Year - 1), Month, 1),
        _ => null,
    };

    private static DateOnly? Safe(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
}

/// <summary>A wire dateline at the top of a report ("MOSCOW, November 24. /TASS/.", "KYIV, Dec 3 (Reuters) -").</summary>
public sealed record Dateline(int Start, int End, string Place, TimeExpression Date);

/// <summary>
/// A small temporal tagger for news reports: explicit days ("on Nov. 23", "27 November", "January 7, 2026"), weekdays,
/// "yesterday"/"today", "that same day", times that are not a day ("last week", "earlier this month") and a wire
/// dateline. It only finds and resolves; which expression dates which statement is the extractor's business.
/// </summary>
public static partial class DateTagger
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>Every time expression in text[start..end], in order, none overlapping.</summary>
    public static List<TimeExpression> Find(string text, int start, int end)
    {
        var found = new List<TimeExpression>();
        var taken = new List<(int Start, int End)>();
        bool Free(int s, int e) => !taken.Any(t => s < t.End && e > t.Start);
        void Add(TimeExpression t)
        {
            if (Free(t.Start, t.End))
            {
                found.Add(t);
                taken.Add((t.Start, t.End));
            }
        }
        foreach (Match m in MonthDay().Matches(text[start..end]))
        {
            var month = MonthNumber(m.Groups["m1"].Success ? m.Groups["m1"].Value : m.Groups["m2"].Value);
            var day = int.Parse(m.Groups["d1"].Success ? m.Groups["d1"].Value : m.Groups["d2"].Value, CultureInfo.InvariantCulture);
            int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
            if (month > 0 && day is >= 1 and <= 31)
            {
                var s = start + m.Index;
                var e = s + m.Length;
                // "Sunday, January 25": the weekday belongs to the day.
                var weekday = WeekdayBefore().Match(text[Math.Max(start, s - 14)..s]);
                if (weekday.Success)
                {
                    s -= weekday.Length;
                }
                Add(new TimeExpression(s, e, TimeKind.Day, text[s..e], month, day, year));
            }
        }
        foreach (Match m in NotADay().Matches(text[start..end]))
        {
            Add(new TimeExpression(start + m.Index, start + m.Index + m.Length, TimeKind.NotADay, m.Value));
        }
        foreach (Match m in SameDay().Matches(text[start..end]))
        {
            Add(new TimeExpression(start + m.Index, start + m.Index + m.Length, TimeKind.SameDay, m.Value));
        }
        foreach (Match m in Weekday().Matches(text[start..end]))
        {
            var kind = m.Groups["next"].Success ? TimeKind.NotADay : TimeKind.Weekday;
            Add(new TimeExpression(start + m.Index, start + m.Index + m.Length, kind, m.Value,
                Weekday: Enum.Parse<DayOfWeek>(m.Groups["w"].Value, ignoreCase: true)));
        }
        foreach (Match m in Relative().Matches(text[start..end]))
        {
            var offset = m.Value.StartsWith("yesterday", StringComparison.OrdinalIgnoreCase) || m.Value.StartsWith("last night", StringComparison.OrdinalIgnoreCase) ? -1 : 0;
            Add(new TimeExpression(start + m.Index, start + m.Index + m.Length, TimeKind.Relative, m.Value, Offset: offset));
        }
        foreach (Match m in InMonth().Matches(text[start..end]))
        {
            int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
            Add(new TimeExpression(start + m.Index, start + m.Index + m.Length, TimeKind.Month, m.Value, MonthNumber(m.Groups["m"].Value), 1, year));
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>The latest such day not after the anchor (the report's date, else today): "Dec. 9" read on 2026-12-02 is 2025-12-09.</summary>
    public static DateOnly? InferYear(int month, int day, DateOnly anchor)
    {
        foreach (var year in new[] { anchor.Year, anchor.Year - 1, anchor.Year - 2 })
        {
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                continue;
            }
            var date = new DateOnly(year, month, day);
            if (date <= anchor)
            {
                return date;
            }
        }
        return null;
    }

    /// <summary>The wire dateline at the top of the report, if it has one with a day.</summary>
    public static Dateline? FindDateline(string text)
    {
        var head = text.Length > 600 ? text[..600] : text;
        var m = DatelinePattern().Match(head);
        if (!m.Success)
        {
            return null;
        }
        var dateGroup = m.Groups["date"];
        var date = Find(text, dateGroup.Index, dateGroup.Index + dateGroup.Length).FirstOrDefault(t => t.Kind == TimeKind.Day);
        return date is null ? null : new Dateline(m.Groups["place"].Index, m.Index + m.Length, m.Groups["place"].Value.Trim(), date);
    }

    public static int MonthNumber(string name)
    {
        var key = name.TrimEnd('.').ToLowerInvariant();
        return key.Length < 3 ? 0 : Array.FindIndex(MonthNames, m => m.StartsWith(key, StringComparison.Ordinal)) + 1;
    }

    [GeneratedRegex(@"\b(?:(?<m1>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s?(?<d1>\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:\s*[-–]\s*\d{1,2}\b)?|(?<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m2>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?)(?:,?\s+(?<y>20\d\d)\b)?")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+$")]
    private static partial Regex WeekdayBefore();

    [GeneratedRegex(@"\b(?:(?:on|late|early)\s+)?(?:(?<next>next|coming)\s+|last\s+|this\s+(?=\w+day\s+(?:morning|afternoon|evening|night)))?(?<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?\b")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(?:yesterday|today|tonight|last night|earlier today|this (?:morning|afternoon|evening))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Relative();

    [GeneratedRegex(@"\b(?:(?:that|the)\s+same\s+(?:day|evening|morning)|later\s+(?:that|the\s+same)\s+day|on\s+the\s+same\s+day)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SameDay();

    [GeneratedRegex(@"\b(?:(?:late\s+|early\s+)?(?:last|this|next|past|earlier\s+this|later\s+this|earlier\s+last|late\s+last)\s+(?:week|weekend|month|year)|(?:at|over|during)\s+the\s+weekend|recently|in\s+recent\s+(?:days|weeks|months)|(?:a\s+few|several|two|three|few)\s+(?:days|weeks)\s+ago|days\s+ago|weeks\s+ago|earlier\s+in\s+the\s+(?:week|month))\b|(?<=^|[.!?]\s+|\n)(?:Earlier|Previously),", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotADay();

    [GeneratedRegex(@"\bin\s+(?<m>January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d{1,2}\b)(?:\s+(?<y>20\d\d))?")]
    private static partial Regex InMonth();

    // "MOSCOW, November 24. /TASS/.", "KYIV, Dec 3 (Reuters) -", "BISHKEK, 27 November (BelTA) –", "PARIS, January 7, 2026 –".
    [GeneratedRegex(@"(?:^|\n)[ \t]*(?:date\s+\d{4}-\d\d-\d\d\s+)?(?<place>[A-Z][A-Z'’.\- ]{2,30}(?:,\s*[A-Z][A-Za-z.]+)?)\s*,\s*(?<date>(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s*\d{1,2})(?:,?\s+20\d\d)?)\s*(?:\.?\s*/[A-Za-z\-]+/\.?|\([A-Za-z .\-]+\)\s*[-–—]*|[-–—]+)")]
    private static partial Regex DatelinePattern();
}
