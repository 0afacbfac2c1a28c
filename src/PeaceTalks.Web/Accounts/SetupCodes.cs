using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Accounts;

/// <summary>
/// The one-time code for making the first admin on a fresh install: written to the server's log at start-up while
/// no admin exists, asked for by /setup, deleted once used. It lives in the database so every app node prints and
/// accepts the same code.
/// </summary>
public static class SetupCodes
{
    // No 0/O, 1/I/L: the code is read off a console and typed in.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>The code to print, or null when an admin already exists.</summary>
    public static async Task<string?> EnsureAsync(PeaceTalksDbContext db, CancellationToken cancellationToken = default)
    {
        if (await AdminExistsAsync(db, cancellationToken))
        {
            return null;
        }
        var existing = await db.SetupCodes.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Code).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }
        var code = string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 4)));
        db.SetupCodes.Add(new SetupCode { Code = code, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
        return code;
    }

    public static Task<bool> AdminExistsAsync(PeaceTalksDbContext db, CancellationToken cancellationToken = default) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == AppRoles.Admin
         select ur).AnyAsync(cancellationToken);

    /// <summary>True when <paramref name="typed"/> is the stored code (spaces, dashes and case ignored), compared in constant time.</summary>
    public static async Task<bool> MatchesAsync(PeaceTalksDbContext db, string? typed, CancellationToken cancellationToken = default)
    {
        var stored = await db.SetupCodes.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Code).FirstOrDefaultAsync(cancellationToken);
        if (stored is null || typed is null)
        {
            return false;
        }
        var a = System.Text.Encoding.UTF8.GetBytes(Normalise(stored));
        var b = System.Text.Encoding.UTF8.GetBytes(Normalise(typed));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    private static string Normalise(string code) =>
        new([.. code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
}
