using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Filtering;

/// <summary>Sort, direction and page of a list page, read from the URL with a message for bad values.</summary>
public static class ListQuery
{
    public const int MaxPage = 100_000;

    public static TSort Sort<TSort>(string? value, TSort fallback, List<string> problems) where TSort : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }
        if (KebabCase<TSort>.TryParse(value, out var sort))
        {
            return sort;
        }
        problems.Add($"'{DashboardFilter.Shorten(value)}' is not a sort order ({string.Join(", ", KebabCase<TSort>.AllWords)}) — sorted by {KebabCase<TSort>.ToWord(fallback)}.");
        return fallback;
    }

    public static bool Descending(string? value, List<string> problems) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "asc" => false,
        "desc" => true,
        _ => Problem($"'{DashboardFilter.Shorten(value)}' is not a direction (asc or desc) — ascending.", problems),
    };

    public static int Page(string? value, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return 1;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= MaxPage)
        {
            return page;
        }
        problems.Add($"'{DashboardFilter.Shorten(value)}' is not a page number — showing page 1.");
        return 1;
    }

    /// <summary>The filter's query string plus sort, direction and page (each left out when it is the default).</summary>
    public static string Url(string path, DashboardFilter filter, string? sort, bool descending, int page)
    {
        var url = filter.ToUrl(path);
        if (sort is not null)
        {
            url = QueryHelpers.AddQueryString(url, "sort", sort);
        }
        if (descending)
        {
            url = QueryHelpers.AddQueryString(url, "dir", "desc");
        }
        if (page > 1)
        {
            url = QueryHelpers.AddQueryString(url, "page", page.ToString(CultureInfo.InvariantCulture));
        }
        return url;
    }

    private static bool Problem(string message, List<string> problems)
    {
        problems.Add(message);
        return false;
    }
}
