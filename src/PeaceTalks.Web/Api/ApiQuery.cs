using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Services;

namespace PeaceTalks.Web.Api;

/// <summary>
/// The query string of an API or feed request, read strictly: the same names and values as the timeline's URL, but
/// where a page shows a problem and carries on, a script must hear about it — an unknown name, a repeated value, a
/// malformed date or an unknown slug is an error naming the parameter, never quietly dropped.
/// </summary>
public sealed class ApiQuery
{
    /// <summary>The paging names, beside the filters' (<see cref="FilterNames"/>).</summary>
    public const string LimitName = "limit";
    public const string CursorName = "cursor";

    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;


    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    private ApiQuery(DashboardFilter filter) => Filter = filter;

    public DashboardFilter Filter { get; private set; }

    public int Limit { get; private set; } = DefaultLimit;

    public TimelineCursor? Cursor { get; private set; }

    /// <summary>Every problem, by parameter name, as RFC 9457 validation problem details carry them.</summary>
    public IDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public bool IsValid => _errors.Count == 0;

    /// <summary>Whether every filter value could be read on its own, so its slugs can be looked up (even when, say, the limit is wrong).</summary>
    private bool _filterRead;

    /// <summary>Reads the names in <paramref name="allowed"/>; <see cref="LimitName"/> and <see cref="CursorName"/> among them turn on paging.</summary>
    public static ApiQuery Parse(IQueryCollection query, IReadOnlyCollection<string> allowed)
    {
        var result = new ApiQuery(DashboardFilter.Empty);
        foreach (var (name, values) in query)
        {
            if (!allowed.Contains(name))
            {
                result.Add(name, $"Unknown parameter. This endpoint takes: {string.Join(", ", allowed)}.");
                continue;
            }
            if (values.Count > 1 && !FilterNames.Lists.Contains(name))
            {
                result.Add(name, $"Given {values.Count} times; give it once.");
            }
            foreach (var value in values)
            {
                if (value is { Length: > DashboardFilter.MaxTextLength })
                {
                    result.Add(name, $"The value is {value.Length.ToString(CultureInfo.InvariantCulture)} characters long; the limit is {DashboardFilter.MaxTextLength}.");
                }
            }
            if (!FilterNames.Lists.Contains(name) && name is not (LimitName or CursorName))
            {
                // Each value checked on its own, so a problem is put against the parameter that has it.
                foreach (var problem in FilterOf(query, name).Problems)
                {
                    result.Add(name, Reason(problem));
                }
            }
        }
        if (!result.IsValid)
        {
            return result;
        }

        var filter = FilterOf(query, null);
        foreach (var problem in filter.Problems)
        {
            // Only what needs two values together is left: a reversed range or a comparison after the as-of day.
            result.Add(problem.Contains("comparison", StringComparison.Ordinal) ? FilterNames.Since : FilterNames.From, Reason(problem));
        }
        result.Filter = filter with { Problems = [] };
        result._filterRead = true;

        if (query.TryGetValue(LimitName, out var limit))
        {
            if (int.TryParse(limit.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxLimit)
            {
                result.Limit = n;
            }
            else
            {
                result.Add(LimitName, $"'{DashboardFilter.Shorten(limit.ToString())}' is not a page size; give a whole number from 1 to {MaxLimit}.");
            }
        }
        if (query.TryGetValue(CursorName, out var cursor))
        {
            result.Cursor = ReadCursor(cursor.ToString(), result.Filter);
            if (result.Cursor is null)
            {
                result.Add(CursorName, "Not a cursor of this query: use the 'next' value of the previous page, with the same filters.");
            }
        }
        return result;
    }

    /// <summary>Reads the query string strictly and looks its slugs up; <c>Resolved</c> is null when the query is not valid.</summary>
    public static async Task<(ApiQuery Query, ResolvedFilter? Resolved, bool NotModified)> ReadAsync(HttpContext context, FilterResolver resolver,
        IReadOnlyCollection<string> allowed, Action<ApiQuery>? require = null)
    {
        var query = Parse(context.Request.Query, allowed);
        // Not a parameter: whether the installation shows this user unverified items (Access:PublishUnverified).
        query.Filter = Verification.Publication.ForRequest(context, query.Filter);
        if (query.IsValid)
        {
            require?.Invoke(query);
        }
        if (!query.IsValid)
        {
            // Every problem is named at once: a bad limit does not hide an unknown actor.
            if (query._filterRead)
            {
                query.Check(await resolver.ResolveAsync(query.Filter, context.RequestAborted));
            }
            return (query, null, false);
        }
        // The client's copy is checked before the slugs are looked up: a 304 costs one small query.
        if (await RecordETag.NotModifiedAsync(context))
        {
            return (query, null, true);
        }
        var resolved = await resolver.ResolveAsync(query.Filter, context.RequestAborted);
        query.Check(resolved);
        if (!query.IsValid)
        {
            // A problem answer is not a representation a client should revalidate.
            context.Response.Headers.ETag = default;
        }
        return (query, resolved, false);
    }

    /// <summary>A parameter an endpoint cannot do without.</summary>
    public void Require(string name, bool given, string reason)
    {
        if (!given)
        {
            Add(name, reason);
        }
    }

    /// <summary>The 400 answer: RFC 9457 validation problem details naming every bad parameter.</summary>
    public IResult Problem(string title = "The request's parameters are not valid.") => Results.ValidationProblem(Errors, title: title);

    /// <summary>Adds the problems of looking the slugs up: an unknown actor, issue or side is an error here.</summary>
    public void Check(ResolvedFilter resolved)
    {
        foreach (var slug in Filter.Actors.Where(s => resolved.Actors.All(a => a.Slug != s)))
        {
            Add(FilterNames.Actor, $"No actor '{DashboardFilter.Shorten(slug)}'. /api/v1/actors lists them.");
        }
        foreach (var slug in Filter.Issues.Where(s => resolved.Issues.All(i => i.Slug != s)))
        {
            Add(FilterNames.Issue, $"No issue '{DashboardFilter.Shorten(slug)}'. /api/v1/issues lists them.");
        }
        foreach (var side in Filter.Sides.Where(s => !resolved.Sides.Contains(s, StringComparer.OrdinalIgnoreCase)))
        {
            Add(FilterNames.Side, $"No side '{DashboardFilter.Shorten(side)}'.");
        }
    }

    /// <summary>
    /// The cursor for the page after <paramref name="after"/>: its place in the order, and a fingerprint of the filter,
    /// so a cursor cannot be carried over to a different query and silently skip or repeat rows.
    /// </summary>
    public static string WriteCursor(TimelineCursor after, DashboardFilter filter)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{DashboardFilter.Iso(after.Date)}.{after.KindOrder}.{after.Id}.{Fingerprint(filter)}");
        return System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    private static TimelineCursor? ReadCursor(string value, DashboardFilter filter)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(value)).Split('.');
            if (parts is [var date, var kind, var id, var fingerprint]
                && fingerprint == Fingerprint(filter)
                && DashboardFilter.ParseIso(date) is { } day
                && int.TryParse(kind, NumberStyles.None, CultureInfo.InvariantCulture, out var kindOrder) && kindOrder is 0 or 1
                && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var rowId))
            {
                return new TimelineCursor(day, kindOrder, rowId);
            }
        }
        catch (FormatException)
        {
        }
        return null;
    }

    private static string Fingerprint(DashboardFilter filter) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(filter.ToQueryString())))[..12];

    /// <summary>The filter from the query's values; with <paramref name="only"/>, from that one parameter alone.</summary>
    private static DashboardFilter FilterOf(IQueryCollection query, string? only)
    {
        return DashboardFilter.Read(name => only is null || only == name ? query[name] : StringValues.Empty);
    }

    /// <summary>A page's message without what the page does about it ("— filter ignored"): the API refuses instead.</summary>
    private static string Reason(string problem) => problem.Split(" — ")[0].TrimEnd('.') + ".";

    private void Add(string name, string problem)
    {
        if (!_errors.TryGetValue(name, out var list))
        {
            _errors[name] = list = [];
        }
        list.Add(problem);
    }
}
