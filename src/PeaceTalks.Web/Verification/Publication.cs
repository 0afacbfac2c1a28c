using System.Security.Claims;
using PeaceTalks.Web.Accounts;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Verification;

/// <summary>
/// The installation's publishing choice (Access:PublishUnverified): by default everyone sees unverified items with
/// their badge; when it is off, anonymous visitors and readers see verified items only, and editors and admins see
/// everything. Pages ask with the role they read once per page; HTTP answers (API, exports, feeds) with the request's user.
/// </summary>
public static class Publication
{
    public static bool SeesUnverified(AccessOptions access, bool editor) => access.PublishUnverified || editor;

    /// <summary>Whether the request's user (anonymous, reader, editor, admin) sees unverified items.</summary>
    public static bool SeesUnverified(HttpContext context) => SeesUnverified(
        context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<AccessOptions>>().CurrentValue,
        IsEditor(context.User));

    /// <summary>The same rule as the pages' "Edit" (EditAccess): the Editor or Admin role of the sign-in.</summary>
    public static bool IsEditor(ClaimsPrincipal user) => user.IsInRole(AppRoles.Editor) || user.IsInRole(AppRoles.Admin);

    /// <summary>The filter as the request's user may have it: verified items only where the installation shows them no more.</summary>
    public static Filtering.DashboardFilter ForRequest(HttpContext context, Filtering.DashboardFilter filter) =>
        filter with { UnverifiedHidden = !SeesUnverified(context) };
}
