using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Intake;

/// <summary>An actor the extractor can recognise: every name it goes by, including role phrases ("the Kremlin spokesman").</summary>
public sealed record KnownActor(string Slug, string Name, string? Role, IReadOnlyList<string> Names);

/// <summary>An issue the extractor can suggest, by the words of its name and description.</summary>
public sealed record KnownIssue(string Slug, string Name, string? Description);

/// <summary>Who the extractor thinks said it, and why. <see cref="Slug"/> is null for a proposed new actor.</summary>
public sealed record SpeakerGuess(string? Slug, string Name, string? Role, string Basis)
{
    public bool IsNew => Slug is null;

    public static SpeakerGuess Unknown { get; } = new(null, "", null, "no speaker found near the quote");
}

/// <summary>The day the words were said, as precise as the text allows, and what it rests on.</summary>
public sealed record DateGuess(DateOnly? Date, DatePrecision Precision, DateBasis Basis, string Reason);

/// <summary>One proposed statement: the words exactly as printed (offsets into the article text), speaker, date, kind.</summary>
public sealed record Candidate(
    int Start,
    int Length,
    string Text,
    TextKind Kind,
    SpeakerGuess Speaker,
    DateGuess Date,
    string Context,
    IReadOnlyList<string> Issues);
