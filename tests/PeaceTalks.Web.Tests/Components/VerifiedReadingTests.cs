using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeaceTalks.Web.Accounts;
using PeaceTalks.Web.Components.Pages.Meetings;
using PeaceTalks.Web.Components.Pages.Statements;
using PeaceTalks.Web.Components.Pages.Timeline;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Tests.Infrastructure;

namespace PeaceTalks.Web.Tests.Components;

/// <summary>
/// Readers and the check against the source on the pages: the badge on every card, ?verified=only, and the
/// installation's publishing choice (Access:PublishUnverified) for anonymous readers and for editors.
/// </summary>
public sealed class VerifiedReadingTests : ComponentTest
{
    private const string Checked = "ushakov-constructive";
    private const string Meeting = "moscow-talks-2025-12-02";

    private async Task VerifyAsync()
    {
        await using var db = Database.CreateContext();
        var statement = await db.Statements.SingleAsync(s => s.Key == Checked);
        statement.Verification = VerificationState.Verified;
        statement.CheckedBy = "Anna Keller";
        statement.CheckedAt = new DateTime(2025, 12, 4, 9, 0, 0, DateTimeKind.Utc);
        await db.SaveChangesAsync();
    }

    /// <summary>The setting as the pages read it (the services are built by then, so the options are set, not registered).</summary>
    private void Publish(bool unverified) =>
        Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<AccessOptions>>().CurrentValue.PublishUnverified = unverified;

    private void SignInAs(string role)
    {
        Authorization.SetAuthorized("someone");
        Authorization.SetRoles(role);
    }

    [Fact]
    public async Task EveryCardSaysWhetherItWasCheckedAndVerifiedOnlyKeepsTheCheckedOnes()
    {
        await VerifyAsync();

        var page = RenderAt<TimelinePage>("/timeline");
        page.WaitForAssertion(() => Assert.Equal(14, page.FindAll("[data-testid=verification-badge]").Count));
        Assert.Equal(13, page.FindAll("[data-testid=verification-badge][data-state=unverified]").Count);
        Assert.Equal("Verified by Anna Keller on 4 Dec 2025", page.Find("[data-testid=verification-badge][data-state=verified]").TextContent.Trim());

        var only = RenderAt<TimelinePage>("/timeline?verified=only");
        only.WaitForAssertion(() => Assert.Equal("Showing 1 of 1 statement and 0 of 0 meetings (filtered from 12 and 2)",
            only.Find("[data-testid=timeline-count]").TextContent));
        Assert.Equal(["verified"], only.FindAll("[data-testid=verification-badge]").Select(b => b.GetAttribute("data-state")));
        Assert.Equal("/export/statements.csv?verified=only", only.Find("[data-testid=export-csv]").GetAttribute("href"));
        Assert.Equal("/feeds/statements.atom?verified=only", only.Find("[data-testid=follow-feed]").GetAttribute("href"));
    }

    [Fact]
    public void TheFilterPanelOffersVerifiedOnlyWithALabelAndSaysSoWhenClosed()
    {
        var page = RenderAt<TimelinePage>("/timeline?verified=only");
        page.WaitForElement("[data-testid=timeline-count]");

        Assert.Equal("verified only", page.Find("[data-testid=filter-summary]").TextContent);
        Assert.Contains("(1 active)", page.Find("[data-testid=filter-toggle]").TextContent);
        page.Find("[data-testid=filter-toggle]").Click();
        page.WaitForElement("#filter-verified", TimeSpan.FromSeconds(5));
        Assert.Contains("Checked against the source", page.Find(".filter-panel").TextContent);
    }

    [Fact]
    public async Task WithUnverifiedItemsUnpublishedAnAnonymousReaderSeesTheVerifiedOnesAndTheAddressStaysClean()
    {
        Publish(unverified: false);
        await VerifyAsync();

        var page = RenderAt<TimelinePage>("/timeline");

        page.WaitForAssertion(() => Assert.Equal("Showing 1 of 1 statement and 0 of 0 meetings", page.Find("[data-testid=timeline-count]").TextContent));
        Assert.Equal([Checked], page.FindAll(".statement-card a.statement-link").Select(a => a.GetAttribute("href")!.Split('/')[^1]));
        Assert.Empty(page.FindAll("[data-testid=clear-filters]"));
        Assert.Equal("/export/statements.csv", page.Find("[data-testid=export-csv]").GetAttribute("href"));
    }

    [Theory]
    [InlineData(AppRoles.Reader, 1)]
    [InlineData(AppRoles.Editor, 14)]
    [InlineData(AppRoles.Admin, 14)]
    public async Task WithUnverifiedItemsUnpublishedEditorsStillSeeEverythingWithBadges(string role, int cards)
    {
        Publish(unverified: false);
        await VerifyAsync();
        SignInAs(role);

        var page = RenderAt<TimelinePage>("/timeline");

        page.WaitForAssertion(() => Assert.Equal(cards, page.FindAll("[data-testid=verification-badge]").Count));
    }

    [Fact]
    public async Task WithUnverifiedItemsPublishedAnAnonymousReaderSeesThemWithTheirBadge()
    {
        Publish(unverified: true);
        await VerifyAsync();

        var page = RenderAt<TimelinePage>("/timeline");

        page.WaitForAssertion(() => Assert.Equal("Showing 12 of 12 statements and 2 of 2 meetings", page.Find("[data-testid=timeline-count]").TextContent));
        Assert.Equal(13, page.FindAll("[data-testid=verification-badge][data-state=unverified]").Count);
    }

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(false, null, false)]
    [InlineData(false, AppRoles.Editor, true)]
    public void AnUnverifiedStatementsPageIsThereOnlyForWhoMaySeeIt(bool published, string? role, bool shown)
    {
        Publish(published);
        if (role is not null)
        {
            SignInAs(role);
        }
        var navigation = Services.GetRequiredService<NavigationManager>();
        var notFound = false;
        navigation.OnNotFound += (_, _) => notFound = true;

        var page = RenderAt<StatementPage>("/statements/ushakov-disagreements-remain", p => p.Add(s => s.Key, "ushakov-disagreements-remain"));

        if (shown)
        {
            page.WaitForAssertion(() => Assert.Equal("Unverified", page.Find(".statement-card [data-testid=verification-badge]").TextContent.Trim()));
            Assert.Contains("Unverified: not yet checked against its source by a second editor.", page.Find("[data-testid=citation]").TextContent);
        }
        else
        {
            page.WaitForAssertion(() => Assert.True(notFound));
            Assert.Empty(page.FindAll(".statement-card"));
        }
    }

    [Fact]
    public async Task AVerifiedStatementsPageSaysWhoCheckedItAndTheCitationDoesNotSayUnverified()
    {
        Publish(unverified: false);
        await VerifyAsync();

        var page = RenderAt<StatementPage>($"/statements/{Checked}", p => p.Add(s => s.Key, Checked));

        page.WaitForAssertion(() => Assert.Equal("Verified by Anna Keller on 4 Dec 2025", page.Find(".statement-card [data-testid=verification-badge]").TextContent.Trim()));
        Assert.DoesNotContain("nverified", page.Find("[data-testid=citation]").TextContent);
    }

    [Fact]
    public void TheMeetingPageShowsTheMeetingsCheck()
    {
        var page = RenderAt<MeetingPage>($"/meetings/{Meeting}", p => p.Add(m => m.Slug, Meeting));

        page.WaitForAssertion(() => Assert.Equal("Unverified", page.Find(".meeting-facts [data-testid=verification-badge]").TextContent.Trim()));
    }
}
