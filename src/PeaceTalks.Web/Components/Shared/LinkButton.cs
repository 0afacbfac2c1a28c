using Microsoft.AspNetCore.Components;

namespace PeaceTalks.Web.Components.Shared;

/// <summary>
/// A link drawn as MudBlazor's button (the markup MudButton writes for an Href) with a sprite icon: the page headers'
/// actions (Export CSV, Follow, Add) are on every live page, where a MudButton and its MudIcon are two components that
/// each keep two render trees (see the load test in docs/benchmarks.md).
/// </summary>
public static class LinkButton
{
    public static RenderFragment Outlined(ResourceAssetCollection assets, string href, string text, string icon, string testId, string? ariaLabel = null) =>
        Link(assets, href, text, icon, testId, ariaLabel, "mud-button-outlined mud-button-outlined-primary mud-button-outlined-size-medium");

    public static RenderFragment Filled(ResourceAssetCollection assets, string href, string text, string icon, string testId, string? ariaLabel = null) =>
        Link(assets, href, text, icon, testId, ariaLabel, "mud-button-filled mud-button-filled-primary mud-button-filled-size-medium");

    private static RenderFragment Link(ResourceAssetCollection assets, string href, string text, string icon, string testId, string? ariaLabel, string variant) => builder =>
    {
        builder.OpenElement(0, "a");
        builder.AddAttribute(1, "class", $"mud-button-root mud-button {variant} mud-ripple");
        builder.AddAttribute(2, "href", href);
        builder.AddAttribute(3, "data-testid", testId);
        builder.AddAttribute(4, "aria-label", ariaLabel);
        builder.OpenElement(5, "span");
        builder.AddAttribute(6, "class", "mud-button-label");
        builder.OpenElement(7, "span");
        builder.AddAttribute(8, "class", "mud-button-icon-start mud-button-icon-size-medium");
        builder.AddContent(9, Sprite.Icon(assets, icon));
        builder.CloseElement();
        builder.AddContent(10, text);
        builder.CloseElement();
        builder.CloseElement();
    };
}
