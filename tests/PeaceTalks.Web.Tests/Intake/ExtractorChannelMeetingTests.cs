using PeaceTalks.Web.Intake;
using PeaceTalks.Web.Models;
using static PeaceTalks.Web.Tests.Intake.IntakeTestActors;

namespace PeaceTalks.Web.Tests.Intake;

/// <summary>The channel the words of the attribution name, and the link to a recorded meeting, in invented sentences.</summary>
public sealed class ExtractorChannelMeetingTests
{
    private static readonly DateOnly Published = Day("2025-11-24");

    [Theory]
    [InlineData("Peskov told reporters that the talks would continue.", Channel.PressBriefing)]
    [InlineData("Peskov told journalists that the talks would continue.", Channel.PressBriefing)]
    [InlineData("Peskov said at a press conference that the talks would continue.", Channel.PressBriefing)]
    [InlineData("Speaking at a briefing, Peskov said the talks would continue.", Channel.PressBriefing)]
    [InlineData("Peskov wrote on X that the talks would continue.", Channel.XPost)]
    [InlineData("Peskov posted on X that the talks would continue.", Channel.XPost)]
    [InlineData("On X, Peskov wrote that the talks would continue.", Channel.XPost)]
    [InlineData("Peskov wrote on Telegram that the talks would continue.", Channel.SocialMediaPost)]
    [InlineData("Peskov said on Truth Social that the talks would continue.", Channel.SocialMediaPost)]
    [InlineData("Peskov posted on Facebook that the talks would continue.", Channel.SocialMediaPost)]
    [InlineData("Peskov said in a video address that the talks would continue.", Channel.Speech)]
    [InlineData("Peskov said in his nightly address that the talks would continue.", Channel.Speech)]
    [InlineData("In a speech to students, Peskov said the talks would continue.", Channel.Speech)]
    [InlineData("Peskov said in an interview with a Swiss daily that the talks would continue.", Channel.Interview)]
    [InlineData("Peskov said in a statement that the talks would continue.", Channel.PressStatement)]
    [InlineData("A Kremlin statement said the talks would continue.", Channel.PressStatement)]
    [InlineData("According to a Kremlin readout, the talks would continue.", Channel.Readout)]
    [InlineData("Peskov said the talks would continue.", Channel.NotStated)]
    public void TheChannelComesFromTheWordsOfTheAttribution(string sentence, Channel channel)
    {
        var p = Extract(sentence, Published).Paraphrase("the talks would continue");

        Assert.Equal(channel, p.Channel.Channel);
        Assert.False(string.IsNullOrWhiteSpace(p.Channel.Reason));
    }

    [Fact]
    public void SaidThisInAVideoMessageGivesTheChannelOfWhatWasSaidJustBefore()
    {
        var found = Extract("Zelensky said that a delegation would travel to Washington. He said this in his evening video message.", Published);

        Assert.Equal(Channel.Speech, found.Paraphrase("a delegation would travel to Washington").Channel.Channel);
        Assert.DoesNotContain(found, c => c.Text.Contains("video message", StringComparison.Ordinal));
    }

    private static readonly KnownMeeting Geneva = new("geneva-round", "US–Ukraine round in Geneva", "Geneva, Switzerland", Day("2025-11-23"));

    private static IReadOnlyList<Candidate> WithMeetings(string text, params KnownMeeting[] meetings) =>
        new StatementExtractor(All, [], meetings).Extract(text, Published, ReadOn);

    [Fact]
    public void AStatementNearTheMeetingsPlaceAndWithinTwoDaysOfItIsLinkedToIt()
    {
        var p = WithMeetings("Rubio told reporters in Geneva on Sunday that progress had been made.", Geneva).Paraphrase("progress had been made");

        Assert.Equal("geneva-round", p.Meeting?.Slug);
        Assert.Contains("Geneva", p.Meeting!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AMeetingOnAnotherDayOrElsewhereIsNotLinked()
    {
        var earlier = Geneva with { Date = Day("2025-11-10") };

        Assert.Null(WithMeetings("Rubio told reporters in Geneva on Sunday that progress had been made.", earlier).Paraphrase("progress had been made").Meeting);
        Assert.Null(WithMeetings("Rubio told reporters in Miami on Sunday that progress had been made.", Geneva).Paraphrase("progress had been made").Meeting);
    }

    [Theory]
    [InlineData("Rubio said at the Geneva talks on Sunday that progress had been made.", true)]
    [InlineData("Rubio said after the session inside Geneva on Sunday that progress had been made.", true)]
    [InlineData("Rubio said on Sunday that a deal seen as a win for Geneva meant progress had been made.", false)]
    [InlineData("Rubio said on Sunday that Geneva diplomats thought progress had been made.", false)]
    public void ThePlaceMustBeNamedAsAPlaceNotAsAGovernmentOrAnAdjective(string sentence, bool linked)
    {
        var p = WithMeetings(sentence, Geneva).Paraphrase(sentence.Contains("a deal", StringComparison.Ordinal)
            ? "a deal seen as a win for Geneva meant progress had been made" : sentence.Contains("diplomats", StringComparison.Ordinal)
            ? "Geneva diplomats thought progress had been made" : "progress had been made");

        Assert.Equal(linked, p.Meeting is not null);
    }

    [Fact]
    public void WithoutMeetingsNothingIsLinkedAndTheTwoArgumentConstructorStillWorks()
    {
        var found = new StatementExtractor(All, []).Extract("Rubio told reporters in Geneva on Sunday that progress had been made.", Published, ReadOn);

        Assert.Null(Assert.Single(found).Meeting);
    }

    [Fact]
    public void AVideoAddressIsNotAtTheMeetingWhosePlaceIsNamedNearIt()
    {
        var text = "Rubio met the Ukrainian team in Geneva on Sunday.\n\nZelensky, in his nightly video address on Sunday, said the talks had been “useful.”";

        var found = WithMeetings(text, Geneva);

        Assert.Equal(Channel.Speech, found.Quote("useful.").Channel.Channel);
        Assert.Null(found.Quote("useful.").Meeting);
        Assert.Equal("geneva-round", WithMeetings("Rubio told reporters in Geneva on Sunday that progress had been made.", Geneva).Paraphrase("progress had been made").Meeting?.Slug);
    }
}
