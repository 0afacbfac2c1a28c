using PeaceTalks.Web.Intake;
using PeaceTalks.Web.Models;
using static PeaceTalks.Web.Tests.Intake.IntakeTestActors;

namespace PeaceTalks.Web.Tests.Intake;

/// <summary>Which day the extractor gives each statement, in invented reports: the attribution's own words first, then the occasion.</summary>
public sealed class ExtractorDateTests
{
    [Fact]
    public void ADayInTheAttributionDatesTheReportedClause()
    {
        var found = Extract("Kremlin officials said on Nov. 23 they were studying the proposal closely.", Day("2025-11-26"));

        var p = found.Paraphrase("they were studying the proposal closely");
        Assert.Equal(("kremlin", "2025-11-23"), (p.Speaker.Slug, p.Said()));
    }

    [Fact]
    public void ALeadingParticipialPhraseWithPlaceAndDayDatesTheQuote()
    {
        var found = Extract("Speaking to reporters in Geneva on November 27, Rubio commented: “We are closer than before.”", Day("2025-11-29"));

        var q = found.Quote("We are closer than before.");
        Assert.Equal(("marco-rubio", "2025-11-27", Channel.PressBriefing), (q.Speaker.Slug, q.Said(), q.Channel.Channel));
    }

    [Theory]
    [InlineData("2025-12-11", "2025-12-09")]
    [InlineData(null, "")]
    public void AWeekdayIsReadAgainstTheReportsOwnDateAndLeftEmptyWithoutOne(string? published, string expected)
    {
        var found = Extract("“We will not sign this version,” Zelensky said Tuesday.", published is null ? null : Day(published));

        Assert.Equal(expected, found.Quote("We will not sign this version,").Said());
    }

    [Fact]
    public void ADatelineDatesTheStatementsOfAWireReport()
    {
        var text = "VILNIUS, 5 December (Agency) – Talks should move to a new venue, Peskov told journalists.\n\n“Nothing is decided,” he said.";

        var found = Extract(text, Day("2025-12-06"));

        Assert.Equal("2025-12-05", found.Paraphrase("Talks should move to a new venue").Said());
        Assert.Equal("2025-12-05", found.Quote("Nothing is decided,").Said());
        Assert.Contains("dateline", found.Quote("Nothing is decided,").Date.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ADayNamedInTheLedeWinsOverTheDatelinesDay()
    {
        var text = "OSLO, March 4, 2026 – Ministers ended a two-day meeting in the city on Tuesday.\n\n“It was useful,” Rubio told reporters.";

        Assert.Equal("2026-03-03", Extract(text, Day("2026-03-04")).Quote("It was useful,").Said());
    }

    [Fact]
    public void ADayInsideTheLedesReportedWordsDoesNotReplaceTheDatelinesDay()
    {
        var text = "RIGA, December 2. /AGENCY/. The envoy is still in Miami after talks ended on Sunday, Peskov told reporters.\n\n“We are waiting,” he said.";

        var found = Extract(text, Day("2025-12-02"));

        Assert.Equal("2025-12-02", found.Paraphrase("The envoy is still in Miami after talks ended on Sunday").Said());
        Assert.Equal("2025-12-02", found.Quote("We are waiting,").Said());
    }

    [Fact]
    public void LastWeekIsNoDayAndDoesNotDateTheSpeakersOtherWords()
    {
        var text = "Peskov confirmed on Monday that a new round would take place.\n\nLast week, Peskov said the talks had stalled.\n\n“We are patient people,” he said.";

        var found = Extract(text, Day("2025-12-03"));

        Assert.Equal("2025-12-01", found.Paraphrase("a new round would take place").Said());
        var lastWeek = found.Paraphrase("the talks had stalled");
        Assert.Equal("", lastWeek.Said());
        Assert.Contains("Last week", lastWeek.Date.Reason, StringComparison.Ordinal);
        Assert.Equal("2025-12-01", found.Quote("We are patient people,").Said());
    }

    [Fact]
    public void YesterdayAndTodayInsideAQuotationDateNothing()
    {
        var q = Extract("“Yesterday we agreed on nothing, and today is no better,” Peskov said.", Day("2025-12-03")).Quote("Yesterday we agreed on nothing, and today is no better,");

        Assert.Equal((DateBasis.OnOrBefore, Day("2025-12-03")), (q.Date.Basis, q.Date.Date!.Value));
    }

    [Fact]
    public void ThatSameDayTakesTheDayNamedJustBefore()
    {
        var text = "The ministers met in Oslo on January 12 for the first time.\n\nThat same day, Rubio said the meeting had gone well.";

        // An undated report: the year of "January 12" comes from the day it is read, never the weekday logic.
        Assert.Equal("2026-01-12", Extract(text, null).Paraphrase("the meeting had gone well").Said());
    }

    [Fact]
    public void AMeetingThatEndedOnAWeekdayDatesWhatWasSaidAfterIt()
    {
        var found = Extract("The talks ended on Wednesday, and afterwards Medinsky said the sides would meet again soon.", Day("2025-12-04"));

        Assert.Equal("2025-12-03", found.Paraphrase("the sides would meet again soon").Said());
    }

    [Fact]
    public void TheSameSpeakersDatedOccasionDatesHisLaterWordsAndAHeadlineTakesTheLedesDay()
    {
        var text = "Zelensky says allies must move faster\n\nZelensky said on Dec. 9 that partners were working on three documents.\n\n“We need decisions, not statements,” he added.";

        var found = Extract(text, null);

        Assert.Equal("2025-12-09", found.Paraphrase("partners were working on three documents").Said());
        Assert.Equal("2025-12-09", found.Quote("We need decisions, not statements,").Said());
        Assert.Equal("2025-12-09", found.Paraphrase("allies must move faster").Said());
    }

    [Fact]
    public void ADayThatQualifiesANounDatesThatThingNotTheWords()
    {
        var q = Extract("Zelensky recalled the December 6 talks, thanking the envoys for their “patience.”", Day("2025-12-08")).Quote("patience.");

        Assert.Equal("", q.Said());
    }

    [Fact]
    public void AnEventInsideTheReportedClauseIsNotTheDayOfSpeaking()
    {
        var p = Extract("On November 20, delegations agreed on most points in Geneva, a White House official said.", Day("2025-11-24"))
            .Paraphrase("On November 20, delegations agreed on most points in Geneva");

        Assert.Equal(("white-house", ""), (p.Speaker.Slug, p.Said()));
    }

    [Fact]
    public void ASentenceAfterAQuotationThatEndsTheSentenceBeforeItHasItsOwnDay()
    {
        var found = Extract("Rubio told reporters that Washington wanted “a lasting settlement.” He said on Friday that the sides were “close on the economic part.”",
            Day("2025-12-06"));

        Assert.Equal("2025-12-05", found.Quote("close on the economic part.").Said());
        Assert.Equal("2025-12-05", found.Paraphrase("the sides were “close on the economic part.”").Said());
        Assert.DoesNotContain(found, c => c.Kind == TextKind.Paraphrase && c.Text.Contains("He said", StringComparison.Ordinal));
    }

    [Fact]
    public void AVerbThatUsuallyTagsAQuotationReportsAClauseWithThatAndItsDay()
    {
        var q = Extract("Lavrov repeated on Nov. 28 that Moscow's stance on the border “has not changed.”", Day("2025-12-03")).Quote("has not changed.");

        Assert.Equal(("sergey-lavrov", "2025-11-28"), (q.Speaker.Slug, q.Said()));
    }

    [Fact]
    public void WithoutAPublicationDateADaysYearIsTheLatestNotAfterTodayAndWeekdaysCountFromTheDateline()
    {
        var text = "MINSK, Dec. 9 (Reuters) - Talks resumed.\n\nOn Tuesday, Lavrov told reporters that the text was “nearly ready.” He said on Dec. 4 that Minsk was “a good venue.”";

        var found = new StatementExtractor(All, []).Extract(text, null, Day("2026-12-02"));

        Assert.Equal("2025-12-09", found.Quote("nearly ready.").Said());
        Assert.Equal("2025-12-04", found.Quote("a good venue.").Said());
    }

    [Fact]
    public void ADayAfterTheReportIsNeverProposed()
    {
        var found = Extract("Lavrov said on December 10, 2025 that the talks were “over.”", Day("2025-12-03"));

        var q = found.Quote("over.");
        Assert.Equal((DateBasis.OnOrBefore, Day("2025-12-03")), (q.Date.Basis, q.Date.Date));
        Assert.Contains("after the report", q.Date.Reason, StringComparison.Ordinal);
        Assert.All(new StatementExtractor(All, []).Extract("Lavrov said on December 10, 2026 that the talks were “over.”", null, Day("2026-12-02")),
            c => Assert.NotEqual(DateBasis.On, c.Date.Basis));
    }
}
