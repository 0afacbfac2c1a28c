using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PeaceTalks.Web.Components.Pages.Timeline;
using PeaceTalks.Web.Tests.Infrastructure;
using static PeaceTalks.Web.Tests.Infrastructure.TestData;

namespace PeaceTalks.Web.Tests.Components;

/// <summary>A slow query for an old filter must never overwrite or extend the results of the new one.</summary>
public sealed class StaleResultTests : ComponentTest
{
    protected override bool Seed => false;

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private async Task AddTwoTalkativeActorsAsync()
    {
        await using var db = Database.CreateContext();
        var data = new TestData(db);
        var x = data.AddActor("actor-x", "Ukraine", "Actor X");
        var y = data.AddActor("actor-y", "Russia", "Actor Y");
        for (var i = 1; i <= 30; i++)
        {
            data.AddStatement(x, Day(11, i), $"X says {i}");
            data.AddStatement(y, Day(11, i), $"Y says {i}");
        }
        await data.SaveAsync();
    }

    private static IReadOnlyList<string> Speakers(IRenderedComponent<TimelinePage> page) =>
        [.. page.FindAll(".statement-card a.actor-link").Select(a => a.TextContent).Distinct()];

    [Fact]
    public async Task WhenTheFilterChangesDuringASlowQueryTheNewerFilterWins()
    {
        await AddTwoTalkativeActorsAsync();
        Held.HoldNext(command => HeldCommands.HasParameter(command, "actor-x"));
        var page = RenderAt<TimelinePage>("/timeline?actor=actor-x");
        await Held.Held;

        Navigation.NavigateTo("/timeline?actor=actor-y");
        page.Render();
        page.WaitForAssertion(() => Assert.Equal("Showing 25 of 30 statements and 0 of 0 meetings (filtered from 60 and 0)", page.Find("[data-testid=timeline-count]").TextContent));
        Held.Release();

        // Both loads have ended: the one for actor X was dropped, not shown.
        page.WaitForAssertion(() => Assert.Equal(2, page.Instance.FinishedLoads));
        Assert.Equal(["Actor Y"], Speakers(page));
        Assert.Equal(25, page.FindAll(".statement-card").Count);
        Assert.Equal("Showing 25 of 30 statements and 0 of 0 meetings (filtered from 60 and 0)", page.Find("[data-testid=timeline-count]").TextContent);
        Assert.True(Held.CancelledWhileHeld, "The old load was not cancelled when the filter changed");
    }

    [Fact]
    public async Task LoadMoreClickedBeforeTheCountsArriveKeepsWhatItAdded()
    {
        await AddTwoTalkativeActorsAsync();
        // The counts come after the first page (a text search can take long to count): hold them back.
        Held.HoldNext(command => command.CommandText.TrimStart().StartsWith("SELECT COUNT(", StringComparison.OrdinalIgnoreCase));
        var page = RenderAt<TimelinePage>("/timeline?actor=actor-x");
        await Held.Held;
        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll(".statement-card").Count), TimeSpan.FromSeconds(10));

        await page.InvokeAsync(() => page.Find("[data-testid=load-more]").ClickAsync(new()));
        page.WaitForAssertion(() => Assert.Equal(30, page.FindAll(".statement-card").Count), TimeSpan.FromSeconds(10));
        Held.Release();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=timeline-count]")), TimeSpan.FromSeconds(10));
        Assert.Equal(30, page.FindAll(".statement-card").Count);
        // The count says how many cards are shown of how many match, not how many match of how many there are.
        Assert.Equal("Showing 30 of 30 statements and 0 of 0 meetings (filtered from 60 and 0)", page.Find("[data-testid=timeline-count]").TextContent);
    }

    [Fact]
    public async Task LoadMoreThatFinishesAfterTheFilterChangedAppendsNothing()
    {
        await AddTwoTalkativeActorsAsync();
        var page = RenderAt<TimelinePage>("/timeline?actor=actor-x");
        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll(".statement-card").Count));
        Held.HoldNext(command => command.CommandText.Contains("ORDER BY", StringComparison.Ordinal)
            && command.CommandText.Contains("FROM \"Statements\"", StringComparison.Ordinal));

        _ = page.InvokeAsync(() => page.Find("[data-testid=load-more]").ClickAsync(new()));
        await Held.Held;
        Navigation.NavigateTo("/timeline?actor=actor-y");
        page.Render();
        page.WaitForAssertion(() => Assert.Equal(["Actor Y"], Speakers(page)));
        Held.Release();

        // The load-more button comes back once the late page has arrived, and was thrown away.
        page.WaitForAssertion(() => Assert.Equal("Load more", page.Find("[data-testid=load-more]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Equal(["Actor Y"], Speakers(page));
        Assert.Equal(25, page.FindAll(".statement-card").Count);

        // Load more on the current filter still works, and appends its own next page. Found and clicked in one step on
        // the renderer's thread: a render in between would leave the click on a button that is no longer there.
        await page.InvokeAsync(() => page.Find("[data-testid=load-more]").ClickAsync(new()));
        // A page read on PostgreSQL while the other test projects run can take more than bUnit's default second.
        page.WaitForAssertion(() => Assert.Equal(30, page.FindAll(".statement-card").Count), TimeSpan.FromSeconds(10));
        Assert.Equal(["Actor Y"], Speakers(page));
    }
}
