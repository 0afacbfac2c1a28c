using PeaceTalks.Web.Models;
using PeaceTalks.Web.Services;

namespace PeaceTalks.Web.Tests.Services;

public sealed class CitationTests
{
    private static StatementItem Said(string text, TextKind kind) => new(1, "k", new ActorRef("zelensky", "Volodymyr Zelensky"), null, "Ukraine",
        text, kind, new DateOnly(2025, 12, 6), DatePrecision.Day, DateBasis.On, Channel.PressBriefing, Attribution.Reported,
        new SourceRef("src", "Talks go on", "Reuters", "https://example.org/a", new DateOnly(2025, 12, 6), DatePrecision.Day), null, null, null, null);

    [Theory]
    [InlineData("Ukraine will not trade its land for promises.", "“Ukraine will not trade its land for promises.” Press briefing.")]
    [InlineData("We are not going to impose anything on anybody,", "“We are not going to impose anything on anybody,” Press briefing.")]
    [InlineData("Is this a plan?", "“Is this a plan?” Press briefing.")]
    [InlineData("constructive", "“constructive”. Press briefing.")]
    public void AQuoteEndingInItsOwnStopIsNotGivenASecondOne(string words, string expected)
    {
        var citation = Citation.For(Said(words, TextKind.Quote), "https://peacetalks.example/statements/k", new DateOnly(2026, 1, 2));

        Assert.Contains(expected, citation, StringComparison.Ordinal);
        Assert.DoesNotContain("”.", citation.Replace("“constructive”.", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.EndsWith("(retrieved 2026-01-02).", citation, StringComparison.Ordinal);
    }

    [Fact]
    public void AParaphraseEndsInOneStop()
    {
        var citation = Citation.For(Said("He said the talks went well.", TextKind.Paraphrase), "https://peacetalks.example/statements/k", new DateOnly(2026, 1, 2));

        Assert.True(citation.StartsWith("Volodymyr Zelensky. He said the talks went well (paraphrase). Press briefing. Saturday 6 December 2025.", StringComparison.Ordinal), citation);
    }
}
