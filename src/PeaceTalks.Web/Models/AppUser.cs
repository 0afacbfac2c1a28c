using Microsoft.AspNetCore.Identity;

namespace PeaceTalks.Web.Models;

/// <summary>A person who signs in. Accounts are made by an admin (or, for the first admin, with the setup code).</summary>
public class AppUser : IdentityUser
{
    /// <summary>How the person is named in the history of changes.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Set when an admin gave a one-time password: the next sign-in must choose a new one.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>The three roles. Each user has exactly one; a higher role can do everything a lower one can.</summary>
public static class AppRoles
{
    public const string Reader = "Reader";
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    /// <summary>For [Authorize(Roles = …)]: editors and admins.</summary>
    public const string Editors = Editor + "," + Admin;

    public static IReadOnlyList<string> All { get; } = [Reader, Editor, Admin];

    /// <summary>True when <paramref name="role"/> includes what <paramref name="needed"/> may do.</summary>
    public static bool Includes(string? role, string needed) => Rank(role) >= Rank(needed);

    private static int Rank(string? role) => role switch
    {
        Admin => 3,
        Editor => 2,
        Reader => 1,
        _ => 0,
    };
}
