using System.Globalization;

namespace PeaceTalks.Web.Models;

/// <summary>
/// The one culture PeaceTalks writes numbers and dates in (British English: "1,234", "2 December 2025"), whatever the
/// server's own culture: a German or Russian server shows the same page as any other.
/// </summary>
public static class AppCulture
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A whole number with thousands separators: "20,001".</summary>
    public static string Number(long value) => value.ToString("N0", Culture);

    /// <summary>A number and its noun, singular for one: "1 row", "1,204 rows".</summary>
    public static string Count(long value, string singular, string? plural = null) =>
        $"{Number(value)} {(value == 1 ? singular : plural ?? singular + "s")}";

    /// <summary>Makes the culture the default of every thread, for anything that formats without naming one.</summary>
    public static void UseEverywhere()
    {
        CultureInfo.DefaultThreadCurrentCulture = Culture;
        CultureInfo.DefaultThreadCurrentUICulture = Culture;
        CultureInfo.CurrentCulture = Culture;
        CultureInfo.CurrentUICulture = Culture;
    }
}
