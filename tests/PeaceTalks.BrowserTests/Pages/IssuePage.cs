using Microsoft.Playwright;

namespace PeaceTalks.BrowserTests.Pages;

public sealed class IssuesPage(IPage page) : BasePage(page)
{
    public Task OpenAsync() => GoToAsync("/issues");

    public ILocator Rows => Page.GetByTestId("issue-row");

    public Task OpenIssueAsync(string name) => Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
}

public sealed class IssuePage(IPage page) : BasePage(page)
{
    public ILocator Stances => Page.GetByTestId("issue-stance");

    public ILocator StanceOf(string actor) => Stances.Filter(new() { HasText = actor });

    public ILocator Statements => Page.Locator(".statement-card");

    public ILocator FollowFeed => Page.GetByTestId("follow-feed");

    public ILocator Evidence => Page.GetByTestId("evidence");

    public Task OpenEvidenceAsync(string actor, string issue) =>
        Page.GetByRole(AriaRole.Button, new() { Name = $"Evidence and history: {actor} on {issue}" }).ClickAsync();
}
