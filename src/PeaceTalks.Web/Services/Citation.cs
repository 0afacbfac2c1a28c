using PeaceTalks.Web.Models;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Services;

/// <summary>
/// The line a journalist or researcher pastes to cite one statement: who, what (quoted only when verbatim), how and
/// when it was said, where it was reported, and where PeaceTalks keeps it, with the day it was looked up.
/// </summary>
public static class Citation
{
    /// <summary>The words as a preview or feed shows them: in quotation marks when verbatim, marked when paraphrased.</summary>
    public static string Marked(StatementItem s) => s.Kind == TextKind.Quote ? $"“{s.Text}”" : $"(paraphrase) {s.Text}";

    /// <summary>
    /// What a citation or feed entry says of an item nobody has verified yet, or that a checker disputed; null for a
    /// verified one (its page says by whom).
    /// </summary>
    public static string? CheckNote(Verification.CheckInfo check) => check.State switch
    {
        Models.VerificationState.Unverified => "Unverified: not yet checked against its source by a second editor",
        Models.VerificationState.Disputed => "Disputed: " + (check.DisputeReason is { } reason ? Records.Checks.Label(reason).ToLowerInvariant() : "no reason given"),
        _ => null,
    };

    public static string For(StatementItem s, string pageUrl, DateOnly retrieved)
    {
        var said = s.Kind == TextKind.Quote ? $"“{s.Text}”" : $"{s.Text.TrimEnd('.')} (paraphrase)";
        var parts = new List<string>
        {
            s.ActorRole is { } role ? $"{s.Actor.Name} ({role})" : s.Actor.Name,
            said,
            DateText.Label(s.Channel),
            DateText.Long(s.Date, s.DatePrecision, s.DateBasis),
        };
        var source = s.Source.Outlet is { } outlet && !s.Source.Title.Contains(outlet, StringComparison.OrdinalIgnoreCase)
            ? $"{outlet}, {s.Source.Title}"
            : s.Source.Title;
        if (s.Via is { } via)
        {
            source += $", via {via.Title}";
        }
        parts.Add(Models.WebLinks.SafeUrl(s.Source.Url) is { } url ? $"{source}, {url}" : source);
        if (CheckNote(s.Check) is { } check)
        {
            parts.Add(check);
        }
        parts.Add($"PeaceTalks, {pageUrl} (retrieved {Records.Cells.Date(retrieved)})");
        // Each part ends in a full stop unless its own words already end a sentence or a clause inside the quotation
        // marks ("… promises.”", "… anybody,”"): the quote stays as said, without a stop doubled after it.
        return string.Join(" ", parts.Select(p => EndsInsideQuote(p) ? p : p.TrimEnd('.') + "."));
    }

    private static bool EndsInsideQuote(string part) => part.Length >= 2 && part[^1] == '”' && ".?!,;:…".Contains(part[^2]);
}
