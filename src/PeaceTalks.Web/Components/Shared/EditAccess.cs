using Microsoft.AspNetCore.Components.Authorization;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Components.Shared;

/// <summary>
/// Whether the reader is offered "Edit" and "Add": the same rule as AuthorizeView Roles="Editor,Admin", read from the
/// cascaded sign-in once per page. Only what is shown follows it; every write checks the role again on the server.
/// </summary>
public static class EditAccess
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
