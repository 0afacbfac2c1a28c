using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;
using static Microsoft.Playwright.Assertions;
using static PeaceTalks.BrowserTests.Journeys.Person;

namespace PeaceTalks.BrowserTests;

/// <summary>
/// A second pair of eyes, as two editors do it: A adds a quote (the form warns while it is not in the stored report),
/// cannot verify it and the review page says why; B sees it picked out of the stored report and verifies it; the
/// statement page says who; A changes the words and it is unverified again; B disputes it with a reason, which the
/// statement page and its history show.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VerificationTests(BrowserFixture fixture)
{
    private const string Report = "WASHINGTON — Mike Pompeo told reporters on Wednesday: “We must never reward the aggressor — never,” and left.";

    [Fact]
    [Trait("Category", "Postgres")]
    public async Task AnEditorsQuoteIsVerifiedByAnotherEditorUnverifiedByAnEditAndDisputedWithAReason()
    {
        await using var app = new AppServer();
        app.Start();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PeaceTalksDbContext>>().CreateDbContextAsync();
            var source = await db.Sources.SingleAsync(s => s.Key == "pompeo-warns-2025-12-03");
            db.SourceTexts.Add(new SourceText { SourceId = source.Id, Text = Report });
            await db.SaveChangesAsync();
        }
        await app.CreateUserAsync("ada.author@peacetalks.test", "Ada Author", AppRoles.Editor);
        await app.CreateUserAsync("bea.checker@peacetalks.test", "Bea Checker", AppRoles.Editor);
        var a = await fixture.NewPageAsync(app.BaseUrl);
        await new SignInPage(a).SignInAsync("ada.author@peacetalks.test", AppServer.Password);
        var b = await fixture.AnotherPageAsync(app.BaseUrl);
        await new SignInPage(b).SignInAsync("bea.checker@peacetalks.test", AppServer.Password);

        // A adds the quote; the form warns while the words are not in the stored report.
        await a.GotoAsync("/statements/new");
        await new RecordFormPage(a).WaitForInteractiveAsync();
        await PickAsync(a, "Speaker", "Pomp", "Mike Pompeo");
        await Field(a, "Date").FillAsync("2025-12-03");
        await PickAsync(a, "Source", "Pompeo warns", "Pompeo Warns Against Russian Victory");
        await PasteAsync(a, "Text", "We must reward the aggressor");
        await Expect(a.GetByTestId("field-warning")).ToContainTextAsync("not found in the stored report: did you mean a paraphrase?");
        await PasteAsync(a, "Text", "We must never reward the aggressor - never");
        await Expect(a.GetByTestId("field-warning")).ToHaveCountAsync(0);
        await a.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(a).ToHaveURLAsync(new Regex("/statements/(?!new$)[^/]+$"), new() { Timeout = 30_000 });
        var key = Uri.UnescapeDataString(new Uri(a.Url).Segments[^1]);
        var statement = new StatementPage(a);
        await Expect(statement.CheckLine).ToContainTextAsync("Unverified");

        // A cannot verify it, and the review page says why.
        var ownReview = new ReviewPage(a);
        await ownReview.OpenAsync("?actor=mike-pompeo");
        await Expect(ownReview.FourEyes(key)).ToContainTextAsync("You wrote the latest change to this statement, so another editor verifies it (four eyes).");
        await Expect(ownReview.VerifyButton(key)).ToBeDisabledAsync();

        // B sees the quote picked out of the stored report (dash and quotation marks as printed), and verifies it.
        var review = new ReviewPage(b);
        await review.OpenAsync("?actor=mike-pompeo");
        await Expect(review.Highlight(key)).ToHaveTextAsync("We must never reward the aggressor — never");
        await Expect(review.FourEyes(key)).ToHaveCountAsync(0);
        await review.Item(key).ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(b, "review-desktop");
        await b.SetViewportSizeAsync(390, 844);
        await review.Item(key).ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(b, "review-phone");
        await b.SetViewportSizeAsync(1366, 768);
        var before = await review.Items.CountAsync();
        await review.VerifyAsync(key);
        await Expect(review.Status).ToHaveTextAsync("Verified 1 statement.");
        await Expect(review.Items).ToHaveCountAsync(before - 1);
        // The keyboard moves on to the next item.
        await Expect(b.Locator("[data-testid=review-item] [data-testid=verify]:focus")).ToHaveCountAsync(1);

        await statement.OpenAsync(key);
        await Expect(statement.CheckLine).ToContainTextAsync("Verified by Bea Checker");

        // A changes the words: unverified again.
        await a.GotoAsync($"/statements/{Uri.EscapeDataString(key)}/edit");
        await new RecordFormPage(a).WaitForInteractiveAsync();
        await PasteAsync(a, "Text", "We must never reward the aggressor");
        await a.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(a).ToHaveURLAsync(new Regex("/statements/[^/]+$"));
        await Expect(statement.CheckLine).ToContainTextAsync("Unverified");

        // B disputes it with a reason: the statement page and its history say so.
        await review.OpenAsync("?actor=mike-pompeo");
        await review.DisputeAsync(key, "Wrong words", "The report goes on: “— never”.");
        await Expect(review.Status).ToHaveTextAsync("Disputed 1 statement.");
        await statement.OpenAsync(key);
        await Expect(statement.CheckLine).ToContainTextAsync("Disputed by Bea Checker");
        await Expect(statement.CheckLine).ToContainTextAsync("Wrong words (The report goes on: “— never”.)");
        await Expect(statement.History.GetByTestId("history-entry").First).ToContainTextAsync("Disputed");
        await Expect(statement.History).ToContainTextAsync("wrong-words");
        await BrowserFixture.ScreenshotAsync(a, "statement-disputed");
        await AssertAccessibleAsync(b, "the review queue after a dispute");
    }
}
