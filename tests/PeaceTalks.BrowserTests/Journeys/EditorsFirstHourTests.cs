using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;
using static PeaceTalks.BrowserTests.Journeys.Person;

namespace PeaceTalks.BrowserTests.Journeys;

/// <summary>
/// An installation's first hour, as the people do it: the setup code from the log makes the first admin, who adds an
/// editor and a reader; the editor adds a statement by typing into the pickers, pastes a full-length Russian quote,
/// saves and reads it back, is stopped from leaving with unsaved work, and merges a conflict with a second editor.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorsFirstHourTests(BrowserFixture fixture)
{
    [Fact]
    [Trait("Category", "Journey")]
    public async Task FromTheSetupCodeToAStatementWithAFullLengthCyrillicQuoteAndAMergedConflict()
    {
        await using var app = new AppServer();
        app.Start();

        // The setup code stands out at the end of the start-up log.
        var code = await SetupCodeAsync(app);
        var admin = await fixture.NewPageAsync(app.BaseUrl);
        await admin.GotoAsync("/setup");
        await admin.GetByLabel("Setup code").PressSequentiallyAsync(code, Typing);
        await admin.GetByLabel("Your name").FillAsync("Ada Admin");
        await admin.GetByLabel("Email (you sign in with it)").FillAsync("ada.admin@example.org");
        await admin.GetByLabel("Password (at least 12 characters)").FillAsync("correct horse battery staple");
        await admin.GetByLabel("Password again").FillAsync("correct horse battery staple");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create the administrator" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("/admin/users$"));
        Assert.Equal(404, (await admin.APIRequest.GetAsync("/setup")).Status);

        // The admin adds an editor and a reader; each gets a one-time password.
        var users = new UsersPage(admin);
        await users.WaitForInteractiveAsync();
        await users.AddAsync("erin.editor@example.org", "Erin Editor", "Editor");
        var oneTime = (await users.OneTimePassword.TextContentAsync())!;
        await users.AddAsync("rafael.reader@example.org", "Rafael Reader", "Reader");
        await Expect(users.Row("rafael.reader@example.org")).ToContainTextAsync("Has a one-time password");

        // The editor's first sign-in makes them choose their own password.
        var editor = await fixture.AnotherPageAsync(app.BaseUrl);
        await editor.GotoAsync("/account/login");
        await editor.GetByLabel("Email").FillAsync("erin.editor@example.org");
        await editor.GetByLabel("Password").FillAsync(oneTime);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(editor).ToHaveURLAsync(new Regex("/account/change-password"));
        await editor.GetByLabel("Current password").FillAsync(oneTime);
        await editor.GetByLabel("New password (at least 12 characters)").FillAsync("erin's own long password");
        await editor.GetByLabel("New password again").FillAsync("erin's own long password");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(editor.GetByTestId("user-name")).ToHaveTextAsync("Erin Editor");

        // From the timeline to a new statement, typing into the pickers and taking suggestions with the keyboard.
        await editor.GotoAsync("/timeline");
        var form = new RecordFormPage(editor);
        await form.WaitForInteractiveAsync();
        await editor.GetByRole(AriaRole.Link, new() { Name = "Add statement" }).ClickAsync();
        await Expect(editor).ToHaveURLAsync(new Regex("/statements/new$"));
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Add a statement");
        await PickWithKeysAsync(editor, "Speaker", "Ushak", "Yuri Ushakov");
        await Field(editor, "Date").FillAsync("2025-12-04");
        var quote = LongText("Переговоры в Стамбуле продолжатся, если стороны договорятся о повестке.", 20_000);
        await PasteAsync(editor, "Text", quote);
        await PickAsync(editor, "Source", "Pompeo warns", "Pompeo Warns Against Russian Victory");
        await PickWithKeysAsync(editor, "About the meeting", "Putin in Moscow", "Kushner and Witkoff meet Putin in Moscow", "Tab");
        await BrowserFixture.ScreenshotAsync(editor, "journey-editor-new-statement");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        // Saved whole: the page of the statement, and the API gives back all 20,000 characters.
        await Expect(editor).ToHaveURLAsync(new Regex("/statements/(?!new$)[^/]+$"), new() { Timeout = 30_000 });
        var key = Uri.UnescapeDataString(new Uri(editor.Url).Segments[^1]);
        Assert.Equal(quote, (await StatementAsync(editor, key)).GetProperty("text").GetString());
        Assert.Equal("Yuri Ushakov", (await StatementAsync(editor, key)).GetProperty("speaker").GetProperty("name").GetString());

        // Two editors open it; the admin changes the original's language and wording and saves first.
        var edit = $"/statements/{Uri.EscapeDataString(key)}/edit";
        await admin.GotoAsync(edit);
        await new RecordFormPage(admin).WaitForInteractiveAsync();
        await editor.GotoAsync(edit);
        await form.WaitForInteractiveAsync();
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Edit statement: Переговоры в Стамбуле"));
        await ChooseAsync(admin, "Date basis", "On or before it (the source does not say exactly when)");
        await TypeAsync(admin, "Original language", "ru");
        await TypeAsync(admin, "Original wording", "Их версия.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("/statements/[^/]+$"));

        // The editor shortens the text, and leaving would lose it: a link and a reload both ask first.
        var shorter = "Переговоры в Стамбуле продолжатся в понедельник.";
        await PasteAsync(editor, "Text", shorter);
        var asked = new List<string>();
        editor.Dialog += async (_, dialog) =>
        {
            lock (asked)
            {
                asked.Add(dialog.Type);
            }
            await dialog.DismissAsync();
        };
        await editor.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Timeline", Exact = true }).First.ClickAsync();
        await WaitForAsync(() => asked.Contains("confirm"), "a confirmation before following a link");
        await editor.EvaluateAsync("() => { setTimeout(() => location.reload(), 0); }");
        await WaitForAsync(() => asked.Contains("beforeunload"), "the browser's leave-page prompt before a reload");
        await Expect(editor).ToHaveURLAsync(new Regex("/edit$"));
        await Expect(Field(editor, "Text")).ToHaveValueAsync(shorter);

        // They also give the original's language and wording: a conflict, merged field by field.
        await TypeAsync(editor, "Original language", "ru");
        await TypeAsync(editor, "Original wording", "Моя версия.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        var conflict = editor.GetByTestId("conflict");
        await Expect(conflict).ToContainTextAsync("Changed by Ada Admin at");
        await Expect(conflict.Locator("[data-outcome=mine]")).ToContainTextAsync("Text");
        await Expect(conflict.Locator("[data-outcome=theirs]")).ToContainTextAsync("Date basis");
        await Expect(conflict.Locator("[data-outcome=choose]")).ToContainTextAsync("Original wording");
        var merge = editor.GetByRole(AriaRole.Button, new() { Name = "Save the merged version" });
        await Expect(merge).ToBeDisabledAsync();
        await BrowserFixture.ScreenshotAsync(editor, "journey-editor-conflict");
        await AssertAccessibleAsync(editor, "the conflict panel");
        await editor.GetByRole(AriaRole.Radio, new() { Name = "Keep yours: Original wording" }).CheckAsync();
        await merge.ClickAsync();

        await Expect(editor).ToHaveURLAsync(new Regex("/statements/[^/]+$"));
        var merged = await StatementAsync(editor, key);
        Assert.Equal(shorter, merged.GetProperty("text").GetString());
        Assert.Equal("ru", merged.GetProperty("originalLanguage").GetString());
        Assert.Equal("on-or-before", merged.GetProperty("date").GetProperty("basis").GetString());
        Assert.Equal("Моя версия.", merged.GetProperty("originalText").GetString());
    }

    /// <summary>The code from the block the app writes once it listens (see SetupCodeBanner).</summary>
    private static async Task<string> SetupCodeAsync(AppServer app)
    {
        await WaitForAsync(() => app.Log.Any(l => l.Contains(Web.Accounts.SetupCodeBanner.Marker, StringComparison.Ordinal)), "the setup code block in the log");
        var block = app.Log.First(l => l.Contains(Web.Accounts.SetupCodeBanner.Marker, StringComparison.Ordinal));
        return Regex.Match(block, @"^\s+([A-Z0-9]{4}(-[A-Z0-9]{4}){3})\s*$", RegexOptions.Multiline).Groups[1].Value;
    }

    /// <summary>Polls a condition (no fixed sleep) for up to 15 s.</summary>
    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited 15 s for {what}");
            await Task.Delay(50);
        }
    }
}
