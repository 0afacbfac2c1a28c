using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PeaceTalks.Web.Accounts;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Tests.Infrastructure;

/// <summary>Real accounts in the test database, and the signed-in principal a page of theirs would carry.</summary>
public static class TestUsers
{
    public const string Password = "a long test password";

    /// <summary>Creates an account with a role and returns its principal, built by the app's own claims factory.</summary>
    public static async Task<ClaimsPrincipal> SignInAsAsync(this TestDatabase database, string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@peacetalks.test";
        await using var scope = database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var problems = await UserAdministration.CreateAccountAsync(users, email, $"Test {role}", role, Password, mustChangePassword: false);
        Assert.Empty(problems);
        return await PrincipalAsync(database, email);
    }

    /// <summary>The principal of an existing account as a sign-in now would make it.</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(this TestDatabase database, string email)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var principal = await factory.CreateAsync(user);
        // A sign-in cookie's identity is authenticated; the factory's identity type says so once it has a scheme.
        return new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, IdentityConstants.ApplicationScheme));
    }

    public static ClaimsPrincipal Anonymous { get; } = new(new ClaimsIdentity());
}

/// <summary>An authentication state a test can change, as revalidation or a sign-out would.</summary>
public sealed class TestAuthenticationStateProvider(ClaimsPrincipal user) : AuthenticationStateProvider
{
    public ClaimsPrincipal User { get; private set; } = user;

    public void Set(ClaimsPrincipal user)
    {
        User = user;
        NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());
    }

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(User));
}
