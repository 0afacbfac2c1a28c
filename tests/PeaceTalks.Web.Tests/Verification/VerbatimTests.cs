using PeaceTalks.Web.Verification;

namespace PeaceTalks.Web.Tests.Verification;

/// <summary>The verbatim check folds white space, quotation marks and dashes only, and maps the match back to the report's own characters.</summary>
public sealed class VerbatimTests
{
    [Theory]
    [InlineData("He said: “We are ready to talk — now.”", "We are ready to talk - now.")]
    [InlineData("He said: \"We’re  ready\nto talk.\"", "We're ready to talk.")]
    [InlineData("«Мы готовы – к переговорам»", "Мы готовы — к переговорам")]
    [InlineData("a\u00A0deal", "a deal")]
    public void TypesettingDifferencesAreFolded(string report, string quote) => Assert.True(Verbatim.Contains(report, quote));

    [Theory]
    [InlineData("We are ready to talk.", "we are ready to talk.")]
    [InlineData("We are ready to talk.", "We are ready to talk now.")]
    [InlineData("We are ready, to talk.", "We are ready to talk.")]
    [InlineData("We are ready to talk.", "   ")]
    public void WordsCasePunctuationAndEmptinessAreNotFolded(string report, string quote) => Assert.False(Verbatim.Contains(report, quote));

    [Fact]
    public void TheMatchIsTheReportsOwnCharactersAndTheHighlightIsMadeOfTextSegments()
    {
        const string report = "Ushakov said talks were “constructive,\n  very   useful” and would go on.";

        var found = Verbatim.Find(report, "constructive, very useful");
        var segments = Verbatim.Highlight(report, "constructive, very useful")!;

        Assert.NotNull(found);
        Assert.Equal("constructive,\n  very   useful", report.Substring(found.Value.Start, found.Value.Length));
        Assert.Equal([new TextSegment("Ushakov said talks were “", false), new TextSegment("constructive,\n  very   useful", true),
            new TextSegment("” and would go on.", false)], segments);
        Assert.Equal(report, string.Concat(segments.Select(s => s.Text)));
    }

    [Fact]
    public void AHighlightWithContextCutsAtSpacesAndMarksWhatIsLeftOut()
    {
        var report = string.Join(' ', Enumerable.Repeat("filler", 50)) + " the quote itself " + string.Join(' ', Enumerable.Repeat("more", 50));

        var segments = Verbatim.Highlight(report, "the quote itself", 20)!;

        Assert.StartsWith("… ", segments[0].Text);
        Assert.EndsWith(" …", segments[2].Text);
        Assert.Equal("the quote itself", segments[1].Text);
        Assert.True(segments[0].Text.Length <= 23 && segments[2].Text.Length <= 23);
        Assert.DoesNotContain("fill ", segments[0].Text + " ");
    }

    [Fact]
    public void NoStoredTextIsNotANotFound()
    {
        Assert.Equal(VerbatimResult.NoSourceText, Verbatim.Check(null, "anything"));
        Assert.Equal(VerbatimResult.NotFound, Verbatim.Check("something else", "anything"));
        Assert.Equal(VerbatimResult.Found, Verbatim.Check("say anything", "anything"));
        Assert.Null(Verbatim.Highlight("something else", "anything"));
    }
}
