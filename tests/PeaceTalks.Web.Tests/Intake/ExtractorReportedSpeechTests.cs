using System.Globalization;
using PeaceTalks.Web.Intake;
using PeaceTalks.Web.Models;
using static PeaceTalks.Web.Tests.Intake.IntakeTestActors;

namespace PeaceTalks.Web.Tests.Intake;

/// <summary>Reported speech in invented sentences: the clause of a reporting verb, and what is not speech at all.</summary>
public sealed class ExtractorReportedSpeechTests
{
    private static readonly DateOnly Published = Day("2025-12-03");

    [Theory]
    [InlineData("Lavrov said that the proposal was a good basis.", "the proposal was a good basis")]
    [InlineData("Lavrov told reporters the proposal was a good basis.", "the proposal was a good basis")]
    [InlineData("The proposal was a good basis, Lavrov said on Tuesday.", "The proposal was a good basis")]
    [InlineData("The proposal was a good basis, said Lavrov.", "The proposal was a good basis")]
    [InlineData("According to Lavrov, the proposal was a good basis.", "the proposal was a good basis")]
    [InlineData("The proposal was a good basis, according to Lavrov.", "The proposal was a good basis")]
    [InlineData("Lavrov described the proposal as a good basis.", "the proposal as a good basis")]
    [InlineData("Lavrov cautioned, however, that the proposal was only a basis.", "the proposal was only a basis")]
    public void TheReportedClauseIsTheParaphraseExactlyAsPrinted(string sentence, string clause)
    {
        var p = Extract(sentence, Published).Paraphrase(clause);

        Assert.Equal("sergey-lavrov", p.Speaker.Slug);
        Assert.Equal(sentence.IndexOf(clause, StringComparison.Ordinal), p.Start);
    }

    [Theory]
    [InlineData("Kyiv was ready to talk, the Estonian lawmaker Kalle Rebane (a member of the defence committee) reported.", "Kyiv was ready to talk")]
    [InlineData("The Daily Herald newspaper reported, citing two diplomats, that a new round was planned.", "a new round was planned")]
    [InlineData("A new round was planned for January, according to two sources familiar with the talks.", "A new round was planned for January")]
    [InlineData("Lavrov said the text was final but stressed it could still change, the Northwind agency reports.", "it could still change")]
    public void BracketsAsidesAndCreditsAroundTheAttributionAreNotPartOfTheClause(string sentence, string clause) =>
        Assert.Contains(Extract(sentence, Published), c => c.Kind == TextKind.Paraphrase && c.Text == clause);

    [Fact]
    public void ASentenceEndingInAQuotationIsCutBeforeTheNextSentencesOwnClause()
    {
        var found = Extract("Lavrov said the plan needed “real changes.” He added that Moscow would wait.", Published);

        Assert.Equal(["the plan needed “real changes.”", "Moscow would wait"], found.Where(c => c.Kind == TextKind.Paraphrase).Select(c => c.Text));
    }

    [Fact]
    public void AKnownNameAfterSaidThatOpensAClauseIsNotAnInvertedSubject()
    {
        var p = Extract("The Kremlin, however, said Lindqvist had not been invited.", Published).Paraphrase("Lindqvist had not been invited");

        Assert.Equal("kremlin", p.Speaker.Slug);
    }

    [Fact]
    public void WhatSomeoneKeepsSayingIsNotAStatement() =>
        Assert.Empty(Extract("Lavrov has repeatedly insisted that the West is to blame.", Published));

    [Fact]
    public void AnAideNamedInTheNextSentenceIsTheSpeakerOfTheLede()
    {
        var text = "A senior aide to the Russian president said the envoys had made progress. Dmitry Peskov later gave more details.";

        Assert.Equal("dmitry-peskov", Extract(text, Published).Paraphrase("the envoys had made progress").Speaker.Slug);
    }

    [Fact]
    public void AParticipleAndASecondVerbEachStartAClauseOfTheirOwn()
    {
        var found = Extract("Lavrov said the text was outdated, adding that Moscow had sent its own ideas, and noted that a reply was expected.", Published);

        Assert.Equal(["the text was outdated", "Moscow had sent its own ideas", "a reply was expected"],
            found.Where(c => c.Kind == TextKind.Paraphrase).Select(c => c.Text));
    }

    [Fact]
    public void TheClauseStopsWhereTheReportResumesInItsOwnVoice()
    {
        var found = Extract("Peskov said the meeting was “useful”, a clear sign that Moscow wants to keep talking.", Published);

        Assert.Equal("the meeting was “useful”", Assert.Single(found, c => c.Kind == TextKind.Paraphrase).Text);
    }

    [Theory]
    [InlineData("Zelensky said this in his nightly video address.")]
    [InlineData("Peskov spoke to reporters after the session at the palace.")]
    [InlineData("Peskov declined to comment.")]
    [InlineData("He accused the allies of lacking resolve.")]
    [InlineData("Overnight, drones hit the port, which Zelensky called a provocation.")]
    [InlineData("Lavrov thanked his hosts for their hospitality.")]
    [InlineData("Zelensky announces report from the delegation after its return")]
    public void PhrasesThatAreNotSpeechGiveNoCandidate(string sentence) => Assert.Empty(Extract(sentence, Published));

    [Fact]
    public void AnAttributionAfterAQuotationIsNotAParaphrase()
    {
        var found = Extract("“We are ready,” Lavrov said at a news conference in Moscow. “They are not.”", Published);

        Assert.All(found, c => Assert.Equal(TextKind.Quote, c.Kind));
        Assert.Equal(["We are ready,", "They are not."], found.Select(c => c.Text));
    }

    [Fact]
    public void AHeadlineWithSaysIsReportedSpeechButAColonHeadlineIsNot()
    {
        Assert.Equal("sergey-lavrov", Extract("Talks must resume soon, Lavrov says", Published).Paraphrase("Talks must resume soon").Speaker.Slug);
        Assert.Empty(Extract("Lavrov: talks must resume soon", Published));
    }

    [Fact]
    public void ScareQuotesAndTheOutletsOwnTermsAreNotQuotes()
    {
        var text = "The so-called “peace formula” was discussed.\n\nThe idea of a “winter pause” first appeared in blogs.\n\nLavrov said a “winter pause” was possible.";

        var found = Extract(text, Published);

        Assert.DoesNotContain(found, c => c.Kind == TextKind.Quote);
        Assert.Single(found, c => c.Kind == TextKind.Paraphrase);
    }

    [Fact]
    public void AQuotationOverSeveralParagraphsIsOneCandidatePerParagraphWithTheSpeakerNamedAtItsEnd()
    {
        var text = "\"The first part of the statement.\n\nThe second part goes on.\n\nAnd the last part ends here,\" the White House said.";

        var found = Extract(text, Published);

        Assert.Equal(["The first part of the statement.", "The second part goes on.", "And the last part ends here,"], found.Select(c => c.Text));
        Assert.All(found, c => Assert.Equal("white-house", c.Speaker.Slug));
    }

    [Fact]
    public void ATranscriptTurnIsQuotedParagraphByParagraph()
    {
        var text = "Comment by the spokesman\n\nDmitry Peskov: The conversation was long and useful.\n\nWe will continue it next week.";

        var found = Extract(text, Published);

        Assert.Equal(["The conversation was long and useful.", "We will continue it next week."], found.Select(c => c.Text));
        Assert.All(found, c => Assert.Equal(("dmitry-peskov", TextKind.Quote), (c.Speaker.Slug, c.Kind)));
    }

    [Fact]
    public void IssuesAreSuggestedByWholeDistinctiveWordsNotByPeaceOrPrefixes()
    {
        var issues = new KnownIssue[]
        {
            new("sanctions-on-russia", "Sanctions on Russia", "Whether sanctions stay."),
            new("security-guarantees", "Security guarantees for Ukraine", "Protection against renewed attack."),
            new("us-brokered-talks", "The US-brokered peace process", null),
        };
        var extractor = new StatementExtractor(All, issues);

        string[] Issues(string sentence) => [.. Assert.Single(extractor.Extract(sentence, Published, ReadOn)).Issues];

        Assert.Empty(Issues("Lavrov said peace was possible this winter."));
        Assert.Empty(Issues("Lavrov said the sanctuary near the border was safe."));
        Assert.Equal(["sanctions-on-russia"], Issues("Lavrov said new sanctions would change nothing."));
        Assert.Equal(["security-guarantees"], Issues("Lavrov said the guarantees offered to Kyiv were unacceptable."));
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    [InlineData("de-DE")]
    public void TheResultDoesNotDependOnTheCulture(string culture)
    {
        const string Text = "ISTANBUL, Dec 4 (Newswire) - INTERVIEW talks will resume, Lavrov said in an Interview on Thursday.\n\n“It is IMPORTANT,” he said.";
        var expected = Extract(Text, Published).Select(c => (c.Text, c.Speaker.Slug, c.Said(), c.Channel.Channel)).ToList();
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(expected, Extract(Text, Published).Select(c => (c.Text, c.Speaker.Slug, c.Said(), c.Channel.Channel)));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
