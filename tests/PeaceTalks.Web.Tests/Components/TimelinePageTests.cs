using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PeaceTalks.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using PeaceTalks.Web.Components.Pages.Timeline;

namespace PeaceTalks.Web.Tests.Components;

public sealed class TimelinePageTests : ComponentTest
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public void TheSeededStatementsAndMeetingsShowWithACount()
    {
        var page = RenderAt<TimelinePage>("/timeline");

        page.WaitForAssertion(() => Assert.Equal("Showing 12 of 12 statements and 2 of 2 meetings", page.Find("[data-testid=timeline-count]").TextContent));
        Assert.Equal(12, page.FindAll(".statement-card").Count);
        Assert.Equal(2, page.FindAll(".meeting-card").Count);
        var groups = page.FindAll("h2.group-heading").Select(h => h.TextContent).ToList();
        Assert.Equal(["By 3 December 2025", "Tuesday 2 December 2025", "By 2 December 2025", "By May 2025"], groups);
        Assert.Equal("/export/statements.csv", page.Find("[data-testid=export-csv]").GetAttribute("href"));
    }

    [Fact]
    public void TheQueryStringFiltersAndTheExportButtonCarriesTheSameFilters()
    {
        var page = RenderAt<TimelinePage>("/timeline?actor=volodymyr-zelensky&kind=statements");

        page.WaitForAssertion(() => Assert.Equal("Showing 2 of 2 statements (filtered from 12)", page.Find("[data-testid=timeline-count]").TextContent));
        Assert.Equal(["Volodymyr Zelensky", "Volodymyr Zelensky"], page.FindAll(".statement-card a.actor-link").Select(a => a.TextContent));
        Assert.Equal("/export/statements.csv?actor=volodymyr-zelensky&kind=statements", page.Find("[data-testid=export-csv]").GetAttribute("href"));
    }

    [Fact]
    public void SearchingWritesTheQueryString()
    {
        var page = RenderAt<TimelinePage>("/timeline?actor=yuri-ushakov");
        page.WaitForElement("[data-testid=timeline-count]");

        page.Find("[data-testid=filter-toggle]").Click();
        page.WaitForElement("#filter-text", TimeSpan.FromSeconds(5)).Change("compromise");

        page.WaitForAssertion(() => Assert.EndsWith("/timeline?actor=yuri-ushakov&q=compromise", Navigation.Uri));
    }

    [Fact]
    public void ChangingTheOrderWritesTheQueryString()
    {
        var page = RenderAt<TimelinePage>("/timeline");
        page.WaitForElement("[data-testid=timeline-count]");

        page.Find("[data-testid=filter-toggle]").Click();
        page.WaitForElement("#filter-from", TimeSpan.FromSeconds(5)).Change("2025-12-01");

        page.WaitForAssertion(() => Assert.EndsWith("/timeline?from=2025-12-01", Navigation.Uri));
    }

    [Fact]
    public void TheClosedFilterPanelDrawsNoControlsAndSaysWhichFiltersApply()
    {
        var page = RenderAt<TimelinePage>("/timeline?actor=yuri-ushakov&kind=statements&from=2025-12-01");
        page.WaitForElement("[data-testid=timeline-count]");

        Assert.Empty(page.FindAll("#filter-actor"));
        Assert.Equal("Filters (3 active)", page.Find("[data-testid=filter-toggle]").TextContent.Trim());
        Assert.Equal("Yuri Ushakov · from 1 Dec 2025 · statements only", page.Find("[data-testid=filter-summary]").TextContent);

        page.Find("[data-testid=filter-toggle]").Click();

        page.WaitForElement("#filter-actor", TimeSpan.FromSeconds(5));
        Assert.Empty(page.FindAll("[data-testid=filter-summary]"));
    }

    [Fact]
    public void NothingMatchingShowsTheEmptyStateAndAWayOut()
    {
        var page = RenderAt<TimelinePage>("/timeline?q=no-such-words-anywhere");

        page.WaitForElement("[data-testid=timeline-empty]");
        Assert.Contains("Nothing matches these filters", page.Find("[data-testid=timeline-empty]").TextContent);
        Assert.Equal("/timeline", page.Find("[data-testid=clear-filters]").GetAttribute("href"));
    }

    [Fact]
    public void BadValuesInTheUrlAreNamedAndTheRestStillApplies()
    {
        var page = RenderAt<TimelinePage>("/timeline?actor=foo&actor=yuri-ushakov&from=2025-13-45&kind=statements");

        page.WaitForAssertion(() => Assert.Equal("Showing 3 of 3 statements (filtered from 12)", page.Find("[data-testid=timeline-count]").TextContent));
        var problems = page.Find(".problem-list").TextContent;
        Assert.Contains("No actor 'foo' — filter ignored.", problems);
        Assert.Contains("'2025-13-45' is not a date", problems);
    }
}
