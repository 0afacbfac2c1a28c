using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Editing;

/// <summary>One field of an edit form. <see cref="Name"/> is the record field it fills, so the record's rules check it.</summary>
public sealed record FormField(string Name, string Label, FieldInput Input, bool Required, string? Help = null, IReadOnlyList<Choice>? Choices = null);

/// <summary>
/// The edit form of each record type, as its description gives it (<see cref="RecordType.FormFields"/>), and where
/// its items are seen and edited. Values are the fields' text (words for choices, slugs and keys for references,
/// '|' lists), checked by the record's rules.
/// </summary>
public static class RecordForms
{
    public static string Noun(RecordType type) => type.Noun;

    /// <summary>The record type of a history entry's entity type ("statement" → statements); null for "user".</summary>
    public static RecordType? TableOf(string entityType) => RecordTypes.All.FirstOrDefault(t => t.Noun == entityType);

    public static string Path(RecordType type) => type.Name;

    public static string NewUrl(RecordType type) => $"/{Path(type)}/new";

    /// <summary>The edit page of an item; a position's key "actor|issue|as_of" becomes three path segments.</summary>
    public static string EditUrl(RecordType type, string key) =>
        $"/{Path(type)}/{string.Join('/', key.Split('|').Select(Uri.EscapeDataString))}/edit";

    /// <summary>Where readers see the item.</summary>
    public static string ViewUrl(RecordType type, string key) => type switch
    {
        _ when type == RecordTypes.Actors => $"/actors/{Uri.EscapeDataString(key)}",
        _ when type == RecordTypes.Meetings => $"/meetings/{Uri.EscapeDataString(key)}",
        _ when type == RecordTypes.Statements => $"/statements/{Uri.EscapeDataString(key)}",
        _ when type == RecordTypes.Issues => $"/issues/{Uri.EscapeDataString(key)}",
        _ when type == RecordTypes.Positions => $"/stances?actor={Uri.EscapeDataString(key.Split('|')[0])}&issue={Uri.EscapeDataString(key.Split('|')[1])}",
        _ when type == RecordTypes.Plans => $"/plans/{Uri.EscapeDataString(key)}",
        _ when type == RecordTypes.PlanVersions => $"/plan-versions/{Uri.EscapeDataString(key)}",
        _ when type == RecordTypes.PlanPoints => $"/plan-points/{Uri.EscapeDataString(key)}",
        _ when type == RecordTypes.PointPositions => $"/plan-points/{Uri.EscapeDataString(key.Split('|')[1])}",
        _ => "/timeline",
    };

    /// <summary>Field values a new item starts with (the commonest case), before anything from the address.</summary>
    public static Dictionary<string, string?> Defaults(RecordType type) => new(type.Defaults, StringComparer.Ordinal);

    public static IReadOnlyList<FormField> For(RecordType type) =>
        [.. type.FormFields.Select(f => new FormField(f.Name, f.Form!.Label, f.Form.Input, f.Mandatory, f.Form.Help, f.Form.Choices))];

    public static IReadOnlyList<Choice> ParticipantRoles => RecordTypes.ParticipantRoles;
}
