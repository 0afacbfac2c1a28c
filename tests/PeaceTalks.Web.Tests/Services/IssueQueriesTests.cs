using PeaceTalks.Web.Services;
using PeaceTalks.Web.Tests.Infrastructure;

namespace PeaceTalks.Web.Tests.Services;

public sealed class IssueQueriesTests(SeededDatabaseFixture fixture) : IClassFixture<SeededDatabaseFixture>
{
    [Fact]
    public async Task TheListCountsEachIssuesStatementsAndTheActorsWithAStanceOnIt()
    {
        var issues = await fixture.Database.Get<IssueQueries>().ListAsync();

        // Counted by hand in data/statements.csv and data/positions.csv.
        Assert.Equal(
            [
                ("annexation-recognition", 1, 1), ("ukrainian-sovereignty", 1, 1), ("sanctions-on-russia", 1, 1),
                ("security-guarantees", 2, 2), ("territorial-concessions", 3, 2), ("us-brokered-talks", 5, 5),
            ],
            issues.Select(i => (i.Slug, i.Statements, i.Actors)));
    }

    [Fact]
    public async Task AnIssueHasItsNameDescriptionAndStatementCount()
    {
        var issue = await fixture.Database.Get<IssueQueries>().GetAsync("territorial-concessions");

        Assert.NotNull(issue);
        Assert.Equal(("Territorial concessions to Russia", 3), (issue.Name, issue.Statements));
        Assert.StartsWith("Whether a settlement should leave Russia in control", issue.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownSlugIsNoIssue() =>
        Assert.Null(await fixture.Database.Get<IssueQueries>().GetAsync("no-such-issue"));
}
