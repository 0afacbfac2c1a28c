using System.Globalization;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Components.Shared;

/// <summary>
/// Shows UTC times of changes in the reader's time zone (sent by the browser once the page is live; UTC until then,
/// and said so). Cascaded by the layout.
/// </summary>
public sealed record ReaderClock(TimeZoneInfo Zone, bool FromBrowser)
{
    private static readonly CultureInfo English = AppCulture.Culture;

    public static ReaderClock Utc { get; } = new(TimeZoneInfo.Utc, false);

    public static ReaderClock For(string? ianaZone) =>
        ianaZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(ianaZone, out var zone) ? new ReaderClock(zone, true) : Utc;

    /// <summary>"27 Nov 2026, 16:05 (Europe/Berlin)".</summary>
    public string Format(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
        return $"{local.ToString("d MMM yyyy, HH:mm", English)} ({(FromBrowser ? Zone.Id : "UTC")})";
    }
}
