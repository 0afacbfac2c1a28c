using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class IssuePageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task FromTheIssueListToWhoStandsWhereOnSecurityGuarantees()
    {
        var page = await fixture.NewPageAsync();
        var issues = new IssuesPage(page);
        await issues.OpenAsync();
        await Expect(issues.Rows).ToHaveCountAsync(6);
        // Seed: two statements on security guarantees (Zelensky's and Ushakov's), and those two actors hold a stance on it.
        await Expect(issues.Rows.Filter(new() { HasText = "Security guarantees for Ukraine" }).Locator("td.num")).ToHaveTextAsync(["2", "2"]);

        await issues.OpenIssueAsync("Security guarantees for Ukraine");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/issues/security-guarantees$"));
        var issue = new IssuePage(page);
        await issue.WaitForInteractiveAsync();
        await Expect(issue.Heading).ToHaveTextAsync("Security guarantees for Ukraine");
        await Expect(issue.Stances).ToHaveCountAsync(2);
        await Expect(issue.StanceOf("Volodymyr Zelensky")).ToContainTextAsync("supports");
        await Expect(issue.StanceOf("Yuri Ushakov")).ToContainTextAsync("ambiguous");
        await Expect(issue.Statements).ToHaveCountAsync(2);
        await Expect(issue.FollowFeed).ToHaveAttributeAsync("href", "/feeds/statements.atom?issue=security-guarantees");
        await BrowserFixture.ScreenshotAsync(page, "issue-security-guarantees");

        await issue.OpenEvidenceAsync("Volodymyr Zelensky", "Security guarantees for Ukraine");

        await Expect(issue.Evidence).ToContainTextAsync("durable security guarantees");
        await BrowserFixture.ScreenshotAsync(page, "issue-evidence");
    }

    [Fact]
    public async Task AMatrixColumnHeadingLeadsToItsIssuePage()
    {
        var page = await fixture.NewPageAsync();
        var stances = new StancesPage(page);
        await stances.OpenAsync();

        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Sanctions on Russia", Exact = true }).First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/issues/sanctions-on-russia$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sanctions on Russia");
    }

    [Fact]
    public async Task AnUnknownIssueIsNotFoundWithStatus404()
    {
        var page = await fixture.NewPageAsync();

        var response = await page.GotoAsync("/issues/no-such-issue");

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
    }
}
