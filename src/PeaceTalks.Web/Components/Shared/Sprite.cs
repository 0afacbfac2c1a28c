using Microsoft.AspNetCore.Components;

namespace PeaceTalks.Web.Components.Shared;

/// <summary>
/// Icons drawn once in wwwroot/icons.svg and referenced from the cards: a card repeats a 60-byte reference, not a
/// 500-byte drawing. A render fragment rather than a component, because a timeline page draws a hundred of them and
/// each component instance costs more to prerender than the markup it writes.
/// </summary>
public static class Sprite
{
    /// <summary>The symbol <paramref name="name"/> of icons.svg: voice, quote, paraphrase, event, channel, meeting, place, duration, filter.</summary>
    public static RenderFragment Icon(ResourceAssetCollection assets, string name, string? cssClass = null) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", cssClass is null ? "sprite-icon" : $"sprite-icon {cssClass}");
        builder.AddAttribute(2, "aria-hidden", "true");
        builder.AddAttribute(3, "focusable", "false");
        builder.AddAttribute(4, "width", "20");
        builder.AddAttribute(5, "height", "20");
        builder.OpenElement(6, "use");
        builder.AddAttribute(7, "href", $"{assets["icons.svg"]}#{name}");
        builder.CloseElement();
        builder.CloseElement();
    };
}
