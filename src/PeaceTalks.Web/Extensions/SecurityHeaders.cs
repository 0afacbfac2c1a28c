namespace PeaceTalks.Web.Extensions;

/// <summary>Security headers on every response.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// What Blazor Server and MudBlazor need and nothing more: scripts only from this site (no inline script, no
    /// eval), the live connection back to this site, inline styles (MudBlazor writes its theme as a style element
    /// and sets style attributes), images and fonts from this site or data: URLs, no plugins, no framing.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference page (Scalar, at /api/docs) starts itself with an inline module script. It shows only the
    /// OpenAPI document, never stored text, so inline script is allowed there and nowhere else.
    /// </summary>
    public const string ApiReferencePolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/docs") ? ApiReferencePolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        await next(context);
    });
}
