namespace PeaceTalks.Web.Models;

/// <summary>
/// What every item of the record carries besides its data: a version that changes on every save (optimistic
/// concurrency; SQLite has no row version, so the app keeps one) and, when an editor has withdrawn it, when and why.
/// Retracted items are never deleted: they leave the pages and exports and can be restored.
/// </summary>
public interface IRecord
{
    int Id { get; }

    /// <summary>1 when created; one more on every save, retraction or restore.</summary>
    long Version { get; set; }

    DateTime? RetractedAt { get; set; }
    string? RetractedReason { get; set; }
}

/// <summary>An item of the record placed on the timeline by its date (statements, meetings).</summary>
public interface IDatedRecord : IRecord
{
    DateOnly Date { get; }
}
