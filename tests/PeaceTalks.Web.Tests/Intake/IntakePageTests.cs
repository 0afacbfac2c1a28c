using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Identity;
using PeaceTalks.Web.Components.Intake;
using PeaceTalks.Web.Components.Pages.Intake;
using PeaceTalks.Web.Intake;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Tests.Infrastructure;

namespace PeaceTalks.Web.Tests.Intake;

/// <summary>The intake page and its candidate editor, rendered over the app's services.</summary>
public sealed class IntakePageTests : ComponentTest
{
    private async Task SignInAsync(string role)
    {
        var principal = await Database.SignInAsAsync(role);
        Authorization.SetAuthorized(principal.Identity!.Name!);
        Authorization.SetRoles(role);
        Authorization.SetClaims([.. principal.Claims.Where(c => c.Type is ClaimTypes.NameIdentifier || c.Type == new IdentityOptions().ClaimsIdentity.SecurityStampClaimType)]);
    }

    [Fact]
    public async Task WhenNoAddressCanBeFetchedOnlyTheReasonsAreShownBesideTheFetchButton()
    {
        await SignInAsync(AppRoles.Editor);
        var page = RenderAt<IntakePage>("/intake");
        var addresses = page.Find("[data-testid=article-addresses]");
        (addresses.TagName == "TEXTAREA" ? addresses : addresses.QuerySelector("textarea")!).Change("gopher://example.org/a\nnothing like an address\nhttps://someone:secret@example.org/");

        await page.Find("button[data-testid=fetch]").ClickAsync(new());

        page.WaitForAssertion(() =>
        {
            Assert.Equal(3, page.FindAll("[data-testid=fetch-problems] li").Count);
            Assert.Empty(page.FindAll("[data-testid=queue]"));
            Assert.Empty(page.FindAll("[data-testid=next-report]"));
            Assert.DoesNotContain("Fetched 0", page.Markup, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void TheSpeakerIsATypedSearchThatPicksWithTheKeyboard()
    {
        var actors = new List<ActorOption>
        {
            new("vladimir-putin", "Vladimir Putin", "Russia", "President of Russia"),
            new("steve-witkoff", "Steve Witkoff", "United States", "US special envoy"),
            new("sergey-lavrov", "Sergey Lavrov", "Russia", "Foreign minister"),
        };
        var draft = new IntakeDraft
        {
            Candidate = new Candidate(0, 5, "Words", TextKind.Quote, SpeakerGuess.Unknown, new DateGuess(null, DatePrecision.Day, DateBasis.OnOrBefore, "not said"), "Words", []),
            Text = "Words",
        };
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var editor = Render<IntakeCandidateEditor>(p => p.Add(x => x.Draft, draft).Add(x => x.Index, 0).Add(x => x.Actors, actors)
            .Add(x => x.Issues, []).Add(x => x.Points, []).Add(x => x.Meetings, []).Add(x => x.Problems, []));

        var input = editor.Find("#candidate-0-speaker");
        input.Input("Stev");
        editor.WaitForAssertion(() =>
        {
            var offered = popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim()).ToList();
            Assert.Equal(["Steve Witkoff"], offered);
        });
        editor.Find("#candidate-0-speaker").KeyUp(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter", Code = "Enter" });

        editor.WaitForAssertion(() => Assert.Equal("steve-witkoff", draft.ActorSlug));
    }
}
