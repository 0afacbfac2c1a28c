using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Intake;

/// <summary>
/// An actor the extractor can recognise: every name it goes by, including role phrases ("the Kremlin spokesman").
/// <see cref="Side"/> ("Ukraine") and <see cref="Kind"/> are optional; with them a role phrase such as "the Ukrainian
/// leader" or "a White House official" is resolved more surely.
/// </summary>
public sealed record KnownActor(string Slug, string Name, string? Role, IReadOnlyList<string> Names, string? Side = null, ActorKind? Kind = null);

/// <summary>An issue the extractor can suggest, by the words of its name and description.</summary>
public sealed record KnownIssue(string Slug, string Name, string? Description);

/// <summary>A recorded meeting a statement may belong to: where and on which day it was held.</summary>
public sealed record KnownMeeting(string Slug, string Title, string Place, DateOnly Date);

/// <summary>Who the extractor thinks said it, and why. <see cref="Slug"/> is null for a proposed new actor.</summary>
public sealed record SpeakerGuess(string? Slug, string Name, string? Role, string Basis)
{
    public bool IsNew => Slug is null;

    public static SpeakerGuess Unknown { get; } = new(null, "", null, "no speaker found near the quote");
}

/// <summary>The day the words were said, as precise as the text allows, and what it rests on.</summary>
public sealed record DateGuess(DateOnly? Date, DatePrecision Precision, DateBasis Basis, string Reason);

/// <summary>How the words were given (a post, a briefing, a speech…), and the words of the report that say so.</summary>
public sealed record ChannelGuess(Channel Channel, string Reason)
{
    public static ChannelGuess NotStated { get; } = new(Channel.NotStated, "the report does not say how the words were given");
}

/// <summary>A recorded meeting the statement was probably made at or about, and why.</summary>
public sealed record MeetingGuess(string Slug, string Title, string Reason);

/// <summary>One proposed statement: the words exactly as printed (offsets into the article text), speaker, date, kind.</summary>
public sealed record Candidate(
    int Start,
    int Length,
    string Text,
    TextKind Kind,
    SpeakerGuess Speaker,
    DateGuess Date,
    string Context,
    IReadOnlyList<string> Issues)
{
    /// <summary>The channel the report names for the words ("told reporters" → a press briefing), or not stated.</summary>
    public ChannelGuess Channel { get; init; } = ChannelGuess.NotStated;

    /// <summary>A known meeting the report ties the words to (its place near them, its day within two days), if any.</summary>
    public MeetingGuess? Meeting { get; init; }
}
