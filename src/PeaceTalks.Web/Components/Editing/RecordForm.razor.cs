using Microsoft.AspNetCore.Components;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Components.Editing;

public partial class RecordForm
{
    [Parameter, EditorRequired] public required IReadOnlyList<FormField> Fields { get; set; }

    /// <summary>The CSV cells being edited; changed in place.</summary>
    [Parameter, EditorRequired] public required Dictionary<string, string?> Values { get; set; }

    /// <summary>The CSV rules' messages per field from the last refused save.</summary>
    [Parameter, EditorRequired] public required IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; set; }

    /// <summary>Searches a picker's items: (kind, typed text, the chosen actor for evidence or version for earlier points).</summary>
    [Parameter, EditorRequired] public required Func<FieldInput, string?, string?, CancellationToken, Task<IReadOnlyList<Pick>>> Pick { get; set; }

    [Parameter, EditorRequired] public required PickLabels Labels { get; set; }

    [Parameter, EditorRequired] public required IReadOnlyList<Pick> IssueChoices { get; set; }

    /// <summary>Fields that cannot change (the natural key of a saved item).</summary>
    [Parameter] public IReadOnlyCollection<string> Locked { get; set; } = [];

    [Parameter] public EventCallback Changed { get; set; }

    /// <summary>Field name → a warning that does not stop the save (e.g. a quote not found in its stored report).</summary>
    [Parameter] public IReadOnlyDictionary<string, string> Warnings { get; set; } = new Dictionary<string, string>();

    private static string Id(FormField field) => "field-" + field.Name.Replace('_', '-');

    private static bool IsWide(FormField field) =>
        field.Input is FieldInput.LongText or FieldInput.Evidence or FieldInput.Participants or FieldInput.Issues or FieldInput.PlanPoints;

    /// <summary>What a list picker offers, when it offers less than everything.</summary>
    private string ListHelp(FormField field) => field.Input switch
    {
        FieldInput.Evidence => "Only statements of the chosen actor are offered.",
        FieldInput.PlanPoints when Fields.Any(f => f.Name == "version") => "Only points of the same plan's other versions are offered.",
        _ => "",
    };

    private bool IsLocked(FormField field) => Locked.Contains(field.Name);

    private bool HasError(FormField field) => Errors.ContainsKey(field.Name);

    private string? ErrorText(FormField field) => Errors.TryGetValue(field.Name, out var messages) ? string.Join(" ", messages) : null;

    private string? Get(string name) => Values.GetValueOrDefault(name);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private Task Set(string name, string? value)
    {
        Values[name] = string.IsNullOrEmpty(value) ? null : value;
        return Changed.InvokeAsync();
    }

    private IReadOnlyList<string> List(string name) =>
        Get(name) is { Length: > 0 } value ? value.Split(Cells.ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    private Task SetList(string name, IEnumerable<string> items) => Set(name, Cells.List(items.Distinct()));

    private Task AddToList(string name, string? key) => key is null ? Task.CompletedTask : SetList(name, [.. List(name), key]);

    private Task RemoveFromList(string name, string key) => SetList(name, List(name).Where(k => k != key));

    private async Task<IEnumerable<string>> SearchAsync(FieldInput input, string? text, CancellationToken cancellationToken)
    {
        // Evidence is searched among the chosen actor's statements; a point's predecessors among its plan's other versions.
        var within = input switch { FieldInput.Evidence => Get("actor"), FieldInput.PlanPoints => Get("version"), _ => null };
        var picks = await Pick(input, text, within, cancellationToken);
        Labels.Add(input, picks);
        return picks.Select(p => p.Key);
    }

    private readonly record struct Participant(string Actor, string Role);

    private List<Participant> Participants(string name) =>
    [
        .. List(name).Select(item => item.Split(Cells.RoleSeparator) is [var actor, var role] ? new Participant(actor, role) : new Participant(item, "participant")),
    ];

    private Task SetParticipants(string name, IEnumerable<Participant> rows) =>
        Set(name, string.Join(Cells.ListSeparator, rows.Select(r => $"{r.Actor}{Cells.RoleSeparator}{r.Role}")));

    private Task SetParticipant(string name, int index, string actor, string? role)
    {
        var rows = Participants(name);
        rows[index] = new Participant(actor, role ?? "participant");
        return SetParticipants(name, rows);
    }

    private Task AddParticipant(string name) => SetParticipants(name, [.. Participants(name), new Participant("", "participant")]);

    private Task RemoveParticipant(string name, int index)
    {
        var rows = Participants(name);
        rows.RemoveAt(index);
        return SetParticipants(name, rows);
    }
}
