using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeaceTalks.Web.Components.Pages.Review;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Records;
using PeaceTalks.Web.Tests.Infrastructure;

namespace PeaceTalks.Web.Tests.Components;

/// <summary>/review and /review/verbatim: the words beside the stored report, the four-eyes rule on the page, checks by click.</summary>
public sealed class ReviewPageTests : ComponentTest
{
    private const string Report = "Kremlin aide Yuri Ushakov called the talks “constructive” but said “a compromise\u00A0option   was not found” yet.";

    private async Task<ClaimsPrincipal> SignInAsync(string role)
    {
        var principal = await Database.SignInAsAsync(role);
        Authorization.SetAuthorized(principal.Identity!.Name!);
        Authorization.SetRoles(role);
        Authorization.SetClaims([.. principal.Claims.Where(c => c.Type is ClaimTypes.NameIdentifier || c.Type == new IdentityOptions().ClaimsIdentity.SecurityStampClaimType)]);
        return principal;
    }

    private async Task StoreReportAsync(string sourceKey, string text)
    {
        await using var db = Database.CreateContext();
        var source = await db.Sources.SingleAsync(s => s.Key == sourceKey);
        db.SourceTexts.Add(new SourceText { SourceId = source.Id, Text = text });
        await db.SaveChangesAsync();
    }

    private static IElement Item(IRenderedComponent<ReviewPage> page, string key) => page.Find($"[data-testid=review-item][data-key='{key}']");

    [Fact]
    public async Task EachItemShowsTheQuoteFoundInTheStoredReportOrSaysWhyNot()
    {
        await StoreReportAsync("pompeo-warns-2025-12-03", Report);
        await SignInAsync(AppRoles.Editor);

        var page = RenderAt<ReviewPage>("/review?actor=yuri-ushakov");

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=review-item]").Count));
        Assert.Equal("constructive", Item(page, "ushakov-constructive").QuerySelector("mark")!.TextContent);
        // Found across a no-break space and a run of spaces, shown as the report prints it.
        Assert.Equal("a compromise\u00A0option   was not found", Item(page, "ushakov-no-compromise").QuerySelector("mark")!.TextContent);
        // A paraphrase is not looked for word for word: the report is shown to compare its sense with.
        Assert.NotNull(Item(page, "ushakov-disagreements-remain").QuerySelector("[data-testid=paraphrase-note]"));
        Assert.StartsWith("Kremlin aide Yuri Ushakov", Item(page, "ushakov-disagreements-remain").QuerySelector("[data-testid=report-start]")!.TextContent);
        Assert.Empty(page.FindAll("[data-testid=review-problem]"));
        Assert.Contains("3 of 3 statements awaiting a check", page.Find("[data-testid=review-count]").TextContent);
    }

    [Fact]
    public async Task WithoutAStoredReportTheItemLinksToTheAddressAndVerifyingTakesItOffTheList()
    {
        var user = await SignInAsync(AppRoles.Editor);
        await using (var setup = Database.CreateContext())
        {
            var source = await setup.Sources.SingleAsync(s => s.Key == "pompeo-warns-2025-12-03");
            source.Url = "https://example.org/pompeo-warns";
            await setup.SaveChangesAsync();
        }
        var page = RenderAt<ReviewPage>("/review?actor=yuri-ushakov");
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=review-item]").Count));
        var noText = Item(page, "ushakov-constructive").QuerySelector("[data-testid=no-source-text]")!;
        Assert.Contains("No source text stored", noText.TextContent);
        Assert.Equal("https://example.org/pompeo-warns", noText.QuerySelector("a")!.GetAttribute("href"));

        await Item(page, "ushakov-constructive").QuerySelector("[data-testid=verify]")!.ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=review-item]").Count));
        Assert.Contains("Verified 1 statement", page.Find("[data-testid=review-status]").TextContent);
        Assert.Contains("2 of 2 statements", page.Find("[data-testid=review-count]").TextContent);
        await using var db = Database.CreateContext();
        var statement = await db.Statements.SingleAsync(s => s.Key == "ushakov-constructive");
        Assert.Equal((VerificationState.Verified, user.FindFirstValue(ClaimTypes.NameIdentifier)), (statement.Verification, statement.CheckedById));
    }

    [Fact]
    public async Task TheAuthorOfAChangeSeesWhyTheyCannotVerifyIt()
    {
        var user = await SignInAsync(AppRoles.Editor);
        var edits = new RecordEditService(Database.Factory, new EditorAccess(new TestAuthenticationStateProvider(user), Database.Get<IServiceScopeFactory>()));
        var stored = (await edits.LoadAsync(RecordTypes.Statements, "ushakov-constructive"))!;
        Assert.IsType<SaveResult.Saved>(await edits.SaveAsync(RecordTypes.Statements, "ushakov-constructive",
            new Dictionary<string, string?>(stored.Values) { ["text"] = "very constructive" }, stored.Version, null));

        var page = RenderAt<ReviewPage>("/review?actor=yuri-ushakov");

        page.WaitForAssertion(() => Assert.NotNull(Item(page, "ushakov-constructive").QuerySelector("[data-testid=four-eyes]")));
        Assert.Contains("another editor verifies it (four eyes)", Item(page, "ushakov-constructive").TextContent);
        Assert.True(Item(page, "ushakov-constructive").QuerySelector("[data-testid=verify]")!.HasAttribute("disabled"));
        Assert.Null(Item(page, "ushakov-no-compromise").QuerySelector("[data-testid=four-eyes]"));
    }

    [Fact]
    public async Task ADisputeWithAReasonMovesTheItemToTheDisputedList()
    {
        await SignInAsync(AppRoles.Admin);
        var page = RenderAt<ReviewPage>("/review?actor=yuri-ushakov");
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=review-item]").Count));

        await Item(page, "ushakov-no-compromise").QuerySelector("[data-testid=dispute]")!.ClickAsync(new());
        Item(page, "ushakov-no-compromise").QuerySelector("[data-testid=dispute-reason]")!.Change(nameof(DisputeReason.WrongSpeaker));
        Item(page, "ushakov-no-compromise").QuerySelector("[data-testid=dispute-note]")!.Change("Peskov said it.");
        await Item(page, "ushakov-no-compromise").QuerySelector("[data-testid=dispute-confirm]")!.ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=review-item]").Count));
        var disputed = RenderAt<ReviewPage>("/review?actor=yuri-ushakov&state=disputed");
        disputed.WaitForAssertion(() => Assert.Contains("Wrong speaker — Peskov said it.", disputed.Find("[data-testid=dispute-line]").TextContent));
    }

    [Fact]
    public async Task TheVerbatimReportListsTheQuotesNotInTheirStoredReport()
    {
        await StoreReportAsync("pompeo-warns-2025-12-03", "A report that quotes nobody.");
        await SignInAsync(AppRoles.Editor);

        var page = RenderAt<VerbatimReportPage>("/review/verbatim");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=verbatim-failure]")));
        Assert.Contains(page.FindAll("[data-testid=verbatim-failure]"), row => row.GetAttribute("data-key") == "ushakov-constructive");
        Assert.Contains("0 found", page.Find("[data-testid=verbatim-summary]").TextContent);
    }
}
