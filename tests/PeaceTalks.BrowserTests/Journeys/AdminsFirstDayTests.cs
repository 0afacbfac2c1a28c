using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using PeaceTalks.Web.Models;
using static Microsoft.Playwright.Assertions;
using static PeaceTalks.BrowserTests.Journeys.Person;

namespace PeaceTalks.BrowserTests.Journeys;

/// <summary>
/// An admin's first day: adds a colleague and sees it in the history (which readers do not); an editor who strays onto
/// the users page is told it is for admins; a one-row file is imported with the words in the singular; an item's edit
/// page is named for the item; a retracted statement's citation says it was retracted.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminsFirstDayTests(BrowserFixture fixture)
{
    [Fact]
    [Trait("Category", "Journey")]
    public async Task AccountsImportEditingAndRetractionAsAnAdminMeetsThem()
    {
        await using var app = new AppServer();
        app.Start();
        await app.CreateUserAsync("ada.admin@example.org", "Ada Admin", AppRoles.Admin);
        await app.CreateUserAsync("ed.editor@example.org", "Ed Editor", AppRoles.Editor);
        var admin = await fixture.NewPageAsync(app.BaseUrl);
        await new SignInPage(admin).SignInAsync("ada.admin@example.org", AppServer.Password, "/admin/users");

        // A colleague added; the history shows it to the admin, with the email and the role.
        var users = new UsersPage(admin);
        await users.WaitForInteractiveAsync();
        await users.AddAsync("rita.reader@example.org", "Rita Reader", "Reader");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Changes", Exact = true }).ClickAsync();
        await Expect(admin.GetByText("rita.reader@example.org").First).ToBeVisibleAsync();

        // An editor on the users page is told what the page is for, and by whom it can be used.
        var editor = await fixture.AnotherPageAsync(app.BaseUrl);
        await new SignInPage(editor).SignInAsync("ed.editor@example.org", AppServer.Password);
        await editor.GotoAsync("/admin/users");
        await Expect(editor.GetByTestId("access-denied")).ToContainTextAsync("You are signed in as Ed Editor (Editor). This page is for admins:");
        await AssertAccessibleAsync(editor, "access denied");
        // …and does not see account administration in the history.
        await editor.GotoAsync("/changes");
        await Expect(editor.GetByTestId("changes-count")).ToBeVisibleAsync();
        await Expect(editor.GetByText("rita.reader@example.org")).ToHaveCountAsync(0);

        // A file of one row: "1 data row", "Import 1 row".
        var file = Path.Combine(Directory.CreateTempSubdirectory("peacetalks-import-").FullName, "issues.csv");
        await File.WriteAllTextAsync(file, "slug,name,description\r\nprisoner-exchanges,Prisoner exchanges,Whether and how prisoners of war are exchanged.\r\n");
        var import = new ImportPage(admin);
        await import.OpenAsync();
        await import.ChooseFileAsync(file);
        await Expect(admin.GetByTestId("import-report")).ToContainTextAsync("· 1 data row");
        await Expect(admin.GetByTestId("import-report")).Not.ToContainTextAsync("data rows");
        var importButton = admin.GetByRole(AriaRole.Button, new() { Name = "Import 1 row" });
        await Expect(importButton).ToBeVisibleAsync();
        await importButton.ClickAsync();
        await Expect(admin.GetByTestId("import-report")).ToContainTextAsync("Imported");
        File.Delete(file);

        // An item's edit page is named for the item, not its key.
        var form = new RecordFormPage(admin);
        await form.OpenAsync("/actors/yuri-ushakov/edit");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Edit actor: Yuri Ushakov");
        await Expect(admin).ToHaveTitleAsync(new Regex("Edit actor: Yuri Ushakov"));

        // A retracted statement still has its page; its citation says it was retracted.
        await form.OpenAsync("/statements/ushakov-constructive/edit");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Retract…" }).ClickAsync();
        await admin.GetByLabel("Reason (required)").FillAsync("Misattributed: the words were Peskov's");
        await admin.GetByTestId("confirm-retract").ClickAsync();
        await Expect(admin.GetByTestId("retracted-notice")).ToBeVisibleAsync();
        await admin.GotoAsync("/statements/ushakov-constructive");
        await new HomePage(admin).WaitForInteractiveAsync();
        await Expect(admin.GetByTestId("cite-retracted")).ToContainTextAsync("The editors retracted this statement (Misattributed: the words were Peskov's)");
        await Expect(admin.GetByTestId("citation")).ToContainTextAsync("Retracted by the PeaceTalks editors: Misattributed: the words were Peskov's");
        await AssertAccessibleAsync(admin, "a retracted statement");
        await BrowserFixture.ScreenshotAsync(admin, "journey-admin-retracted-statement");
    }
}
