using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

using PeaceTalks.Web.Models;
using PeaceTalks.Web.Records;
namespace PeaceTalks.Web.Filtering;

public enum ItemKind { All, Statements, Meetings, Plans }

/// <summary>The query-string names of the filters, the same in every address: pages, exports, the API and feeds.</summary>
public static class FilterNames
{
    public const string Actor = "actor";
    public const string Side = "side";
    public const string Issue = "issue";
    public const string From = "from";
    public const string To = "to";
    public const string Text = "q";
    public const string Kind = "kind";
    public const string Order = "order";
    public const string AsOf = "asof";
    public const string Since = "since";
    public const string Retracted = "retracted";
    public const string Verified = "verified";

    /// <summary>The names that may be given more than once (any of the values).</summary>
    public static IReadOnlyList<string> Lists { get; } = [Actor, Side, Issue];
}

/// <summary>
/// The filters a view carries in its URL (?actor=…&amp;issue=…&amp;from=…), shared by the pages and the CSV
/// export endpoints so "Export CSV" downloads exactly what the page shows. Parsing never throws: a bad
/// value is left out and described in <see cref="Problems"/>.
/// </summary>
public sealed record DashboardFilter
{
    public const int MaxTextLength = 200;
    public const int MaxValuesPerKey = 50;

    public IReadOnlyList<string> Actors { get; init; } = [];
    public IReadOnlyList<string> Sides { get; init; } = [];
    public IReadOnlyList<string> Issues { get; init; } = [];
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Text { get; init; }
    public ItemKind Kind { get; init; }
    public bool OldestFirst { get; init; }

    /// <summary>Stance matrix: show positions as they stood on this day (default: latest).</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Stance matrix: mark what changed between this day and <see cref="AsOf"/>.</summary>
    public DateOnly? Since { get; init; }

    /// <summary>Also show items an editor retracted, marked as such (?retracted=include).</summary>
    public bool IncludeRetracted { get; init; }

    /// <summary>Only items someone other than their author compared with their source (?verified=only; default any).</summary>
    public bool VerifiedOnly { get; init; }

    /// <summary>
    /// The installation shows this reader verified items only (Access:PublishUnverified=false, and not an editor):
    /// set by the server for the person asking, never read from or written to the URL.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool UnverifiedHidden { get; init; }

    /// <summary>Whether the queries keep verified items only: asked for in the URL or required for this reader.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool OnlyVerified => VerifiedOnly || UnverifiedHidden;

    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>True when no filter is set (problems aside).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty =>
        Actors.Count == 0 && Sides.Count == 0 && Issues.Count == 0 && From is null && To is null
        && Text is null && Kind == ItemKind.All && !OldestFirst && AsOf is null && Since is null && !IncludeRetracted && !VerifiedOnly;

    public static DashboardFilter Empty { get; } = new();

    /// <summary>The filter in a query string: <paramref name="values"/> gives each name's values (none when absent).</summary>
    public static DashboardFilter Read(Func<string, IReadOnlyList<string?>> values)
    {
        string? One(string name) => values(name) is [var first, ..] ? first : null;
        return Parse(values(FilterNames.Actor), values(FilterNames.Side), values(FilterNames.Issue), One(FilterNames.From), One(FilterNames.To),
            One(FilterNames.Text), One(FilterNames.Kind), One(FilterNames.Order), One(FilterNames.AsOf), One(FilterNames.Since),
            One(FilterNames.Retracted), One(FilterNames.Verified));
    }

    public static DashboardFilter Parse(
        IReadOnlyList<string?>? actor = null, IReadOnlyList<string?>? side = null, IReadOnlyList<string?>? issue = null,
        string? from = null, string? to = null, string? q = null, string? kind = null, string? order = null,
        string? asof = null, string? since = null, string? retracted = null, string? verified = null)
    {
        var problems = new List<string>();
        var fromDate = ParseDate(FilterNames.From, from, problems);
        var toDate = ParseDate(FilterNames.To, to, problems);
        if (fromDate > toDate)
        {
            problems.Add($"The date range is reversed (from {Iso(fromDate!.Value)} is after to {Iso(toDate!.Value)}) — date filter ignored.");
            fromDate = toDate = null;
        }
        var asOfDate = ParseDate(FilterNames.AsOf, asof, problems);
        var sinceDate = ParseDate(FilterNames.Since, since, problems);
        if (sinceDate is { } s && asOfDate is { } a && s > a)
        {
            problems.Add($"The comparison date {Iso(s)} is after the as-of date {Iso(a)} — comparison ignored.");
            sinceDate = null;
        }

        return new DashboardFilter
        {
            Actors = Values(FilterNames.Actor, actor, problems),
            Sides = Values(FilterNames.Side, side, problems),
            Issues = Values(FilterNames.Issue, issue, problems),
            From = fromDate,
            To = toDate,
            Text = ParseText(q, problems),
            Kind = ParseKind(kind, problems),
            OldestFirst = ParseOrder(order, problems),
            AsOf = asOfDate,
            Since = sinceDate,
            IncludeRetracted = ParseRetracted(retracted, problems),
            VerifiedOnly = ParseVerified(verified, problems),
            Problems = problems,
        };
    }

    /// <summary>The query string for this filter ("" when empty), in a stable order so equal filters give equal URLs.</summary>
    public string ToQueryString()
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        pairs.AddRange(Actors.Select(a => Pair(FilterNames.Actor, a)));
        pairs.AddRange(Sides.Select(s => Pair(FilterNames.Side, s)));
        pairs.AddRange(Issues.Select(i => Pair(FilterNames.Issue, i)));
        if (From is { } from)
        {
            pairs.Add(Pair(FilterNames.From, Iso(from)));
        }
        if (To is { } to)
        {
            pairs.Add(Pair(FilterNames.To, Iso(to)));
        }
        if (!string.IsNullOrEmpty(Text))
        {
            pairs.Add(Pair(FilterNames.Text, Text));
        }
        if (Kind != ItemKind.All)
        {
            pairs.Add(Pair(FilterNames.Kind, Kind switch { ItemKind.Statements => "statements", ItemKind.Meetings => "meetings", _ => "plans" }));
        }
        if (OldestFirst)
        {
            pairs.Add(Pair(FilterNames.Order, "oldest"));
        }
        if (AsOf is { } asOf)
        {
            pairs.Add(Pair(FilterNames.AsOf, Iso(asOf)));
        }
        if (Since is { } since)
        {
            pairs.Add(Pair(FilterNames.Since, Iso(since)));
        }
        if (IncludeRetracted)
        {
            pairs.Add(Pair(FilterNames.Retracted, "include"));
        }
        if (VerifiedOnly)
        {
            pairs.Add(Pair(FilterNames.Verified, "only"));
        }
        return QueryString.Create(pairs).ToUriComponent();
    }

    /// <summary>A path with this filter's query string, e.g. "/timeline?actor=vladimir-putin".</summary>
    public string ToUrl(string path) => path + ToQueryString();

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A YYYY-MM-DD date (as date inputs and URLs carry it), or null for anything else.</summary>
    public static DateOnly? ParseIso(string? value) =>
        value is not null && Records.Cells.TryParseDate(value.AsSpan().Trim(), out var date) ? date : null;

    private static KeyValuePair<string, string?> Pair(string key, string value) => new(key, value);

    private static IReadOnlyList<string> Values(string key, IReadOnlyList<string?>? values, List<string> problems)
    {
        if (values is null)
        {
            return [];
        }
        var distinct = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > MaxValuesPerKey)
        {
            problems.Add($"Only the first {MaxValuesPerKey} '{key}' values are used ({distinct.Count} were given).");
            distinct = distinct[..MaxValuesPerKey];
        }
        return distinct;
    }

    private static DateOnly? ParseDate(string key, string? value, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (ParseIso(value) is { } date)
        {
            return date;
        }
        problems.Add($"'{Shorten(value)}' is not a date (expected YYYY-MM-DD) — '{key}' filter ignored.");
        return null;
    }

    private static string? ParseText(string? value, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var text = value.Trim();
        if (text.Length > MaxTextLength)
        {
            problems.Add($"The search text '{Shorten(text)}' is {AppCulture.Number(text.Length)} characters long; the limit is {MaxTextLength} — search ignored.");
            return null;
        }
        if (SearchText.Parse(text) is null)
        {
            problems.Add($"The search text '{Shorten(text)}' has no words to look for (letters or digits) — search ignored.");
            return null;
        }
        return text;
    }

    private static ItemKind ParseKind(string? value, List<string> problems) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" => ItemKind.All,
        "statements" => ItemKind.Statements,
        "meetings" => ItemKind.Meetings,
        "plans" => ItemKind.Plans,
        _ => Problem(ItemKind.All, $"'{Shorten(value)}' is not a kind (statements, meetings or plans) — showing everything.", problems),
    };

    private static bool ParseOrder(string? value, List<string> problems) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "newest" => false,
        "oldest" => true,
        _ => Problem(false, $"'{Shorten(value)}' is not an order (newest or oldest) — showing newest first.", problems),
    };

    private static bool ParseRetracted(string? value, List<string> problems) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "hide" => false,
        "include" => true,
        _ => Problem(false, $"'{Shorten(value)}' is not a choice for retracted items (include or hide) — hiding them.", problems),
    };

    private static bool ParseVerified(string? value, List<string> problems) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "any" => false,
        "only" => true,
        _ => Problem(false, $"'{Shorten(value)}' is not a choice for verification (only or any) — showing verified and unverified items.", problems),
    };

    private static T Problem<T>(T fallback, string message, List<string> problems)
    {
        problems.Add(message);
        return fallback;
    }

    /// <summary>A value as it may be quoted in a message: at most 40 characters, control characters shown as '?'.</summary>
    public static string Shorten(string value)
    {
        var sb = new StringBuilder();
        foreach (var c in value.Length > 40 ? value[..40] : value)
        {
            sb.Append(char.IsControl(c) ? '?' : c);
        }
        return value.Length > 40 ? sb.Append('…').ToString() : sb.ToString();
    }
}
