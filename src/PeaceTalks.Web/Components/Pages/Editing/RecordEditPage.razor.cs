using Microsoft.AspNetCore.Components;
using MudBlazor;
using PeaceTalks.Web.Accounts;
using PeaceTalks.Web.Components.Editing;
using PeaceTalks.Web.Components.Shared;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Components.Pages.Editing;

/// <summary>Adds or edits one item of any table, through the CSV rules; retracts and restores it; shows its history.</summary>
public partial class RecordEditPage
{
    private const string NoteField = "note";

    [Parameter] public string? Key1 { get; set; }
    [Parameter] public string? Key2 { get; set; }
    [Parameter] public string? Key3 { get; set; }

    [SupplyParameterFromQuery(Name = "actor")] public string? Actor { get; set; }
    [SupplyParameterFromQuery(Name = "issue")] public string? Issue { get; set; }
    [SupplyParameterFromQuery(Name = "meeting")] public string? Meeting { get; set; }
    [SupplyParameterFromQuery(Name = "plan")] public string? Plan { get; set; }
    [SupplyParameterFromQuery(Name = "version")] public string? Version { get; set; }
    [SupplyParameterFromQuery(Name = "point")] public string? Point { get; set; }

    [CascadingParameter] public ReaderClock Clock { get; set; } = ReaderClock.Utc;

    [Inject] private RecordEditService Edits { get; set; } = default!;
    [Inject] private LookupQueries Lookups { get; set; } = default!;
    [Inject] private AuditQueries Audit { get; set; } = default!;
    [Inject] private Verification.ReviewQueries Review { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private readonly DialogOptions _dialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true, CloseOnEscapeKey = true };
    private RecordType _table = RecordTypes.Statements;
    private IReadOnlyList<FormField> _fields = [];
    private RecordFields? _loaded;
    private Dictionary<string, string?>? _values;
    /// <summary>The values as loaded: what a conflict's two versions are merged against.</summary>
    private IReadOnlyDictionary<string, string?>? _base;
    private long? _version;
    private IReadOnlyDictionary<string, IReadOnlyList<string>> _errors = new Dictionary<string, IReadOnlyList<string>>();
    private IReadOnlyList<string> _general = [];
    private SaveResult.Conflict? _conflict;
    private string? _message;
    private Severity _messageSeverity = Severity.Info;
    private string? _note;
    private bool _saving;
    private IReadOnlyList<HistoryEntry>? _history;
    private readonly PickLabels _labels = new();
    private IReadOnlyList<Pick> _issues = [];
    private IReadOnlyCollection<string> _locked = [];
    private string? _loadedUri;
    private bool _retractOpen;
    private string? _retractReason;
    private string? _retractError;
    private IReadOnlyList<string> _retractWarnings = [];

    private string Noun => RecordForms.Noun(_table);
    private bool IsPlanPart => _table == RecordTypes.Plans || _table == RecordTypes.PlanVersions || _table == RecordTypes.PlanPoints || _table == RecordTypes.PointPositions;
    private string Plural => _table == RecordTypes.Positions ? "Stances" : IsPlanPart ? "Peace plans"
        : char.ToUpperInvariant(RecordForms.Path(_table)[0]) + RecordForms.Path(_table)[1..];
    private string ListUrl =>
        _table == RecordTypes.Actors ? "/actors"
        : _table == RecordTypes.Meetings ? "/meetings"
        : _table == RecordTypes.Positions || _table == RecordTypes.Issues ? "/stances"
        : IsPlanPart ? "/plans"
        : "/timeline";
    private string Title => _loaded is null ? $"Add a {Noun}" : $"Edit {Noun}: {ItemName(_loaded)}";

    /// <summary>What a person calls the item: its name, title or words as saved (shortened), else its key.</summary>
    internal static string ItemName(RecordFields item)
    {
        var name = new[] { "name", "title", "text", "summary" }.Select(f => item.Values.GetValueOrDefault(f)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        if (name is null)
        {
            return item.Key.Replace("|", " · ");
        }
        return name.Length > 60 ? $"{name[..59].TrimEnd()}…" : name;
    }
    private string CancelUrl => _loaded is null ? ListUrl : RecordForms.ViewUrl(_table, _loaded.Key);

    protected override async Task OnParametersSetAsync()
    {
        if (Navigation.Uri == _loadedUri)
        {
            return;
        }
        _loadedUri = Navigation.Uri;
        var path = new Uri(Navigation.Uri).AbsolutePath.Trim('/').Split('/')[0];
        _table = RecordTypes.All.First(t => RecordForms.Path(t) == path);
        _fields = RecordForms.For(_table);
        _issues = await Lookups.PickAsync(FieldInput.Issues, null);
        _labels.Add(FieldInput.Issues, _issues);
        ResetMessages();

        var key = Key1 is null ? null : Key2 is null ? Key1 : $"{Key1}|{Key2}|{Key3}";
        if (key is null)
        {
            _loaded = null;
            _version = null;
            _history = null;
            _locked = [];
            _values = RecordForms.Defaults(_table);
            Prefill("actor", Actor);
            Prefill("issue", Issue);
            Prefill("meeting", Meeting);
            Prefill("plan", Plan);
            Prefill("version", Version);
            Prefill("point", Point);
            _base = new Dictionary<string, string?>(_values);
        }
        else
        {
            _loaded = await Edits.LoadAsync(_table, key);
            if (_loaded is null)
            {
                Navigation.NotFound();
                return;
            }
            _version = _loaded.Version;
            _values = new Dictionary<string, string?>(_loaded.Values);
            _base = new Dictionary<string, string?>(_loaded.Values);
            _locked = [.. RecordEditService.KeyFields(_table)];
            _history = await Audit.HistoryAsync(Noun, _loaded.Id);
        }
        await LoadLabelsAsync(_values);
    }

    private void Prefill(string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && _fields.Any(f => f.Name == field))
        {
            _values![field] = value.Trim();
        }
    }

    private async Task LoadLabelsAsync(IReadOnlyDictionary<string, string?> values)
    {
        foreach (var group in _fields.Where(f => f.Input is not (FieldInput.Text or FieldInput.LongText or FieldInput.Key or FieldInput.Url
                     or FieldInput.Date or FieldInput.Number or FieldInput.Choice or FieldInput.Language)).GroupBy(f => PickLabels.Kind(f.Input)))
        {
            var keys = group.SelectMany(f => (values.GetValueOrDefault(f.Name) ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries)
                    .Select(item => item.Split(':')[0]))
                .Where(k => k.Length > 0).Distinct().ToList();
            _labels.Add(group.Key, await Lookups.LabelsAsync(group.Key, keys));
        }
    }

    private void ResetMessages()
    {
        _errors = new Dictionary<string, IReadOnlyList<string>>();
        _general = [];
        _conflict = null;
        _message = null;
    }

    private void Show(Severity severity, string message)
    {
        _messageSeverity = severity;
        _message = message;
    }

    private async Task SaveAsync(long? expectedVersion)
    {
        _saving = true;
        ResetMessages();
        try
        {
            var result = await Edits.SaveAsync(_table, _loaded?.Key, _values!, expectedVersion, _note);
            await HandleAsync(result, saved => $"Saved {Noun} {saved.Key.Replace("|", " · ")}.", navigateOnSave: true);
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task HandleAsync(SaveResult result, Func<SaveResult.Saved, string> savedMessage, bool navigateOnSave)
    {
        switch (result)
        {
            case SaveResult.Saved saved:
                Snackbar.Add(savedMessage(saved), Severity.Success);
                if (navigateOnSave)
                {
                    _leaving = true;
                    Navigation.NavigateTo(RecordForms.ViewUrl(_table, saved.Key));
                }
                else
                {
                    _loadedUri = null;
                    await OnParametersSetAsync();
                }
                break;
            case SaveResult.Unchanged:
                Show(Severity.Info, "Nothing differs from what is saved, so nothing was written.");
                break;
            case SaveResult.Invalid invalid:
                _errors = invalid.Fields;
                _general = invalid.General;
                break;
            case SaveResult.Conflict conflict:
                _conflict = conflict;
                break;
            case SaveResult.NotFound:
                Show(Severity.Error, $"This {Noun} no longer exists.");
                break;
            case SaveResult.Refused refused:
                Show(Severity.Error, refused.Message);
                break;
        }
    }

    /// <summary>Set once a save succeeded and the page is going to the item: nothing is left unsaved.</summary>
    private bool _leaving;

    /// <summary>Whether leaving now would lose something typed: a field that differs from what was loaded, or a note.</summary>
    private bool Dirty => !_leaving && _values is not null && _base is not null
        && (!string.IsNullOrWhiteSpace(_note) || _values.Keys.Union(_base.Keys).Any(k => !SameValue(_values.GetValueOrDefault(k), _base.GetValueOrDefault(k))));

    private static bool SameValue(string? a, string? b) =>
        string.Equals(string.IsNullOrWhiteSpace(a) ? null : a, string.IsNullOrWhiteSpace(b) ? null : b, StringComparison.Ordinal);

    /// <summary>A field changed: the page renders again, so the guard knows whether there is unsaved work.</summary>
    /// <summary>Warnings per field that do not stop a save (a verbatim quote not in its stored report).</summary>
    private Dictionary<string, string> _warnings = [];

    /// <summary>Says at once when a statement's verbatim quote is not in its source's stored report.</summary>
    private async Task FormChanged()
    {
        if (_table != RecordTypes.Statements || _values is null)
        {
            return;
        }
        var warning = await Review.QuoteWarningAsync(_values.GetValueOrDefault("kind"), _values.GetValueOrDefault("text"), _values.GetValueOrDefault("source"));
        _warnings = warning is null ? [] : new() { ["text"] = warning };
    }

    private string DisplayValue(string field, string? value)
    {
        if (value is null)
        {
            return "—";
        }
        return _fields.FirstOrDefault(f => f.Name == field) switch
        {
            { Choices: { } choices } => choices.FirstOrDefault(c => c.Value == value)?.Label ?? value,
            { Input: FieldInput.Actor or FieldInput.Source or FieldInput.Meeting or FieldInput.Issue } f => _labels.Of(f.Input, value),
            _ => value,
        };
    }

    private string FieldLabel(string field) => _fields.FirstOrDefault(f => f.Name == field)?.Label ?? field;

    private void ReloadTheirs()
    {
        var theirs = _conflict!.Theirs;
        _values = new Dictionary<string, string?>(theirs.Values);
        _base = new Dictionary<string, string?>(theirs.Values);
        _version = theirs.Version;
        _loaded = theirs;
        _conflict = null;
        Show(Severity.Info, "Loaded the saved version; your changes were dropped.");
    }

    /// <summary>Saves the field-by-field merge over their version; their version becomes what the form started from.</summary>
    private Task SaveMergedAsync(Dictionary<string, string?> merged)
    {
        var theirs = _conflict!.Theirs;
        _values = merged;
        _base = new Dictionary<string, string?>(theirs.Values);
        _version = theirs.Version;
        _loaded = theirs;
        return SaveAsync(_version);
    }

    private async Task OpenRetractAsync()
    {
        _retractReason = null;
        _retractError = null;
        _retractWarnings = await Edits.RetractWarningsAsync(_table, _loaded!.Key);
        _retractOpen = true;
    }

    private async Task RetractAsync()
    {
        var result = await Edits.RetractAsync(_table, _loaded!.Key, _retractReason ?? "", _version!.Value, _note);
        if (result is SaveResult.Invalid { Fields: var fields } && fields.TryGetValue("reason", out var problems))
        {
            _retractError = string.Join(" ", problems);
            return;
        }
        _retractOpen = false;
        ResetMessages();
        await HandleAsync(result, _ => $"Retracted the {Noun}.", navigateOnSave: false);
    }

    private async Task RestoreAsync()
    {
        ResetMessages();
        await HandleAsync(await Edits.RestoreAsync(_table, _loaded!.Key, _version!.Value, _note), _ => $"Restored the {Noun}.", navigateOnSave: false);
    }
}
