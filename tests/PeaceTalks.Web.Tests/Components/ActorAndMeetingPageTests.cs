using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PeaceTalks.Web.Components.Pages.Actors;
using PeaceTalks.Web.Components.Pages.Meetings;
using PeaceTalks.Web.Tests.Infrastructure;

namespace PeaceTalks.Web.Tests.Components;

public sealed class ActorAndMeetingPageTests : ComponentTest
{
    [Fact]
    public void TheProfileShowsStancesMeetingsAndStatements()
    {
        var page = RenderAt<ActorPage>("/actors/yuri-ushakov", p => p.Add(a => a.Slug, "yuri-ushakov"));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".statement-card").Count));
        Assert.Equal("Yuri Ushakov", page.Find("h1").TextContent);
        Assert.Contains("Kremlin aide · Russia", page.Find(".page-subtitle").TextContent);
        Assert.Equal(3, page.FindAll(".actor-stances tbody tr").Count);
        Assert.Contains("Kushner and Witkoff meet Putin in Moscow", page.Find(".meeting-card").TextContent);
        Assert.Contains("Spoke about it", page.Markup);
        Assert.Contains("“a compromise option was not found”", page.Markup);
    }

    [Fact]
    public void AnUnknownActorGetsTheNotFoundState()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var notFound = false;
        navigation.OnNotFound += (_, _) => notFound = true;

        var page = RenderAt<ActorPage>("/actors/nobody", p => p.Add(a => a.Slug, "nobody"));

        page.WaitForAssertion(() => Assert.True(notFound));
        Assert.Empty(page.FindAll(".statement-card"));
    }

    [Fact]
    public void TheMeetingPageSetsEachSidesAccountSideBySide()
    {
        var page = RenderAt<MeetingPage>("/meetings/moscow-talks-2025-12-02", p => p.Add(m => m.Slug, "moscow-talks-2025-12-02"));

        page.WaitForElement("[data-testid=accounts]");
        Assert.Equal(["Jared Kushner", "Steve Witkoff", "Vladimir Putin"],
            page.FindAll("[data-testid=participants] a").Select(a => a.TextContent).Order());
        var accounts = page.FindAll(".side-account");
        Assert.Equal(["Russia", "United States"], accounts.Select(a => a.QuerySelector("h3")!.TextContent));
        Assert.Equal(3, accounts[0].QuerySelectorAll(".statement-card").Length);
        Assert.Contains("No readout recorded", accounts[1].TextContent);
        Assert.Contains("5 hours", page.Find(".meeting-facts").TextContent);
    }
}
