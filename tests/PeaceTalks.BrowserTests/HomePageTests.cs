using Microsoft.Playwright;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class HomePageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheHomePageShowsTheSeededActorsAndCounts()
    {
        var page = await fixture.NewPageAsync();
        var home = new HomePage(page);

        await home.OpenAsync();

        await Expect(home.Heading).ToHaveTextAsync("PeaceTalks");
        await Expect(home.Count("Statements")).ToHaveAttributeAsync("aria-label", "12 Statements");
        await Expect(home.Count("Meetings")).ToHaveAttributeAsync("aria-label", "2 Meetings");
        foreach (var name in new[] { "Volodymyr Zelensky", "Yuri Ushakov", "Ukrainian officials" })
        {
            await Expect(home.Latest.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).First).ToBeVisibleAsync();
        }
        await Expect(page).ToHaveTitleAsync("PeaceTalks");
        await BrowserFixture.ScreenshotAsync(page, "home-desktop");
    }
}
