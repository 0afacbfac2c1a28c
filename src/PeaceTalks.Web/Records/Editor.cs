using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Records;

/// <summary>
/// Who is changing the record. Every write method asks for one, and outside this assembly the only way to get
/// one is EditorAccess.RequireAsync (Editing), which checks the signed-in user's role in the database.
/// </summary>
public sealed class Editor
{
    internal Editor(string? userId, string name, string role)
    {
        UserId = userId;
        Name = name;
        Role = role;
    }

    /// <summary>The start-up seed: changes made by the installation itself, not by a person.</summary>
    internal static Editor System { get; } = new(null, "PeaceTalks (seed data)", AppRoles.Admin);

    public string? UserId { get; }
    public string Name { get; }
    public string Role { get; }

    public bool IsAdmin => Role == AppRoles.Admin;
}

/// <summary>Thrown when the current user may not make a change. The message says why, for the page to show.</summary>
public sealed class NotAllowedException(string message) : Exception(message);
