using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class StancesTests(BrowserFixture fixture)
{
    [Fact]
    [Trait("Category", "Postgres")]
    public async Task TheMatrixShowsTheSeededActorsAndTheKeyboardOpensZelenskysEvidence()
    {
        var page = await fixture.NewPageAsync();
        var stances = new StancesPage(page);
        await stances.OpenAsync();

        await Expect(stances.RowHeaders).ToHaveCountAsync(6);
        await Expect(stances.ColumnHeaders).ToHaveCountAsync(7);
        await Expect(stances.FilledCells).ToHaveCountAsync(12);
        await Expect(stances.Cell("volodymyr-zelensky", "security-guarantees")).ToContainTextAsync("supports");

        await stances.OpenCellWithKeyboardAsync("volodymyr-zelensky", "security-guarantees");

        await Expect(stances.Dialog).ToContainTextAsync("Volodymyr Zelensky on Security guarantees for Ukraine");
        await Expect(stances.Evidence).ToContainTextAsync("Holds that a peace deal is acceptable only if it gives Ukraine back its full sovereignty");
        await Expect(stances.Evidence).ToContainTextAsync("Paraphrase, not their words");
        await Expect(stances.Evidence).ToContainTextAsync("Source: Pompeo Warns Against Russian Victory In Peace Talks");
        await BrowserFixture.ScreenshotAsync(page, "stances-evidence-desktop");

        await page.Keyboard.PressAsync("Escape");
        await Expect(stances.Dialog).ToHaveCountAsync(0);
    }

    [Fact]
    [Trait("Category", "Postgres")]
    public async Task MovingAsOfBeforeTheSeededDatesEmptiesTheCells()
    {
        var page = await fixture.NewPageAsync();
        var stances = new StancesPage(page);
        await stances.OpenAsync();
        await Expect(stances.FilledCells).ToHaveCountAsync(12);

        await stances.SetAsOfAsync("2025-04-01");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/stances\\?asof=2025-04-01$"));
        await Expect(stances.FilledCells).ToHaveCountAsync(0);
        await Expect(stances.RowHeaders).ToHaveCountAsync(6);
        await BrowserFixture.ScreenshotAsync(page, "stances-before-seed");
    }

    [Theory]
    [InlineData(1366, 768, "desktop")]
    [InlineData(390, 844, "phone")]
    public async Task TheMatrixWithWhoMovedReadsWellOnDesktopAndPhone(int width, int height, string name)
    {
        var page = await fixture.NewPageAsync(width, height);
        var stances = new StancesPage(page);

        await stances.OpenAsync("?since=2025-06-01");

        await Expect(page.GetByTestId("changes").Locator("li")).ToHaveCountAsync(11);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than a {width}px screen");
        await BrowserFixture.ScreenshotAsync(page, $"stances-{name}");
    }
}
