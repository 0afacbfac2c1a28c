using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests;

/// <summary>Accounts are private: an email, a role change or a lock is in the history for admins only.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountPrivacyTests(BrowserFixture fixture)
{
    private const string AdminEmail = "privacy.admin@example.org";
    private const string ReaderEmail = "privacy.reader@example.org";
    private const string NewcomerEmail = "privacy.newcomer@example.org";

    [Fact]
    public async Task NoPageOrExportShowsAnyStoredEmailToAnAnonymousVisitorOrAReaderWhileAdminsSeeAccountAdministration()
    {
        await fixture.App.CreateUserAsync(AdminEmail, "Privacy Admin", AppRoles.Admin);
        await fixture.App.CreateUserAsync(ReaderEmail, "Privacy Reader", AppRoles.Reader);
        // An admin adds an account on /admin/users: the history gets an entry keyed by the email, with the role.
        var admin = await fixture.NewPageAsync();
        await new SignInPage(admin).SignInAsync(AdminEmail, AppServer.Password, "/admin/users");
        await new UsersPage(admin).AddAsync(NewcomerEmail, "Privacy Newcomer", "Editor");

        // The admin sees it, on the page and in the export.
        await admin.GotoAsync("/changes?entity=user");
        await Expect(admin.GetByText(NewcomerEmail).First).ToBeVisibleAsync();
        var adminExport = await (await admin.Context.APIRequest.GetAsync("/export/changes.csv")).TextAsync();
        Assert.Contains($"{NewcomerEmail},create,role,,Editor", adminExport);

        var (emails, paths) = await EmailsAndPathsAsync();
        var anonymous = await fixture.AnotherPageAsync(fixture.App.BaseUrl);
        var reader = await fixture.AnotherPageAsync(fixture.App.BaseUrl);
        await new SignInPage(reader).SignInAsync(ReaderEmail, AppServer.Password);

        foreach (var (who, page) in new[] { ("an anonymous visitor", anonymous), ("a reader", reader) })
        {
            foreach (var path in paths)
            {
                var response = await page.Context.APIRequest.GetAsync(path, new() { MaxRedirects = 5 });
                var body = await response.TextAsync();
                Assert.True(response.Status < 500, $"{path} answered {response.Status} to {who}");
                foreach (var email in emails)
                {
                    Assert.False(body.Contains(email, StringComparison.OrdinalIgnoreCase), $"{path} shows {email} to {who}");
                }
                if (path.StartsWith("/export/changes.csv", StringComparison.Ordinal))
                {
                    // No row of the kind "user" (account administration) after the header.
                    Assert.DoesNotMatch(@"(?m)^\d+,[^,\r\n]*,(""[^""]*""|[^,\r\n]*),user,", body);
                }
            }
        }

        // Asking for account administration by address is refused by the server, and said so.
        await reader.GotoAsync("/changes?entity=user");
        await Expect(reader.GetByText("'user' is not a kind of item")).ToBeVisibleAsync();
    }

    /// <summary>Every stored email address, and every page, export and API address of the app (one item of each kind).</summary>
    private async Task<(List<string> Emails, List<string> Paths)> EmailsAndPathsAsync()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<PeaceTalksDbContext>>().CreateDbContextAsync();
        var emails = await db.Users.Select(u => u.Email!).ToListAsync();
        Assert.Contains(NewcomerEmail, emails);
        var statement = await db.Statements.OrderBy(s => s.Key).Select(s => s.Key).FirstAsync();
        var actor = await db.Actors.OrderBy(a => a.Slug).Select(a => a.Slug).FirstAsync();
        var meeting = await db.Meetings.OrderBy(m => m.Slug).Select(m => m.Slug).FirstAsync();
        var issue = await db.Issues.OrderBy(i => i.Slug).Select(i => i.Slug).FirstAsync();
        var users = await db.AuditEntries.Select(e => e.UserName).Distinct().ToListAsync();
        List<string> paths =
        [
            "/", "/timeline", "/stances", "/actors", "/meetings", "/issues", "/changes", "/changes?entity=user",
            $"/statements/{statement}", $"/actors/{actor}", $"/meetings/{meeting}", $"/issues/{issue}",
            "/admin/users", "/import", "/intake", "/statements/new", $"/statements/{statement}/edit", "/setup", "/account/login",
            "/feeds/statements.atom", "/api/docs", "/openapi/v1.json", $"/api/v1/statements/{statement}",
            .. users.Select(u => "/changes?user=" + Uri.EscapeDataString(u)),
            .. users.Select(u => "/export/changes.csv?user=" + Uri.EscapeDataString(u)),
            .. new[] { "stances", "positions", "statements", "meetings", "actors", "issues", "sources", "changes" }
                .Select(t => $"/export/{t}.csv?retracted=include"),
            "/export/changes.csv?entity=user",
            .. new[] { "statements", "actors", "issues", "sources", "meetings", "positions", "stances" }.Select(t => $"/api/v1/{t}"),
        ];
        return (emails, paths);
    }
}
