using PeaceTalks.Evaluation;
using PeaceTalks.Web.Intake;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Tests.Infrastructure;

namespace PeaceTalks.Web.Tests.Intake;

/// <summary>The article-intake extractor on small made-up reports, and its scores on the labelled development set.</summary>
public sealed class StatementExtractorTests
{
    private static readonly KnownActor Peskov = new("dmitry-peskov", "Dmitry Peskov", "Kremlin spokesman", ["Peskov", "the Kremlin spokesman"]);
    private static readonly KnownActor Zelensky = new("volodymyr-zelensky", "Volodymyr Zelensky", "President of Ukraine",
        ["Zelenskyy", "Zelensky", "the Ukrainian president"]);
    private static readonly KnownIssue Territory = new("territorial-concessions", "Territorial concessions", "Who controls occupied regions.");

    private static readonly DateOnly Published = new(2025, 12, 3); // a Wednesday
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static IReadOnlyList<Candidate> Extract(string text, DateOnly? published = null) =>
        new StatementExtractor([Peskov, Zelensky], [Territory]).Extract(text, published ?? Published, Today);

    [Theory]
    [InlineData("“We are ready,” Peskov said.")]
    [InlineData("\"We are ready,\" Peskov said.")]
    [InlineData("«We are ready,» Peskov said.")]
    [InlineData("„We are ready,“ Peskov said.")]
    [InlineData("‘We are ready,’ Peskov said.")]
    public void EveryCommonQuotationStyleGivesTheWordsWithoutTheirMarks(string text)
    {
        var quote = Assert.Single(Extract(text));

        Assert.Equal("We are ready,", quote.Text);
        Assert.Equal(text.IndexOf("We", StringComparison.Ordinal), quote.Start);
        Assert.Equal((TextKind.Quote, "dmitry-peskov"), (quote.Kind, quote.Speaker.Slug));
    }

    [Fact]
    public void AQuoteInterruptedByHeSaidIsTwoSpansOfTheSameSpeakerAndApostrophesDoNotEndIt()
    {
        var found = Extract("“We don’t accept it,” the Kremlin spokesman told reporters on Tuesday. “The plan is not final.”");

        Assert.Equal(["We don’t accept it,", "The plan is not final."], found.Select(c => c.Text));
        Assert.All(found, c => Assert.Equal("dmitry-peskov", c.Speaker.Slug));
        Assert.All(found, c => Assert.Equal((new DateOnly(2025, 12, 2), DatePrecision.Day, DateBasis.On), (c.Date.Date, c.Date.Precision, c.Date.Basis)));
    }

    [Fact]
    public void HeSaidGoesBackToTheLastNamedSpeakerAndAQuoteOverParagraphsIsOnePerParagraph()
    {
        var text = "Zelensky spoke in Kyiv yesterday.\n\n“We will not give up our territory,” he said. “Not one region.\n\nNot one village.”";

        var found = Extract(text);

        Assert.Equal(["We will not give up our territory,", "Not one region.", "Not one village."], found.Select(c => c.Text));
        Assert.All(found, c => Assert.Equal("volodymyr-zelensky", c.Speaker.Slug));
        Assert.All(found, c => Assert.True(text.AsSpan(c.Start, c.Length).SequenceEqual(c.Text)));
        Assert.Equal([Territory.Slug], found[0].Issues);
    }

    [Fact]
    public void AnUnknownSpeakerIsProposedAsANewActorNeverGuessed()
    {
        var quote = Assert.Single(Extract("“Talks resume in January,” said Kaja Kallas, the EU foreign policy chief, on Monday."));

        Assert.True(quote.Speaker.IsNew);
        Assert.Equal("Kaja Kallas", quote.Speaker.Name);
        Assert.Equal("the EU foreign policy chief", quote.Speaker.Role);
        Assert.Equal(new DateOnly(2025, 12, 1), quote.Date.Date);
    }

    [Theory]
    [InlineData("Peskov said Sunday", "2025-11-30", DatePrecision.Day, DateBasis.On)]
    [InlineData("Peskov said yesterday", "2025-12-02", DatePrecision.Day, DateBasis.On)]
    [InlineData("Peskov said on 2 December", "2025-12-02", DatePrecision.Day, DateBasis.On)]
    [InlineData("Peskov said on Dec. 1", "2025-12-01", DatePrecision.Day, DateBasis.On)]
    [InlineData("Peskov said in May", "2025-05-01", DatePrecision.Month, DateBasis.On)]
    [InlineData("Peskov said", "2025-12-03", DatePrecision.Day, DateBasis.OnOrBefore)]
    public void TheDayIsResolvedAgainstThePublicationDate(string attribution, string expected, DatePrecision precision, DateBasis basis)
    {
        var quote = Assert.Single(Extract($"“It is too early,” {attribution}."));

        Assert.Equal((DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), precision, basis),
            (quote.Date.Date!.Value, quote.Date.Precision, quote.Date.Basis));
    }

    [Fact]
    public void ReportedSpeechIsAParaphraseCandidateMarkedAsSuch()
    {
        var found = Extract("Peskov said that the negotiations would continue in January.");

        var paraphrase = Assert.Single(found);
        Assert.Equal(TextKind.Paraphrase, paraphrase.Kind);
        Assert.Equal("the negotiations would continue in January", paraphrase.Text);
        Assert.Equal("dmitry-peskov", paraphrase.Speaker.Slug);
    }

    [Fact]
    public void ScareQuotesInCapitalsAreNotStatements() =>
        Assert.Empty(Extract("The so-called “LEADERSHIP” was criticised."));

    [Theory]
    [InlineData("intake-dev")]
    [InlineData("intake-dev2")]
    public void OnEachLabelledDevelopmentBatchTheIssuesTargetsHold(string batch)
    {
        var folder = DevSet(batch);
        Assert.SkipWhen(folder is null, $"The labelled set (../shared/{batch}) is not on this machine.");

        // Each report read against its own publication date; undated ones on the day after the batch's newest.
        var scores = IntakeEvaluation.Overlap(IntakeEvaluation.Extract(folder!, (DateOnly?)null), [0.3]);

        // The issue's targets at overlap 0.3. These batches were tuned on, so this guards against losing ground, nothing more.
        var quotes = scores.Single(s => s.Kind == "quote");
        var paraphrases = scores.Single(s => s.Kind == "paraphrase");
        Assert.True(quotes.Precision >= 0.95 && quotes.Recall >= 0.95, $"quotes: precision {quotes.Precision:P1}, recall {quotes.Recall:P1}");
        Assert.True(quotes.SpeakerAccuracy >= 0.95 && quotes.DateAccuracy >= 0.9, $"quotes: speaker {quotes.SpeakerAccuracy:P1}, date {quotes.DateAccuracy:P1}");
        Assert.True(paraphrases.F1 >= 0.6, $"paraphrases: F1 {paraphrases.F1:P1}");
    }

    [Fact]
    public void AMalformedLabelledSetIsRefusedNamingTheFileRowAndColumn()
    {
        var folder = Directory.CreateTempSubdirectory("peacetalks-labels-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "actors.csv"), "slug,name,role,alternative_names\n");
            File.WriteAllText(Path.Combine(folder.FullName, "gold.csv"), "file,speaker,date,quote,kind\n");
            File.WriteAllText(Path.Combine(folder.FullName, "01.txt"), "“Hello,” she said.");
            File.WriteAllText(Path.Combine(folder.FullName, "index.csv"), "file,published_on\n01.txt,2025-13-45\n");

            var error = Assert.Throws<LabelledSetException>(() => IntakeEvaluation.Extract(folder.FullName, new DateOnly(2026, 1, 31)));

            Assert.Equal("index.csv row 2, column published_on: '2025-13-45' is not a date (YYYY-MM-DD).", error.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void SpansOverlappingAtTheThresholdMatchAndScoreF1()
    {
        var folder = Directory.CreateTempSubdirectory("peacetalks-labels-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "actors.csv"), "slug,name,role,alternative_names\nanna-berg,Anna Berg,,\n");
            // The label runs on past the quote the extractor finds: 20 of its 38 characters overlap (0.53).
            File.WriteAllText(Path.Combine(folder.FullName, "gold.csv"), "file,speaker,date,quote,kind\n01.txt,Anna Berg,,\"We are ready to talk” tomorrow morning\",quote\n");
            File.WriteAllText(Path.Combine(folder.FullName, "01.txt"), "Anna Berg said: “We are ready to talk” tomorrow morning.");
            File.WriteAllText(Path.Combine(folder.FullName, "index.csv"), "file,published_on\n01.txt,2025-12-01\n");

            var scores = IntakeEvaluation.Overlap(IntakeEvaluation.Extract(folder.FullName, new DateOnly(2026, 1, 31)), [0.3, 0.8]);

            var loose = scores.Single(s => s.Kind == "quote" && s.Threshold == 0.3);
            var strict = scores.Single(s => s.Kind == "quote" && s.Threshold == 0.8);
            Assert.Equal((1, 1, 1), (loose.Gold, loose.Proposed, loose.Matched));
            Assert.Equal(1.0, loose.F1);
            Assert.Equal(1.0, loose.SpeakerAccuracy);
            Assert.Equal(0, strict.Matched);
            Assert.Equal(0.0, strict.F1);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string? DevSet(string batch = "intake-dev")
    {
        var fromEnvironment = batch == "intake-dev" ? Environment.GetEnvironmentVariable("PEACETALKS_INTAKE_DEV") : null;
        foreach (var candidate in new[] { fromEnvironment, Path.Combine(RepoPaths.Root, "..", "shared", batch), $"/work/shared/{batch}" })
        {
            if (candidate is { Length: > 0 } && File.Exists(Path.Combine(candidate, "gold.csv")))
            {
                return candidate;
            }
        }
        return null;
    }
}
