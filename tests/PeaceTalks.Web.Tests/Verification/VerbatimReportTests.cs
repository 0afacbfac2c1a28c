using Microsoft.EntityFrameworkCore;
using PeaceTalks.Evaluation;
using PeaceTalks.Web.Intake;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Tests.Infrastructure;
using PeaceTalks.Web.Verification;

namespace PeaceTalks.Web.Tests.Verification;

/// <summary>
/// The verbatim report over real data: the seed, and the development reports taken in as intake stores them (the
/// report's text kept, its quotes saved), with the labelled quotes and the extractor's quotes. A quote that is in its
/// report is never reported as not found; one that is not, is.
/// </summary>
public sealed class VerbatimReportTests
{
    private static string? Batch(string name)
    {
        foreach (var candidate in new[] { Path.Combine(RepoPaths.Root, "..", "shared", name), $"/work/shared/{name}" })
        {
            if (File.Exists(Path.Combine(candidate, "gold.csv")))
            {
                return candidate;
            }
        }
        return null;
    }

    [Fact]
    public async Task OverTheSeedNoQuoteIsReportedNotFound()
    {
        await using var database = await TestDatabase.CreateAsync();

        var report = await database.Get<ReviewQueries>().VerbatimAsync(TestContext.Current.CancellationToken);

        Assert.Empty(report.Failures);
        Assert.True(report.WithoutSourceText > 0, "the seed's quotes have no stored report, and are counted as such");
    }

    [Fact]
    public async Task OverTheIntakeOfTheDevelopmentReportsEveryQuoteThatIsInItsReportIsFoundAndOneThatIsNotIsListed()
    {
        var folders = new[] { "intake-dev", "intake-dev2" }.Select(Batch).OfType<string>().ToList();
        Assert.SkipWhen(folders.Count == 0, "The labelled development reports (../shared/intake-dev, intake-dev2) are not on this machine.");
        await using var database = await TestDatabase.CreateAsync();
        var inReport = 0;
        await using (var db = database.CreateContext())
        {
            var speaker = await db.Actors.Where(a => a.Slug == "yuri-ushakov").Select(a => a.Id).SingleAsync(TestContext.Current.CancellationToken);
            foreach (var (folder, batch) in folders.Select((f, i) => (f, i)))
            {
                var run = IntakeEvaluation.Extract(folder, (DateOnly?)null);
                foreach (var (file, raw) in run.Texts)
                {
                    // Stored as intake stores a pasted report, and its quotes as intake proposes them or the labels give them.
                    var text = IntakeService.ReduceToText(raw);
                    var source = new Source { Key = $"dev-{batch}-{Path.GetFileNameWithoutExtension(file)}", Title = file, Kind = SourceKind.NewsReport };
                    db.Sources.Add(source);
                    await db.SaveChangesAsync(TestContext.Current.CancellationToken);
                    db.SourceTexts.Add(new SourceText { SourceId = source.Id, Text = text });
                    var quotes = run.Proposed.Where(p => p.File == file && p.Candidate.Kind == TextKind.Quote).Select(p => p.Candidate.Text)
                        .Concat(run.Gold.Where(g => g.File == file && g.Kind == "quote").Select(g => g.Text))
                        .Where(q => q.Trim().Length > 0 && text.Contains(q.Trim(), StringComparison.Ordinal))
                        .Distinct(StringComparer.Ordinal).ToList();
                    foreach (var (quote, i) in quotes.Select((q, i) => (q, i)))
                    {
                        db.Statements.Add(new Statement
                        {
                            Key = $"{source.Key}-q{i}", ActorId = speaker, Text = quote.Trim(), Kind = TextKind.Quote, Date = new DateOnly(2025, 12, 1),
                            Channel = Channel.NotStated, Attribution = Attribution.Reported, SourceId = source.Id,
                        });
                    }
                    inReport += quotes.Count;
                }
            }
            // The control: words the first report does not print.
            var first = await db.Sources.Where(s => s.Key == "dev-0-01").Select(s => s.Id).SingleAsync(TestContext.Current.CancellationToken);
            db.Statements.Add(new Statement
            {
                Key = "dev-control", ActorId = speaker, Text = "We never said anything of the kind", Kind = TextKind.Quote, Date = new DateOnly(2025, 12, 1),
                Channel = Channel.NotStated, Attribution = Attribution.Reported, SourceId = first,
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var report = await database.Get<ReviewQueries>().VerbatimAsync(TestContext.Current.CancellationToken);

        Assert.True(inReport > 100, $"only {inReport} quotes taken in");
        Assert.Equal("dev-control", Assert.Single(report.Failures).Key);
        Assert.Equal(inReport, report.Found);
        Assert.Equal(inReport + 1, report.Checked);
    }
}
