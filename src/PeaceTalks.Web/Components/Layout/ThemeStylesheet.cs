using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace PeaceTalks.Web.Components.Layout;

/// <summary>
/// The theme's CSS (MudBlazor's palette variables) as one cached stylesheet, /theme.css, instead of a MudThemeProvider
/// in the layout: there it writes a 12,000-character style block into every live page, which each circuit kept twice
/// (its current and its previous render), about 50 KB per reader (see the load test in docs/benchmarks.md). The stylesheet is
/// what MudThemeProvider writes, rendered once: the light palette on :root, the dark one when the reader's system
/// prefers dark, and the reader's own choice from the app bar as a class on the html element.
/// </summary>
public static partial class ThemeStylesheet
{
    public const string Path = "/theme.css";
    public const string DarkClass = "pt-dark";
    public const string LightClass = "pt-light";

    private static Task<string>? _css;

    public static IEndpointConventionBuilder MapThemeStylesheet(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, async (HttpContext context) =>
        {
            var css = await (_css ??= BuildAsync(context.RequestServices));
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(css, "text/css", Encoding.UTF8);
        }).AllowAnonymous().ExcludeFromDescription();

    public static async Task<string> BuildAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var light = await RenderAsync(renderer, dark: false);
        var dark = RootVariables(await RenderAsync(renderer, dark: true));
        var css = new StringBuilder();
        foreach (Match style in StyleBlock().Matches(light))
        {
            css.AppendLine(style.Groups["css"].Value.Trim());
        }
        css.AppendLine($":root.{DarkClass}{{{dark}}}");
        css.AppendLine($"@media (prefers-color-scheme: dark) {{ :root:not(.{LightClass}){{{dark}}} }}");
        return css.ToString();
    }

    private static Task<string> RenderAsync(HtmlRenderer renderer, bool dark) =>
        renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = AppTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = dark,
            });
            return (await renderer.RenderComponentAsync<MudThemeProvider>(parameters)).ToHtmlString();
        });

    private static string RootVariables(string html) =>
        RootBlock().Match(html) is { Success: true } root
            ? root.Groups["vars"].Value
            : throw new InvalidOperationException("MudThemeProvider no longer writes its palette as a :root block; the theme stylesheet must follow it.");

    [GeneratedRegex(@"<style[^>]*>(?<css>.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();

    [GeneratedRegex(@":root\s*\{(?<vars>[^}]*)\}")]
    private static partial Regex RootBlock();
}
