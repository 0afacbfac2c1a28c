using PeaceTalks.Web.Components.Editing;

namespace PeaceTalks.Web.Tests.Editing;

/// <summary>A conflict merges field by field against the values as the form loaded them.</summary>
public sealed class FieldMergeTests
{
    private static readonly Dictionary<string, string?> Loaded = new() { ["name"] = "Yuri Ushakov", ["role"] = "Kremlin aide", ["side"] = "Russia", ["alt"] = null };

    [Fact]
    public void OnlyMineAreSavedOnlyTheirsAreKeptAndBothChangedWaitForAChoice()
    {
        var mine = new Dictionary<string, string?>(Loaded) { ["name"] = "Yuri V. Ushakov", ["alt"] = "Yury Ushakov" };
        var theirs = new Dictionary<string, string?>(Loaded) { ["role"] = "Aide to the President", ["alt"] = "Юрий Ушаков" };

        var rows = FieldMerge.Rows(Loaded, mine, theirs, f => f);

        Assert.Equal(
            [("name", MergeOutcome.Mine), ("role", MergeOutcome.Theirs), ("side", MergeOutcome.Same), ("alt", MergeOutcome.Choose)],
            rows.Select(r => (r.Field, r.Outcome)));
        Assert.Null(FieldMerge.Merge(rows, new Dictionary<string, MergeOutcome>()));
        var merged = FieldMerge.Merge(rows, new Dictionary<string, MergeOutcome> { ["alt"] = MergeOutcome.Theirs })!;
        Assert.Equal("Yuri V. Ushakov", merged["name"]);
        Assert.Equal("Aide to the President", merged["role"]);
        Assert.Equal("Russia", merged["side"]);
        Assert.Equal("Юрий Ушаков", merged["alt"]);
        Assert.Equal("Yury Ushakov", FieldMerge.Merge(rows, new Dictionary<string, MergeOutcome> { ["alt"] = MergeOutcome.Mine })!["alt"]);
    }

    [Fact]
    public void TheSameChangeOnBothSidesIsNoConflictAndAnEmptyFieldEqualsAMissingOne()
    {
        var mine = new Dictionary<string, string?>(Loaded) { ["role"] = "Aide", ["alt"] = "  " };
        var theirs = new Dictionary<string, string?>(Loaded) { ["role"] = "Aide" };
        theirs.Remove("alt");

        var rows = FieldMerge.Rows(Loaded, mine, theirs, f => f);

        Assert.All(rows, r => Assert.Equal(MergeOutcome.Same, r.Outcome));
        Assert.Equal("Aide", FieldMerge.Merge(rows, new Dictionary<string, MergeOutcome>())!["role"]);
    }
}
