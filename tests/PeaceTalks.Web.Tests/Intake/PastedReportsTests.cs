using PeaceTalks.Web.Intake;

namespace PeaceTalks.Web.Tests.Intake;

public sealed class PastedReportsTests
{
    [Fact]
    public void ReportsBetweenLinesOfDashesAreSplitAndAShortFirstLineIsTheirHeadline()
    {
        var reports = PastedReports.Split("Ushakov on the talks\r\n“Constructive,” he said.\r\n  ---  \r\n“Not found,” Ushakov said.\n-----\n\n---\nLast one\nText.");

        Assert.Equal(3, reports.Count);
        Assert.Equal(("Ushakov on the talks", "“Constructive,” he said."), (reports[0].Title, reports[0].Text));
        Assert.Equal((null, "“Not found,” Ushakov said."), (reports[1].Title, reports[1].Text));
        Assert.Equal(("Last one", "Text."), (reports[2].Title, reports[2].Text));
    }

    [Theory]
    [InlineData("One report — with a dash — and a line\n— of dialogue.", false)]
    [InlineData("A report\nwith --- inside a line\nand no separator.", false)]
    [InlineData("A\n---\nB", true)]
    [InlineData("A\n---\n   \n---\n", false)]
    public void OnlyALineOfDashesSeparatesReports(string text, bool several) =>
        Assert.Equal(several, PastedReports.AreSeveral(text));

    [Theory]
    [InlineData("Talks end without a deal\n\nMINSK, Dec. 9 - The talks ended.", "Talks end without a deal")]
    [InlineData("The talks ended on Tuesday.\n\nNothing was signed.", null)]
    [InlineData("Only one line", null)]
    public void ASingleReportsShortFirstLineIsItsHeadline(string text, string? headline) =>
        Assert.Equal(headline, PastedReports.Headline(text));
}
