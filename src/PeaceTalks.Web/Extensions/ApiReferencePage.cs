using Scalar.AspNetCore;

namespace PeaceTalks.Web.Extensions;

/// <summary>
/// The API reference page (Scalar, /api/docs) made to fit the app: no web fonts from Scalar's own site (the security
/// policy refuses them, so every visit logged errors; system fonts are used), the page's language declared for screen
/// readers, text colours with enough contrast, and a link back to the app.
/// </summary>
public static class ApiReferencePage
{
    // Scalar's own muted greys fall under 4.5:1 on its backgrounds; these keep its look with enough contrast.
    private const string Css = """
        .light-mode { --scalar-color-2: #474747; --scalar-color-3: #575757; }
        .dark-mode { --scalar-color-2: #d0d0d0; --scalar-color-3: #bdbdbd; }
        .light-mode .hljs-literal { color: #8a3b00; }
        .dark-mode .hljs-literal { color: #ffb86b; }
        .peacetalks-back { display: block; padding: 0.5rem 1rem; font: 600 0.95rem system-ui, sans-serif; background: #1e3a5f; color: #fff; }
        .peacetalks-back:focus-visible { outline: 3px solid #fff; outline-offset: -3px; }
        """;

    public static IServiceCollection AddApiReferencePage(this IServiceCollection services) =>
        services.Configure<ScalarOptions>(options => options
            .DisableDefaultFonts()
            .DisableAgent()
            .WithCustomCss(Css)
            // Scalar's page has no lang attribute; the page's policy allows its inline scripts (SecurityHeaders).
            .AddHeadContent("""<script>document.documentElement.lang = "en";</script>""")
            .AddHeaderContent("""<a class="peacetalks-back" href="/">← Back to PeaceTalks</a>"""));
}
