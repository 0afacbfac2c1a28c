namespace PeaceTalks.Web.Models;

/// <summary>Addresses from the record that may become links: http and https only, never javascript: or data:.</summary>
public static class WebLinks
{
    /// <summary>The address as a link target, or null when it is not an absolute http(s) address.</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;
}
