namespace PeaceTalks.Web.Models;

public class Statement : IDatedRecord, IVerifiable
{
    public int Id { get; set; }
    public long Version { get; set; } = 1;
    public DateTime? RetractedAt { get; set; }
    public string? RetractedReason { get; set; }

    // The check against the source (IVerifiable).
    public VerificationState Verification { get; set; }
    public string? CheckedById { get; set; }
    public string? CheckedBy { get; set; }
    public DateTime? CheckedAt { get; set; }
    public DisputeReason? DisputeReason { get; set; }
    public string? DisputeNote { get; set; }
    public string? ChangedById { get; set; }
    public DateTime? ChangedAt { get; set; }


    /// <summary>Stable natural key (a slug) so positions can cite it and imports can match it.</summary>
    public required string Key { get; set; }

    public int ActorId { get; set; }
    public Actor Actor { get; set; } = null!;

    /// <summary>The words: character for character when <see cref="Kind"/> is Quote, in our own words when Paraphrase.</summary>
    public required string Text { get; set; }
    public TextKind Kind { get; set; }

    public DateOnly Date { get; set; }
    public DatePrecision DatePrecision { get; set; }
    public DateBasis DateBasis { get; set; }

    public Channel Channel { get; set; }
    public Attribution Attribution { get; set; }

    /// <summary>The source a reader can check (the report we read it in).</summary>
    public int SourceId { get; set; }
    public Source Source { get; set; } = null!;

    /// <summary>The outlet or interview that source credits, when the words reached it second-hand (e.g. via CNN).</summary>
    public int? ViaSourceId { get; set; }
    public Source? ViaSource { get; set; }

    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    /// <summary>Language of the original words when <see cref="Text"/> is a translation (e.g. "ru").</summary>
    public string? OriginalLanguage { get; set; }
    public string? OriginalText { get; set; }

    public List<StatementIssue> Issues { get; set; } = [];

    /// <summary>The plan points it speaks about.</summary>
    public List<StatementPoint> Points { get; set; } = [];

    /// <summary>Further reports that carry the same words (another outlet, another translation), added at intake.</summary>
    public List<StatementSource> OtherSources { get; set; } = [];
}

public class StatementIssue
{
    public int StatementId { get; set; }
    public Statement Statement { get; set; } = null!;
    public int IssueId { get; set; }
    public Issue Issue { get; set; } = null!;
}

/// <summary>Another source for a statement: a second report of the same remark, so a reader can check it there too.</summary>
public class StatementSource
{
    public int StatementId { get; set; }
    public Statement Statement { get; set; } = null!;
    public int SourceId { get; set; }
    public Source Source { get; set; } = null!;
}
