using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using PeaceTalks.Web.Models;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests;

/// <summary>Custody of the record: setup, accounts, roles, editing with history, retraction, conflicts, private installs.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CustodyTests(BrowserFixture fixture)
{
    [Fact]
    [Trait("Category", "Postgres")]
    public async Task OnAFreshInstallTheSetupCodeMakesTheFirstAdminWhoAddsAnEditorWhoChoosesTheirOwnPassword()
    {
        await using var app = new AppServer();
        app.Start();
        var code = Regex.Match(string.Join("\n", app.Log), @"setup code to create the first admin account: ([A-Z0-9-]+)").Groups[1].Value;
        Assert.NotEmpty(code);
        var page = await fixture.NewPageAsync(app.BaseUrl);

        // A wrong code is refused, and nothing is created.
        await page.GotoAsync("/setup");
        await FillSetupAsync(page, "AAAA-BBBB-CCCC-DDDD");
        await Expect(page.GetByTestId("setup-errors")).ToContainTextAsync("That is not the setup code");

        await FillSetupAsync(page, code);
        await Expect(page).ToHaveURLAsync(new Regex("/admin/users$"));
        await new UsersPage(page).WaitForInteractiveAsync();
        await Expect(page.GetByTestId("user-name")).ToHaveTextAsync("Ada Admin");
        await BrowserFixture.ScreenshotAsync(page, "setup-done-users");

        var users = new UsersPage(page);
        await users.AddAsync("eve@example.org", "Eve Editor", "Editor");
        var oneTime = await users.OneTimePassword.TextContentAsync();
        Assert.Equal(16, oneTime!.Length);
        await Expect(users.Row("eve@example.org")).ToContainTextAsync("Has a one-time password");
        await BrowserFixture.ScreenshotAsync(page, "users-one-time-password");

        // Setup is closed once an admin exists.
        var closed = await page.APIRequest.GetAsync("/setup");
        Assert.Equal(404, closed.Status);
        Assert.DoesNotContain("setup-code", await closed.TextAsync());

        await new SignInPage(page).SignOutAsync();
        var signIn = new SignInPage(page);
        await page.GotoAsync("/account/login");
        await signIn.TrySignInAsync("eve@example.org", oneTime);
        await Expect(page).ToHaveURLAsync(new Regex("/account/change-password"));
        await page.Locator("#old-password").FillAsync(oneTime);
        await page.Locator("#new-password").FillAsync("eve's own long password");
        await page.Locator("#confirm-password").FillAsync("eve's own long password");
        await page.GetByTestId("change-password-submit").ClickAsync();
        await Expect(page.GetByTestId("user-name")).ToHaveTextAsync("Eve Editor");
        await Expect(page).Not.ToHaveURLAsync(new Regex("change-password"));
    }

    private static async Task FillSetupAsync(IPage page, string code)
    {
        await page.Locator("#setup-code").FillAsync(code);
        await page.Locator("#setup-name").FillAsync("Ada Admin");
        await page.Locator("#setup-email").FillAsync("ada@example.org");
        await page.Locator("#setup-password").FillAsync("correct horse battery staple");
        await page.Locator("#setup-confirm").FillAsync("correct horse battery staple");
        await page.GetByTestId("setup-submit").ClickAsync();
    }

    [Fact]
    [Trait("Category", "Postgres")]
    public async Task AnEditorAddsAStatementFromAnActorsPageSeesItEverywhereThenCorrectsItAndSeesTheHistory()
    {
        await using var app = new AppServer();
        app.Start();
        var page = await fixture.NewSignedInPageAsync(app, AppRoles.Editor);
        await page.GotoAsync("/actors/volodymyr-zelensky");
        var actor = new ActorPage(page);
        await actor.WaitForInteractiveAsync();

        await page.GetByTestId("add-statement").ClickAsync();
        var form = new RecordFormPage(page);
        await Expect(page).ToHaveURLAsync(new Regex("/statements/new\\?actor=volodymyr-zelensky$"));
        await Expect(form.Field("actor")).ToHaveValueAsync("Volodymyr Zelensky · Ukraine");
        await form.FillAsync("text", "We will not trade our land for a pause.");
        await form.FillAsync("date", "2025-12-04");
        await form.PickAsync("source", "Pompeo", "Pompeo Warns Against Russian Victory");
        await BrowserFixture.ScreenshotAsync(page, "form-add-statement-desktop");
        await form.SaveAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/statements/volodymyr-zelensky-2025-12-04-we-will-not-trade-our-land$"));
        await Expect(page.Locator("blockquote")).ToHaveTextAsync("“We will not trade our land for a pause.”");

        var timeline = new TimelinePage(page);
        await timeline.OpenAsync("?actor=volodymyr-zelensky");
        await Expect(timeline.StatementCards.First).ToContainTextAsync("We will not trade our land for a pause.");
        var export = await (await page.APIRequest.GetAsync("/export/statements.csv?actor=volodymyr-zelensky")).TextAsync();
        Assert.Contains("volodymyr-zelensky-2025-12-04-we-will-not-trade-our-land,volodymyr-zelensky,Volodymyr Zelensky,2025-12-04,day,on,quote,We will not trade our land for a pause.", export);

        // Correct it: the change shows in its history with the old and new wording and the note.
        await timeline.StatementCards.First.GetByTestId("edit-statement").ClickAsync();
        await Expect(form.Field("key")).ToBeDisabledAsync();
        await form.FillAsync("text", "We will not trade our land for a pause in the fighting.");
        await page.Locator("#field-note").FillAsync("Full sentence from the transcript");
        await form.SaveAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/statements/volodymyr-zelensky-2025-12-04-we-will-not-trade-our-land$"));
        var history = page.GetByTestId("history-entry");
        await Expect(history).ToHaveCountAsync(2);
        await Expect(history.First).ToContainTextAsync("Changed");
        await Expect(history.First).ToContainTextAsync("Test Editor");
        await Expect(history.First).ToContainTextAsync("Note: Full sentence from the transcript");
        await Expect(history.First.Locator("tbody tr")).ToHaveTextAsync(
            [new Regex("^text\\s*We will not trade our land for a pause\\.\\s*We will not trade our land for a pause in the fighting\\.$")]);
        await BrowserFixture.ScreenshotAsync(page, "statement-history");

        var changes = new TimelinePage(page);
        await page.GotoAsync("/changes?user=Test%20Editor");
        await changes.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("changes-count")).ToHaveTextAsync("2 changes");
    }

    [Fact]
    public async Task TheFormShowsTheImportersMessageUnderEachWrongFieldAndWritesNothing()
    {
        var page = await fixture.NewSignedInPageAsync(AppRoles.Editor, 390, 844);
        var form = new RecordFormPage(page);
        await form.OpenAsync("/sources/new");

        await form.FillAsync("title", "A report");
        await form.FillAsync("url", "javascript:alert(1)");
        await form.FillAsync("published_on", "2025-12-04");
        await form.SaveAsync();

        await Expect(form.Errors).ToBeVisibleAsync();
        await Expect(form.FieldError("url")).ToHaveTextAsync("'javascript:alert(1)' is not an http:// or https:// address");
        await Expect(form.FieldError("published_precision")).ToContainTextAsync("Is required but empty (one of: day, month, year)");
        await BrowserFixture.ScreenshotAsync(page, "form-errors-phone");
        var sources = await (await page.APIRequest.GetAsync("/export/sources.csv")).TextAsync();
        Assert.DoesNotContain("A report", sources);
    }

    [Fact]
    public async Task AReaderSeesNoEditControlsAndIsRefusedAtImportAndAtAnEditUrl()
    {
        var page = await fixture.NewSignedInPageAsync(AppRoles.Reader);
        var timeline = new TimelinePage(page);
        await timeline.OpenAsync();
        await Expect(timeline.StatementCards).ToHaveCountAsync(12);
        await Expect(page.GetByTestId("edit-statement")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("add-statement")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Import CSV" })).ToHaveCountAsync(0);

        var import = await page.GotoAsync("/import");
        Assert.Equal(403, import!.Status);
        await Expect(page.GetByTestId("access-denied")).ToContainTextAsync("Test Reader (Reader)");
        var edit = await page.GotoAsync("/statements/ushakov-constructive/edit");
        Assert.Equal(403, edit!.Status);
        await Expect(page.GetByTestId("record-form")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "reader-refused");
    }

    [Fact]
    [Trait("Category", "Postgres")]
    public async Task WhenTwoEditorsChangeTheSameItemTheSecondMergesFieldByFieldAndChoosesWhereBothChangedOne()
    {
        await using var app = new AppServer();
        app.Start();
        await app.CreateUserAsync("second@peacetalks.test", "Second Editor", AppRoles.Editor);
        var first = await fixture.NewSignedInPageAsync(app, AppRoles.Editor);
        var second = await fixture.AnotherPageAsync(app.BaseUrl);
        await new SignInPage(second).SignInAsync("second@peacetalks.test", AppServer.Password);
        var path = "/actors/yuri-ushakov/edit";
        var mine = new RecordFormPage(first);
        var theirs = new RecordFormPage(second);
        await mine.OpenAsync(path);
        await theirs.OpenAsync(path);

        // They change the role and the other spellings; I change the name and the other spellings.
        await theirs.FillAsync("role", "Aide to the President (their edit)");
        await theirs.FillAsync("alternative_names", "Юрий Ушаков");
        await theirs.SaveAsync();
        await Expect(second).ToHaveURLAsync(new Regex("/actors/yuri-ushakov$"));
        await mine.FillAsync("name", "Yuri V. Ushakov");
        await mine.FillAsync("alternative_names", "Yury Ushakov");
        await mine.SaveAsync();

        await Expect(mine.Conflict).ToContainTextAsync("Changed by Second Editor at");
        await Expect(mine.Conflict).ToContainTextAsync("you both changed 1 field");
        var rows = mine.Conflict.GetByTestId("conflict-row");
        await Expect(rows.And(first.Locator("[data-outcome=mine]"))).ToContainTextAsync("Name");
        await Expect(rows.And(first.Locator("[data-outcome=theirs]"))).ToContainTextAsync("Role");
        await Expect(rows.And(first.Locator("[data-outcome=choose]"))).ToContainTextAsync("Other spellings");
        // Nothing is saved until the field both changed is chosen.
        var merge = first.GetByRole(AriaRole.Button, new() { Name = "Save the merged version" });
        await Expect(merge).ToBeDisabledAsync();
        await BrowserFixture.ScreenshotAsync(first, "form-conflict-desktop");
        await first.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(first, "form-conflict-phone");

        await first.GetByRole(AriaRole.Radio, new() { Name = "Keep theirs: Other spellings" }).CheckAsync();
        await merge.ClickAsync();

        await Expect(first).ToHaveURLAsync(new Regex("/actors/yuri-ushakov$"));
        var heading = first.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToHaveTextAsync("Yuri V. Ushakov");
        await Expect(first.GetByText("Aide to the President (their edit)").First).ToBeVisibleAsync();
        await Expect(first.GetByText("Юрий Ушаков").First).ToBeVisibleAsync();
        await Expect(first.GetByText("Yury Ushakov")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("PeaceTalks.Auth=tampered-or-expired")]
    [InlineData("PeaceTalks.Auth=CfDJ8" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task ATamperedOrExpiredSignInCookieMeansSignedOutNotAnError(string cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.App.BaseUrl) };
        foreach (var path in new[] { "/", "/timeline", "/export/statements.csv" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", cookie);

            using var response = await client.SendAsync(request);

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
        using var editRequest = new HttpRequestMessage(HttpMethod.Get, "/statements/ushakov-constructive/edit");
        editRequest.Headers.Add("Cookie", cookie);
        using var edit = await client.SendAsync(editRequest);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Contains("/account/login", edit.Headers.Location!.ToString());
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccount()
    {
        await fixture.App.CreateUserAsync("forgetful@peacetalks.test", "Forgetful Editor", AppRoles.Editor);
        var page = await fixture.NewPageAsync();
        var signIn = new SignInPage(page);
        await page.GotoAsync("/account/login");
        for (var i = 0; i < 5; i++)
        {
            await signIn.TrySignInAsync("forgetful@peacetalks.test", "not the password " + i);
            await Expect(signIn.Message).ToBeVisibleAsync();
        }

        await signIn.TrySignInAsync("forgetful@peacetalks.test", AppServer.Password);

        await Expect(signIn.Message).ToContainTextAsync("This account is locked");
        await Expect(page.GetByTestId("user-name")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "login-locked");
    }

    [Fact]
    [Trait("Category", "Postgres")]
    public async Task AnEditorRetractsAStatementItLeavesTheTimelineAndTheExportAndComesBackWhenRestored()
    {
        await using var app = new AppServer();
        app.Start();
        var page = await fixture.NewSignedInPageAsync(app, AppRoles.Editor);
        var form = new RecordFormPage(page);
        await form.OpenAsync("/statements/zelensky-sovereignty-and-guarantees/edit");

        await page.GetByTestId("retract").ClickAsync();
        await Expect(page.GetByTestId("retract-warnings")).ToContainTextAsync("Volodymyr Zelensky on Security guarantees for Ukraine");
        await page.Locator("#field-retract-reason").FillAsync("Misattributed: the words were an aide's");
        await BrowserFixture.ScreenshotAsync(page, "retract-dialog");
        await page.GetByTestId("confirm-retract").ClickAsync();
        await Expect(page.GetByTestId("retracted-notice")).ToContainTextAsync("Misattributed: the words were an aide's");

        var timeline = new TimelinePage(page);
        await timeline.OpenAsync();
        await Expect(timeline.Count).ToHaveTextAsync("Showing 11 of 11 statements and 2 of 2 meetings");
        var export = await (await page.APIRequest.GetAsync("/export/statements.csv")).TextAsync();
        Assert.DoesNotContain("zelensky-sovereignty-and-guarantees", export);
        var withRetracted = await (await page.APIRequest.GetAsync("/export/statements.csv?retracted=include")).TextAsync();
        Assert.Contains("Misattributed: the words were an aide's", withRetracted);

        await page.GetByLabel("Show retracted items").CheckAsync();
        await Expect(page).ToHaveURLAsync(new Regex("retracted=include"));
        await Expect(page.GetByTestId("retracted-note")).ToHaveTextAsync("Retracted: Misattributed: the words were an aide's");

        await form.OpenAsync("/statements/zelensky-sovereignty-and-guarantees/edit");
        await page.GetByTestId("restore").ClickAsync();
        await Expect(page.GetByTestId("retracted-notice")).ToHaveCountAsync(0);
        await timeline.OpenAsync();
        await Expect(timeline.Count).ToHaveTextAsync("Showing 12 of 12 statements and 2 of 2 meetings");
    }

    [Fact]
    public async Task ADemotedEditorsOpenPageLosesItsEditControls()
    {
        await using var app = new AppServer { Settings = new Dictionary<string, string> { ["Access:RevalidateSeconds"] = "2" } };
        app.Start();
        var page = await fixture.NewSignedInPageAsync(app, AppRoles.Editor);
        var timeline = new TimelinePage(page);
        await timeline.OpenAsync();
        await Expect(page.GetByTestId("add-statement")).ToBeVisibleAsync();

        await app.SetRoleAsync("editor@peacetalks.test", AppRoles.Reader);

        // The open page re-checks its user every 2 seconds here (30 by default): the controls go without a reload.
        await Expect(page.GetByTestId("add-statement")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("edit-statement")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task APrivateInstallSendsAnonymousVisitorsToSignInAndRefusesTheExport()
    {
        await using var app = new AppServer { Settings = new Dictionary<string, string> { ["Access:RequireSignIn"] = "true" } };
        app.Start();
        var page = await fixture.NewPageAsync(app.BaseUrl);

        await page.GotoAsync("/stances?actor=yuri-ushakov");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl=%2Fstances%3Factor%3Dyuri-ushakov$", RegexOptions.IgnoreCase));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        var export = await client.GetAsync("/export/stances.csv");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, export.StatusCode);
        Assert.Contains("/account/login", export.Headers.Location!.ToString());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        await app.CreateUserAsync("reader@peacetalks.test", "Test Reader", AppRoles.Reader);
        await new SignInPage(page).TrySignInAsync("reader@peacetalks.test", AppServer.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/stances\\?actor=yuri-ushakov$"));
        await Expect(new StancesPage(page).RowHeaders).ToHaveTextAsync(["Yuri Ushakov"]);
    }
}
