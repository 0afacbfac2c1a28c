using System.ComponentModel.DataAnnotations;

namespace PeaceTalks.Web.Accounts;

/// <summary>Who may read: "Access" in configuration.</summary>
public sealed class AccessOptions
{
    /// <summary>A private install: every page, export and feed needs a signed-in user. Default: reading is open.</summary>
    public bool RequireSignIn { get; set; }

    /// <summary>
    /// How often an open page re-checks its user against the database (deleted, locked, role changed), and how often
    /// the sign-in cookie is checked the same way. A role change takes effect within this time.
    /// </summary>
    [Range(1, 3600)]
    public int RevalidateSeconds { get; set; } = 30;

    /// <summary>
    /// A one-person installation: lets the author of a change verify it themself (the four-eyes rule is off), and the
    /// history then says "self-verified". Default: another editor must check it.
    /// </summary>
    public bool AllowSelfVerification { get; set; }

    /// <summary>
    /// Whether anonymous visitors and readers see items nobody has verified yet (with an "Unverified" badge). False: they
    /// see verified items only (pages, API, exports, feeds, the matrix), and editors and admins see everything with
    /// badges. Default: published.
    /// </summary>
    public bool PublishUnverified { get; set; } = true;

    public TimeSpan RevalidateInterval => TimeSpan.FromSeconds(RevalidateSeconds);
}
