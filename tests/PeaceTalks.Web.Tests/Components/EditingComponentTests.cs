using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PeaceTalks.Web.Components.Pages.Editing;
using PeaceTalks.Web.Components.Pages.Timeline;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Tests.Infrastructure;

namespace PeaceTalks.Web.Tests.Components;

public sealed class EditingComponentTests : ComponentTest
{
    /// <summary>Signs the rendered pages in as a real account of the test database, with the claims a sign-in cookie carries.</summary>
    private async Task SignInAsync(string role)
    {
        var principal = await Database.SignInAsAsync(role);
        Authorization.SetAuthorized(principal.Identity!.Name!);
        Authorization.SetRoles(role);
        Authorization.SetClaims([.. principal.Claims.Where(c => c.Type is ClaimTypes.NameIdentifier || c.Type == new IdentityOptions().ClaimsIdentity.SecurityStampClaimType)]);
    }

    [Fact]
    public async Task TheStatementFormShowsTheCsvRulesMessageUnderEachWrongField()
    {
        await SignInAsync(AppRoles.Editor);
        var page = RenderAt<RecordEditPage>("/statements/new?actor=mike-pompeo");
        page.WaitForElement("#field-text");

        page.Find("#field-text").Input("Words.");
        page.Find("#field-date").Change("2025-13-45");
        page.Find("#field-original-language").Input("Russian");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() =>
        {
            Assert.Equal("'2025-13-45' is not a date (expected YYYY-MM-DD)", ErrorUnder(page, "date"));
            Assert.Equal("'Russian' is not a language code (e.g. 'ru', 'uk', 'en-GB')", ErrorUnder(page, "original_language"));
            Assert.Equal("Is required but empty", ErrorUnder(page, "source"));
        });
        Assert.Contains("Not saved: 3 fields need attention", page.Find("[data-testid=form-errors]").TextContent);
        Assert.Null(ErrorUnder(page, "text"));
    }

    private static string? ErrorUnder(IRenderedComponent<RecordEditPage> page, string field) =>
        page.FindAll($"[data-field={field}] .mud-input-helper-text.mud-input-error").FirstOrDefault()?.TextContent.Trim();

    [Fact]
    public void AnonymousReadersSeeNoEditOrAddControls()
    {
        var page = RenderAt<TimelinePage>("/timeline");

        page.WaitForAssertion(() => Assert.Equal(12, page.FindAll(".statement-card").Count));
        Assert.Empty(page.FindAll("[data-testid=edit-statement]"));
        Assert.Empty(page.FindAll("[data-testid=add-statement]"));
    }

    [Fact]
    public async Task ReadersSeeNoEditOrAddControlsButEditorsDo()
    {
        await SignInAsync(AppRoles.Reader);
        var reader = RenderAt<TimelinePage>("/timeline?actor=yuri-ushakov");
        reader.WaitForAssertion(() => Assert.Equal(3, reader.FindAll(".statement-card").Count));
        Assert.Empty(reader.FindAll("[data-testid=edit-statement]"));

        Authorization.SetRoles(AppRoles.Editor);
        var editor = RenderAt<TimelinePage>("/timeline?actor=yuri-ushakov");
        editor.WaitForAssertion(() => Assert.Equal(3, editor.FindAll("[data-testid=edit-statement]").Count));
        Assert.Equal("/statements/new?actor=yuri-ushakov", editor.Find("[data-testid=add-statement]").GetAttribute("href"));
        Assert.Contains(editor.FindAll("[data-testid=edit-statement]"), a => a.GetAttribute("href") == "/statements/ushakov-constructive/edit");
    }
}
