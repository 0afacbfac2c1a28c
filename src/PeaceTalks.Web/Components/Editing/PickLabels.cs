using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Components.Editing;

/// <summary>How the pickers of a form show the keys they hold: filled by the page at load and by every search.</summary>
public sealed class PickLabels
{
    private readonly Dictionary<(FieldInput, string), string> _labels = [];

    public static FieldInput Kind(FieldInput input) => input switch
    {
        FieldInput.Participants => FieldInput.Actor,
        FieldInput.Issues => FieldInput.Issue,
        FieldInput.PlanPoints => FieldInput.PlanPoint,
        _ => input,
    };

    public void Add(FieldInput input, IEnumerable<Pick> picks)
    {
        foreach (var pick in picks)
        {
            _labels[(Kind(input), pick.Key)] = pick.Label;
        }
    }

    public void Add(FieldInput input, IReadOnlyDictionary<string, string> labels) =>
        Add(input, labels.Select(l => new Pick(l.Key, l.Value)));

    public string Of(FieldInput input, string? key) =>
        key is null ? "" : _labels.TryGetValue((Kind(input), key), out var label) ? label : key;
}
