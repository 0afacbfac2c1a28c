using Microsoft.AspNetCore.Components;

namespace PeaceTalks.Web.Components.Timeline;

/// <summary>
/// What the timeline's cards share. "Edit" follows a parameter that the page reads once from the sign-in, rather than
/// a cascading parameter per card: Blazor keeps a copy of the parameters of every component that listens to a
/// cascading value. And a card draws itself again only when what it shows has changed: a timeline page draws its list
/// again when its counts arrive or more items load, and a card that drew itself again with the same item would keep a
/// second render tree for as long as the reader stays (Blazor keeps each component's previous render). Both matter on
/// every live page (see the load test in docs/benchmarks.md).
/// </summary>
public abstract class CardBase : ComponentBase
{
    private object? _shown;
    private bool _changed;

    /// <summary>Whether the card offers its "Edit" link (the reader is an editor or an admin).</summary>
    [Parameter] public bool CanEdit { get; set; }

    /// <summary>Everything the card shows, compared by value: the item and the flags that change its markup.</summary>
    protected abstract object Shown { get; }

    protected override void OnParametersSet()
    {
        var shown = Shown;
        _changed = !Equals(shown, _shown);
        _shown = shown;
    }

    protected override bool ShouldRender() => _changed;
}
