namespace PeaceTalks.Web.Models;

/// <summary>Whether someone other than its author has compared an item with its source.</summary>
public enum VerificationState { Unverified, Verified, Disputed }

/// <summary>Why a checker says an item does not match its source: a fixed list, so readers and the queue can count them.</summary>
public enum DisputeReason { WrongWords, WrongSpeaker, WrongDate, SourceDoesNotSayIt, SourceUnreachable }

/// <summary>
/// An item a second pair of eyes checks against its source (statements, positions, meetings, plan points). A new
/// item, or one whose checked fields change (see RecordType.CheckedFields), is unverified; a checker makes it verified
/// or disputed. <see cref="ChangedById"/> is the author of the latest change to what is checked: the four-eyes rule
/// keeps them from verifying it.
/// </summary>
public interface IVerifiable : IRecord
{
    VerificationState Verification { get; set; }

    /// <summary>Who verified or disputed it (account id and display name), and when (UTC); null while unverified.</summary>
    string? CheckedById { get; set; }
    string? CheckedBy { get; set; }
    DateTime? CheckedAt { get; set; }

    /// <summary>Why it was disputed, and the checker's optional note.</summary>
    DisputeReason? DisputeReason { get; set; }
    string? DisputeNote { get; set; }

    /// <summary>The account whose change made it unverified (null: the seed or a row older than checks), and when.</summary>
    string? ChangedById { get; set; }
    DateTime? ChangedAt { get; set; }
}
