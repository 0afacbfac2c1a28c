using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests;

/// <summary>A page per statement that a journalist can cite and share.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StatementPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheCiteButtonCopiesACitationWithSpeakerQuoteDateSourceAndAddress()
    {
        var page = await fixture.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = fixture.App.BaseUrl });
        var statement = new StatementPage(page);

        await statement.OpenAsync("ushakov-constructive");
        var citation = await statement.Citation.InnerTextAsync();
        await statement.CopyCitationAsync();

        await BrowserFixture.ScreenshotAsync(page, "statement-page-desktop");
        await Expect(statement.CopyStatus).ToHaveTextAsync("Citation copied.");
        Assert.Equal(citation, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        Assert.True(citation.StartsWith("Yuri Ushakov (Kremlin aide). “constructive”. Channel not stated. By 3 December 2025.", StringComparison.Ordinal), citation);
        Assert.Contains("Pompeo Warns Against Russian Victory In Peace Talks", citation);
        Assert.Contains($"PeaceTalks, {fixture.App.BaseUrl}/statements/ushakov-constructive (retrieved ", citation);
    }

    [Fact]
    public async Task ASharedLinkPreviewsWithTheQuoteAndTheTimelineCardsLinkHere()
    {
        var page = await fixture.NewPageAsync(390, 844);
        var statement = new StatementPage(page);

        await statement.OpenAsync("ushakov-constructive");

        Assert.Equal("Yuri Ushakov: “constructive”", await statement.MetaAsync("og:description"));
        Assert.Equal("Yuri Ushakov: “constructive”", await statement.MetaAsync("description"));
        Assert.Equal($"{fixture.App.BaseUrl}/statements/ushakov-constructive", await statement.MetaAsync("og:url"));
        await Expect(page).ToHaveTitleAsync("Statement by Yuri Ushakov · PeaceTalks");
        await BrowserFixture.ScreenshotAsync(page, "statement-page-phone");

        var timeline = new TimelinePage(page);
        await timeline.OpenAsync("?actor=yuri-ushakov");
        await Expect(page.Locator("a[href='/statements/ushakov-constructive']").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("follow-feed")).ToHaveAttributeAsync("href", "/feeds/statements.atom?actor=yuri-ushakov");
    }
}
