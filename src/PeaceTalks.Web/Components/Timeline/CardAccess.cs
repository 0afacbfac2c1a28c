using Microsoft.AspNetCore.Components.Authorization;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Components.Timeline;

/// <summary>Whether a card offers "Edit": the same rule as AuthorizeView Roles="Editor,Admin", read from the cascaded state.</summary>
public static class CardAccess
{
    public static async Task<bool> CanEditAsync(Task<AuthenticationState>? authentication)
    {
        if (authentication is null)
        {
            return false;
        }
        var user = (await authentication).User;
        return user.IsInRole(AppRoles.Editor) || user.IsInRole(AppRoles.Admin);
    }
}
