using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Records;

/// <summary>
/// The check against the source as the history records it: the field names of its changes, and the words of its
/// states and reasons as people read them.
/// </summary>
public static class Checks
{
    /// <summary>The history's field (and the CSV column) for the state.</summary>
    public const string Field = "verification";

    /// <summary>What the history's note says when a one-person installation lets an author verify their own change.</summary>
    public const string SelfVerified = "self-verified";

    public static string Label(VerificationState state) => state switch
    {
        VerificationState.Verified => "Verified",
        VerificationState.Disputed => "Disputed",
        _ => "Unverified",
    };

    public static string Label(DisputeReason reason) => reason switch
    {
        DisputeReason.WrongWords => "Wrong words",
        DisputeReason.WrongSpeaker => "Wrong speaker",
        DisputeReason.WrongDate => "Wrong date",
        DisputeReason.SourceDoesNotSayIt => "The source does not say it",
        _ => "Source unreachable",
    };

    /// <summary>An item's check as the history's changes: state, who, when, reason and note.</summary>
    internal static string?[] Texts(IVerifiable item) =>
    [
        Cells.Word(item.Verification), item.CheckedBy, item.CheckedAt is { } at ? Cells.Instant(at) : null,
        item.DisputeReason is { } reason ? Cells.Word(reason) : null, item.DisputeNote,
    ];

    internal static readonly IReadOnlyList<string> Names = [Field, "checked_by", "checked_at", "dispute_reason", "dispute_note"];
}
