using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Tests.Csv;
using PeaceTalks.Web.Tests.Infrastructure;
using PeaceTalks.Web.Verification;

namespace PeaceTalks.Web.Tests.Verification;

/// <summary>Import and the edit form say at once when a verbatim quote is not in its source's stored report; nothing is refused for it.</summary>
public sealed class VerbatimWarningTests : IAsyncLifetime
{
    private const string Report = "Pompeo warned on Wednesday: “We will not trade away Ukraine’s security — not now, not ever.”";
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        var source = await db.Sources.SingleAsync(s => s.Key == "pompeo-warns-2025-12-03");
        db.SourceTexts.Add(new SourceText { SourceId = source.Id, Text = Report });
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task APreviewWarnsOfAQuoteNotInTheStoredReportAndStillImportsTheFile()
    {
        var file = CsvTestFiles.File([
            CsvTestFiles.StatementRow(1, text: "We will not trade away Ukraine's security - not now, not ever."),
            CsvTestFiles.StatementRow(2, text: "We will trade away nothing at all."),
            CsvTestFiles.StatementRow(3, kind: "paraphrase", text: "Ukraine's security is not for sale, he said."),
        ]);
        var importer = _database.Get<CsvImporter>();

        var preview = await importer.PreviewAsync(CsvTestFiles.Utf8(file), "s.csv", cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(preview.HasErrors);
        var warning = Assert.Single(preview.Warnings);
        Assert.Equal((3, "text", "We will trade away nothing at all."), (warning.Row, warning.Field, warning.Value));
        Assert.Contains("did you mean a paraphrase?", warning.Reason);
        Assert.Equal(3, preview.Added);
    }

    [Theory]
    [InlineData("quote", "We will not trade away Ukraine's security", null)]
    [InlineData("quote", "We will trade away nothing", "The quote is not found in the stored report: did you mean a paraphrase?")]
    [InlineData("paraphrase", "We will trade away nothing", null)]
    public async Task TheFormsWarningFollowsTheKindTheWordsAndTheSource(string kind, string text, string? expected)
    {
        var review = _database.Get<ReviewQueries>();

        Assert.Equal(expected, await review.QuoteWarningAsync(kind, text, "pompeo-warns-2025-12-03", TestContext.Current.CancellationToken));
        // Without a stored report there is nothing to check against.
        Assert.Null(await review.QuoteWarningAsync(kind, text, "cnn-moscow-talks-report", TestContext.Current.CancellationToken));
    }
}
