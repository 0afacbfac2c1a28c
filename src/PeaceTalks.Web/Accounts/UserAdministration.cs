using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Accounts;

public sealed record UserRow(string Id, string Email, string DisplayName, string Role, bool Locked, DateTime CreatedAt, bool MustChangePassword);

/// <summary>What an admin does with accounts (/admin/users). Every method checks the Admin role on the server first.</summary>
public sealed class UserAdministration(EditorAccess access, IServiceScopeFactory scopes, IDbContextFactory<PeaceTalksDbContext> dbFactory)
{
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await access.RequireAsync(AppRoles.Admin, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.LockoutEnd, u.CreatedAt, u.MustChangePassword })
            .ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.First().Name ?? "");
        return
        [
            .. users.Select(u => new UserRow(u.Id, u.Email ?? "", u.DisplayName, roleOf.GetValueOrDefault(u.Id, ""),
                u.LockoutEnd is { } end && end > now, DateTime.SpecifyKind(u.CreatedAt, DateTimeKind.Utc), u.MustChangePassword)),
        ];
    }

    /// <summary>Creates an account with a one-time password (returned once, never stored in clear); its first sign-in must change it.</summary>
    public async Task<(string? OneTimePassword, IReadOnlyList<string> Errors)> CreateAsync(string email, string displayName, string role,
        CancellationToken cancellationToken = default)
    {
        var admin = await access.RequireAsync(AppRoles.Admin, cancellationToken);
        var password = RandomNumberGenerator.GetString(PasswordAlphabet, 16);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var errors = await CreateAccountAsync(users, email, displayName, role, password, mustChangePassword: true);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        await AuditAsync(admin, email.Trim(), AuditAction.Create, [new("role", null, role), new("display_name", null, displayName.Trim())], cancellationToken);
        return (password, []);
    }

    public async Task<string?> SetRoleAsync(string userId, string role, CancellationToken cancellationToken = default)
    {
        var admin = await access.RequireAsync(AppRoles.Admin, cancellationToken);
        if (!AppRoles.All.Contains(role))
        {
            return $"'{role}' is not a role (one of: {string.Join(", ", AppRoles.All)}).";
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return "That account no longer exists.";
        }
        var current = (await users.GetRolesAsync(user)).ToList();
        if (current.SequenceEqual([role]))
        {
            return null;
        }
        if (current.Contains(AppRoles.Admin) && role != AppRoles.Admin && !await OtherActiveAdminAsync(users, user))
        {
            return "This is the only active admin: make another admin first.";
        }
        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        // Open pages of that user re-check the stamp, so the new role applies there within the revalidation interval.
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(admin, user.Email ?? user.Id, AuditAction.Update, [new("role", string.Join("|", current), role)], cancellationToken);
        return null;
    }

    public async Task<string?> SetLockedAsync(string userId, bool locked, CancellationToken cancellationToken = default)
    {
        var admin = await access.RequireAsync(AppRoles.Admin, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return "That account no longer exists.";
        }
        if (locked && user.Id == admin.UserId)
        {
            return "You cannot lock your own account.";
        }
        if (locked && (await users.GetRolesAsync(user)).Contains(AppRoles.Admin) && !await OtherActiveAdminAsync(users, user))
        {
            return "This is the only active admin: make another admin first.";
        }
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!locked)
        {
            await users.ResetAccessFailedCountAsync(user);
        }
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(admin, user.Email ?? user.Id, locked ? AuditAction.Lock : AuditAction.Unlock,
            [new("locked", locked ? "no" : "yes", locked ? "yes" : "no")], cancellationToken);
        return null;
    }

    /// <summary>Creates a user with one role; the /setup page uses it for the first admin. Returns Identity's problems, if any.</summary>
    public static async Task<IReadOnlyList<string>> CreateAccountAsync(UserManager<AppUser> users, string email, string displayName, string role,
        string password, bool mustChangePassword)
    {
        email = email.Trim();
        if (string.IsNullOrWhiteSpace(displayName))
        {
            return ["Give a display name: it is how the history of changes names this person."];
        }
        if (displayName.Contains('@'))
        {
            return ["The display name is shown to every reader of the history: give a name, not an email address."];
        }
        if (displayName.Trim().Length > FieldLimits.Name)
        {
            return [$"The display name is {AppCulture.Number(displayName.Trim().Length)} characters long; the limit is {FieldLimits.Name}."];
        }
        if (!System.Net.Mail.MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            return [$"'{email}' is not an email address."];
        }
        if (!AppRoles.All.Contains(role))
        {
            return [$"'{role}' is not a role (one of: {string.Join(", ", AppRoles.All)})."];
        }
        var user = new AppUser
        {
            UserName = email, Email = email, DisplayName = displayName.Trim(), MustChangePassword = mustChangePassword,
            CreatedAt = DateTime.UtcNow, LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return [.. created.Errors.Select(e => e.Description)];
        }
        await users.AddToRoleAsync(user, role);
        return [];
    }

    private static async Task<bool> OtherActiveAdminAsync(UserManager<AppUser> users, AppUser except)
    {
        foreach (var admin in await users.GetUsersInRoleAsync(AppRoles.Admin))
        {
            if (admin.Id != except.Id && !await users.IsLockedOutAsync(admin))
            {
                return true;
            }
        }
        return false;
    }

    internal async Task AuditAsync(Editor who, string email, AuditAction action, IReadOnlyList<FieldChange> changes, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            At = DateTime.UtcNow, UserId = who.UserId, UserName = who.Name, EntityType = "user", EntityId = 0, EntityKey = email,
            Action = action, Changes = AuditJson.Write(changes),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
