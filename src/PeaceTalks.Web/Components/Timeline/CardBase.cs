using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace PeaceTalks.Web.Components.Timeline;

/// <summary>
/// What the timeline's cards share: "Edit" follows the cascaded sign-in, and a card draws itself again only when what
/// it shows has changed. A timeline page draws its list again when its counts arrive or more items load; a card that
/// drew itself again with the same item would keep a second render tree for as long as the reader stays (Blazor keeps
/// each component's previous render), doubling what the cards cost each live page (see the load test in the README).
/// </summary>
public abstract class CardBase : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    private object? _shown;
    private bool _changed = true;

    protected bool CanEdit { get; private set; }

    /// <summary>Everything the card shows, compared by value: the item and the flags that change its markup.</summary>
    protected abstract object Shown { get; }

    protected override async Task OnParametersSetAsync()
    {
        CanEdit = await CardAccess.CanEditAsync(Authentication);
        var shown = Shown;
        _changed = !Equals(shown, _shown);
        _shown = shown;
    }

    protected override bool ShouldRender() => _changed;
}
