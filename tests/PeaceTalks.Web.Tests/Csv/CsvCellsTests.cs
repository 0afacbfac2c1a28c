using PeaceTalks.Web.Csv;

namespace PeaceTalks.Web.Tests.Csv;

public sealed class CsvCellsTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+SUM(A1)", "'+SUM(A1)")]
    [InlineData("-2", "'-2")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("\rReturn", "'\rReturn")]
    [InlineData("'=already quoted", "''=already quoted")]
    [InlineData("plain text", "plain text")]
    [InlineData("it's fine", "it's fine")]
    [InlineData("'", "'")]
    [InlineData("", "")]
    [InlineData("a=b", "a=b")]
    public void FormulaStartersAreNeutralisedAndRestoredExactly(string value, string written)
    {
        Assert.Equal(written, CsvCells.Neutralise(value));
        Assert.Equal(value, CsvCells.Restore(CsvCells.Neutralise(value)));
    }
}
