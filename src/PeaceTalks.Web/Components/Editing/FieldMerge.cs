namespace PeaceTalks.Web.Components.Editing;

/// <summary>What a merge does with one field.</summary>
public enum MergeOutcome
{
    /// <summary>Neither changed it, or both made the same change.</summary>
    Same,

    /// <summary>Only I changed it: mine is saved over theirs.</summary>
    Mine,

    /// <summary>Only they changed it: theirs is kept.</summary>
    Theirs,

    /// <summary>We both changed it, differently: the editor chooses.</summary>
    Choose,
}

/// <summary>One field of a three-way merge: as loaded (base), as I have it, as they saved it.</summary>
public sealed record FieldMergeRow(string Field, string Label, string? Base, string? Mine, string? Theirs, MergeOutcome Outcome);

/// <summary>
/// Merges my unsaved form with the version someone else saved since I opened it, field by field against the values
/// as I loaded them: the fields only I changed are mine, the fields only they changed are theirs, and a field we both
/// changed differently is left to me to choose. Nothing either of us wrote is lost without a choice.
/// </summary>
public static class FieldMerge
{
    public static IReadOnlyList<FieldMergeRow> Rows(IReadOnlyDictionary<string, string?> loaded, IReadOnlyDictionary<string, string?> mine,
        IReadOnlyDictionary<string, string?> theirs, Func<string, string> label) =>
    [
        .. loaded.Keys.Union(mine.Keys).Union(theirs.Keys).Select(field =>
        {
            var b = Blank(loaded.GetValueOrDefault(field));
            var m = Blank(mine.GetValueOrDefault(field));
            var t = Blank(theirs.GetValueOrDefault(field));
            var outcome = (Same(m, b), Same(t, b)) switch
            {
                _ when Same(m, t) => MergeOutcome.Same,
                (false, true) => MergeOutcome.Mine,
                (true, false) => MergeOutcome.Theirs,
                _ => MergeOutcome.Choose,
            };
            return new FieldMergeRow(field, label(field), b, m, t, outcome);
        }),
    ];

    /// <summary>The merged values, or null while a field both changed has no choice yet.</summary>
    public static Dictionary<string, string?>? Merge(IReadOnlyList<FieldMergeRow> rows, IReadOnlyDictionary<string, MergeOutcome> choices)
    {
        var merged = new Dictionary<string, string?>();
        foreach (var row in rows)
        {
            var side = row.Outcome == MergeOutcome.Choose ? choices.GetValueOrDefault(row.Field, MergeOutcome.Choose) : row.Outcome;
            if (side == MergeOutcome.Choose)
            {
                return null;
            }
            merged[row.Field] = side == MergeOutcome.Mine ? row.Mine : row.Theirs;
        }
        return merged;
    }

    // An empty field and a missing one are the same to the CSV rules.
    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.Ordinal);
}
