using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Editing;

/// <summary>
/// The server-side check in front of every write. It reads who is signed in on this circuit or request, then asks
/// the database (not the sign-in cookie, which may be an hour old) whether that account still exists, is not locked,
/// still has the same security stamp (a role change or lock updates it) and has the role the write needs.
/// </summary>
public sealed class EditorAccess(AuthenticationStateProvider authentication, IServiceScopeFactory scopes)
{
    public async Task<Editor> RequireAsync(string role, CancellationToken cancellationToken = default)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return await RequireAsync(user, role, scopes, cancellationToken);
    }

    /// <summary>
    /// Whether the signed-in user has the role now, by the same database check, for what only some roles may read
    /// (account administration in the history).
    /// </summary>
    public async Task<bool> HasRoleAsync(string role, CancellationToken cancellationToken = default) =>
        await HasRoleAsync((await authentication.GetAuthenticationStateAsync()).User, role, scopes, cancellationToken);

    /// <summary>The same question for a principal from elsewhere (an HTTP request).</summary>
    public static async Task<bool> HasRoleAsync(ClaimsPrincipal principal, string role, IServiceScopeFactory scopes,
        CancellationToken cancellationToken = default)
    {
        try
        {
            await RequireAsync(principal, role, scopes, cancellationToken);
            return true;
        }
        catch (NotAllowedException)
        {
            return false;
        }
    }

    /// <summary>The same check for a principal from elsewhere (an HTTP request).</summary>
    public static async Task<Editor> RequireAsync(ClaimsPrincipal principal, string role, IServiceScopeFactory scopes,
        CancellationToken cancellationToken = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (principal.Identity?.IsAuthenticated != true || userId is null)
        {
            throw new NotAllowedException("Sign in as an editor to change the record.");
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var account = await users.FindByIdAsync(userId)
            ?? throw new NotAllowedException("Your account no longer exists, so you cannot change the record.");
        if (await users.IsLockedOutAsync(account))
        {
            throw new NotAllowedException("Your account is locked, so you cannot change the record.");
        }
        var stamp = principal.FindFirstValue(scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>()
            .Value.ClaimsIdentity.SecurityStampClaimType);
        if (stamp != await users.GetSecurityStampAsync(account))
        {
            throw new NotAllowedException("Your account was changed (for example its role) since you signed in. Sign in again.");
        }
        var current = (await users.GetRolesAsync(account)).FirstOrDefault();
        if (!AppRoles.Includes(current, role))
        {
            throw new NotAllowedException($"Your role ({current ?? "none"}) cannot do this; it needs the {role} role.");
        }
        return new Editor(account.Id, string.IsNullOrWhiteSpace(account.DisplayName) ? account.UserName ?? account.Id : account.DisplayName, current!);
    }
}
