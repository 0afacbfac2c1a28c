using Microsoft.AspNetCore.Components;

namespace PeaceTalks.Web.Components.Shared;

/// <summary>
/// Icons drawn once in wwwroot/icons.svg and referenced from the cards: a card repeats a 60-byte reference, not a
/// 500-byte drawing. A render fragment rather than a component, because a timeline page draws a hundred of them and
/// each component instance costs more to prerender than the markup it writes.
/// </summary>
public static class Sprite
{
    /// <summary>The symbol <paramref name="name"/> of icons.svg: the cards' voice, quote, paraphrase, event, channel, meeting, place, duration, filter; the menu's nav-*; the stances' stance-*; the app bar's app-*; download, feed, add; the check's check-verified, check-unverified, check-disputed.</summary>
    public static RenderFragment Icon(ResourceAssetCollection assets, string name, string? cssClass = null) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", cssClass is null ? "sprite-icon" : $"sprite-icon {cssClass}");
        // Sized by the stylesheet (.sprite-icon): each attribute is a render-tree frame that every live page keeps twice.
        builder.AddAttribute(2, "aria-hidden", "true");
        builder.OpenElement(3, "use");
        builder.AddAttribute(4, "href", $"{assets["icons.svg"]}#{name}");
        builder.CloseElement();
        builder.CloseElement();
    };
}
