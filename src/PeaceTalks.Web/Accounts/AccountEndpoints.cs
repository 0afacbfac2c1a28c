using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Accounts;

public static class AccountEndpoints
{
    /// <summary>POST /account/logout (a form with an antiforgery token, so no other site can sign a reader out).</summary>
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/account/logout", async (SignInManager<AppUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(LocalUrl(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();

    /// <summary>Only a path on this site: an open redirect would let a link to PeaceTalks send a reader anywhere.</summary>
    public static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    /// <summary>
    /// After a one-time password, every page sends the user to choose their own password first. (Only full page
    /// loads pass here; a live page was itself opened by one.)
    /// </summary>
    public static IApplicationBuilder UsePasswordChangeWhenRequired(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.HasClaim(c => c.Type == AccountClaimsFactory.MustChangePassword)
            && HttpMethods.IsGet(context.Request.Method)
            && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
            && !context.Request.Path.StartsWithSegments("/account"))
        {
            context.Response.Redirect("/account/change-password?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
            return;
        }
        await next();
    });
}
