using PeaceTalks.Web.Intake;
using PeaceTalks.Web.Models;
using static PeaceTalks.Web.Tests.Intake.IntakeTestActors;

namespace PeaceTalks.Web.Tests.Intake;

/// <summary>Who the extractor gives the words to, in invented sentences: the subject of the reporting verb, by any of its names.</summary>
public sealed class ExtractorSpeakerTests
{
    private static readonly DateOnly Published = Day("2025-12-03");

    [Fact]
    public void APartialQuoteBelongsToTheSubjectOfTheReportingVerbNotTheLastNameBeforeIt()
    {
        var found = Extract("Lavrov said Rubio's plan would “work” only with major changes.", Published);

        Assert.Equal("sergey-lavrov", found.Quote("work").Speaker.Slug);
        Assert.Equal("sergey-lavrov", found.Paraphrase("Rubio's plan would “work” only with major changes").Speaker.Slug);
    }

    [Fact]
    public void AnAppositiveBetweenSubjectAndVerbDoesNotChangeTheSpeaker()
    {
        var q = Extract("Rubio, asked about Lavrov's remarks on Tuesday, said the idea was “a non-starter”.", Published).Quote("a non-starter");

        Assert.Equal("marco-rubio", q.Speaker.Slug);
    }

    [Fact]
    public void ATitleBeforeAKnownNameIsThatActorNeverANewOne()
    {
        var p = Extract("Swedish Foreign Minister Maria Lindqvist said the talks in Stockholm had been useful.", Published)
            .Paraphrase("the talks in Stockholm had been useful");

        Assert.Equal("maria-lindqvist", p.Speaker.Slug);
        Assert.False(p.Speaker.IsNew);
    }

    [Fact]
    public void TheSurnameAloneIsTheActorTheReportAlreadyNamed()
    {
        var text = "Maria Lindqvist arrived in Kyiv on Monday.\n\nLater, Lindqvist told reporters: “We remain hopeful.”";

        Assert.Equal("maria-lindqvist", Extract(text, Published).Quote("We remain hopeful.").Speaker.Slug);
    }

    [Theory]
    [InlineData("Zelenskyy")]
    [InlineData("Zelenskiy")]
    [InlineData("Зеленський")]
    public void OtherSpellingsOfAKnownNameAreThatActor(string spelling)
    {
        var q = Extract($"“We are ready to talk,” {spelling} said.", Published).Quote("We are ready to talk,");

        Assert.Equal("volodymyr-zelensky", q.Speaker.Slug);
    }

    [Fact]
    public void AnAlternativeNameFromTheActorsListIsMatched()
    {
        var withAlias = Lavrov with { Names = ["Sergei Lavrov"] };

        var q = Extract("“Europe is not at the table,” Sergei Lavrov said.", Published, withAlias).Quote("Europe is not at the table,");

        Assert.Equal("sergey-lavrov", q.Speaker.Slug);
    }

    [Theory]
    [InlineData("Belarusian President Ivan Petrov met the envoy in Minsk.", "the Belarusian leader", "ivan-petrov")]
    [InlineData("Vladimir Medinsky led the talks for Moscow.", "the head of the Russian delegation", "vladimir-medinsky")]
    [InlineData("Dmitry Peskov spoke after the meeting.", "the Kremlin spokesman", "dmitry-peskov")]
    [InlineData("Sergey Lavrov arrived late.", "the Russian foreign minister", "sergey-lavrov")]
    public void ARolePhraseIsTheActorTheReportNamedEarlierWithThatRole(string introduction, string role, string slug)
    {
        var q = Extract($"{introduction}\n\n“The door remains open,” {role} said.", Published).Quote("The door remains open,");

        Assert.Equal(slug, q.Speaker.Slug);
        Assert.Contains(role, q.Speaker.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRolePhraseGoesToTheLatestActorNamedWithThatRole()
    {
        var text = "President Ivan Petrov called President Tomas Novak on Friday.\n\n“We agreed to meet soon,” the president said.";

        Assert.Equal("tomas-novak", Extract(text, Published).Quote("We agreed to meet soon,").Speaker.Slug);
    }

    [Fact]
    public void HeIsThePersonWhoSpokeOrWasTheSubjectLast()
    {
        var text = "Peskov said the Kremlin had received the text.\n\nRegarding a meeting between Rubio and Lavrov, Peskov repeated the invitation.\n\n“Our doors are open,” he said.";

        Assert.Equal("dmitry-peskov", Extract(text, Published).Quote("Our doors are open,").Speaker.Slug);
    }

    [Fact]
    public void TheSpeakerOfARelativeClauseIsItsAntecedent()
    {
        var p = Extract("Rubio later met Lavrov, who said Moscow was open to a new round.", Published).Paraphrase("Moscow was open to a new round");

        Assert.Equal("sergey-lavrov", p.Speaker.Slug);
    }

    [Fact]
    public void AQuestionBeforeItsAttributionIsTheAskersAndTheNextQuoteGoesOnWithThem()
    {
        var found = Extract("Rubio spoke first.\n\n\"Why would we accept this?\" Lavrov asked. \"Nobody has explained it.\"", Published);

        Assert.Equal("sergey-lavrov", found.Quote("Why would we accept this?").Speaker.Slug);
        Assert.Equal("sergey-lavrov", found.Quote("Nobody has explained it.").Speaker.Slug);
    }

    [Fact]
    public void AnAnonymousOfficialOfAKnownBodyIsTheBody()
    {
        var p = Extract("Progress was made on two of the points, a White House official said.", Published)
            .Paraphrase("Progress was made on two of the points");

        Assert.Equal("white-house", p.Speaker.Slug);
    }

    [Fact]
    public void AClauseSaidByTwoPeopleIsOneCandidatePerPerson()
    {
        var found = Extract("Rubio and Lindqvist said the next round would be held in Stockholm.", Published);

        Assert.Equal(["marco-rubio", "maria-lindqvist"],
            found.Where(c => c.Kind == TextKind.Paraphrase).Select(c => c.Speaker.Slug).Order());
    }

    [Fact]
    public void TheTermTheClauseSaysSomeoneUsesIsTheirs()
    {
        var found = Extract("The Kremlin refers to the area as a “security zone”, Zelensky added.", Published);

        Assert.Equal("kremlin", found.Quote("security zone").Speaker.Slug);
        Assert.Equal("volodymyr-zelensky", found.Paraphrase("The Kremlin refers to the area as a “security zone”").Speaker.Slug);
    }

    [Fact]
    public void AnUnknownPersonIsProposedWithTheirRoleAndKnownBySurnameLater()
    {
        var text = "Estonian Prime Minister Kalle Rebane said the plan needed European input.\n\n“We will not be bystanders,” Rebane told reporters.";

        var found = Extract(text, Published);

        var p = found.Paraphrase("the plan needed European input");
        Assert.True(p.Speaker.IsNew);
        Assert.Equal(("Kalle Rebane", "Estonian Prime Minister"), (p.Speaker.Name, p.Speaker.Role));
        Assert.Equal("Kalle Rebane", found.Quote("We will not be bystanders,").Speaker.Name);
    }

    [Fact]
    public void ANestedQuoteIsGivenToWhomTheSpeakerPutsItIn()
    {
        var text = "“Lavrov told me that he said, ‘We will never sign,’ and I believe him,” Rubio said.";

        var found = Extract(text, Published);

        Assert.Equal("marco-rubio", found.Quote("Lavrov told me that he said, ‘We will never sign,’ and I believe him,").Speaker.Slug);
        var inner = found.Quote("We will never sign,");
        Assert.Equal(("sergey-lavrov", ""), (inner.Speaker.Slug, inner.Said()));
    }

    [Fact]
    public void ARelativeClauseBetweenTheNameAndItsVerbIsSkipped()
    {
        var found = Extract("Swedish envoy Maria Lindqvist, who flew to Minsk on Monday with Ivan Petrov, told reporters that Stockholm wanted “a fair settlement.”", Published);

        Assert.Equal("maria-lindqvist", found.Quote("a fair settlement.").Speaker.Slug);
        Assert.Equal("maria-lindqvist", found.Paraphrase("Stockholm wanted “a fair settlement.”").Speaker.Slug);
    }

    [Fact]
    public void AnAppositiveRoleNamingAnotherPersonIsNotTheSpeaker()
    {
        var q = Extract("Tomas Novak, a long-time ally of Ivan Petrov, said the proposal was “worth studying.”", Published).Quote("worth studying.");

        Assert.Equal("tomas-novak", q.Speaker.Slug);
    }

    [Fact]
    public void ASurnameTheReportNamedInFullEarlierIsThatPersonProposedAsANewActor()
    {
        var text = "In Vienna, Finnish negotiator Eero Lahti struck a cautious note. On Monday, Lahti told reporters that the sides had exchanged “useful signals” "
            + "but that it was “too soon to celebrate.”\n\nLahti, asked about Novak's comments, said Helsinki “keeps every door open.”";

        var found = Extract(text, Published);

        Assert.All(new[] { found.Quote("useful signals"), found.Quote("too soon to celebrate."), found.Quote("keeps every door open.") },
            q => Assert.Equal(("Eero Lahti", true), (q.Speaker.Name, q.Speaker.IsNew)));
    }

    [Fact]
    public void WordsWithNoAttributionAreNotCarriedBackOverAnotherPersonNamedSince()
    {
        var text = "“We will not move an inch,” Lavrov said.\n\nIn Minsk, the Belarusian negotiator Oleg Sidorenko struck a softer tone. “Dialogue is the only way forward.”";

        var found = Extract(text, Published);

        var q = found.Quote("Dialogue is the only way forward.");
        Assert.NotEqual("sergey-lavrov", q.Speaker.Slug);
        Assert.True(q.Speaker.IsNew);
        Assert.Contains("Oleg Sidorenko", q.Speaker.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void WordsWithNoAttributionStillGoToTheSpeakerOfTheSameParagraphWhenNobodyElseIsNamed()
    {
        var found = Extract("“We will not move an inch,” Lavrov said. “Not now, not later.”", Published);

        Assert.Equal("sergey-lavrov", found.Quote("Not now, not later.").Speaker.Slug);
    }
}
