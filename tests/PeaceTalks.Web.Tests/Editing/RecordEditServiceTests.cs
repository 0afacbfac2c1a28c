using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Tests.Csv;
using PeaceTalks.Web.Tests.Infrastructure;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Tests.Editing;

/// <summary>Editing through the services (not the UI): who may, what the history records, conflicts, retraction.</summary>
public sealed class RecordEditServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private RecordEditService EditsFor(ClaimsPrincipal user) =>
        new(_database.Factory, new EditorAccess(new TestAuthenticationStateProvider(user), _database.Get<IServiceScopeFactory>()));

    private async Task<RecordEditService> EditorAsync() => EditsFor(await _database.SignInAsAsync(AppRoles.Editor));

    private static Dictionary<string, string?> NewStatement(string text = "We will hold the line.") => new()
    {
        ["actor"] = "mike-pompeo", ["date"] = "2025-12-04", ["date_precision"] = "day", ["date_basis"] = "on", ["kind"] = "quote",
        ["text"] = text, ["channel"] = "x-post", ["attribution"] = "first-hand", ["source"] = "pompeo-warns-2025-12-03",
        ["issues"] = "territorial-concessions",
    };

    private async Task<(int Statements, int Audit)> CountsAsync()
    {
        await using var db = _database.CreateContext();
        return (await db.Statements.IgnoreQueryFilters().CountAsync(), await db.AuditEntries.CountAsync());
    }

    private async Task<List<AuditEntry>> AuditOfAsync(string entityType, string key)
    {
        await using var db = _database.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == entityType && e.EntityKey == key).OrderBy(e => e.Id).ToListAsync();
    }

    public static TheoryData<string> NotEditors() => new() { "", AppRoles.Reader };

    [Theory]
    [MemberData(nameof(NotEditors))]
    public async Task AnonymousVisitorsAndReadersCannotSaveRetractOrRestoreAndNothingIsWritten(string role)
    {
        var edits = EditsFor(role.Length == 0 ? TestUsers.Anonymous : await _database.SignInAsAsync(role));
        var before = await CountsAsync();
        var stored = (await edits.LoadAsync(RecordTypes.Statements, "ushakov-constructive"))!;

        var created = await edits.SaveAsync(RecordTypes.Statements, null, NewStatement(), null, null);
        var changed = await edits.SaveAsync(RecordTypes.Statements, "ushakov-constructive",
            new Dictionary<string, string?>(stored.Values) { ["text"] = "Tampered" }, stored.Version, null);
        var retracted = await edits.RetractAsync(RecordTypes.Statements, "ushakov-constructive", "Because", stored.Version, null);
        var restored = await edits.RestoreAsync(RecordTypes.Statements, "ushakov-constructive", stored.Version, null);

        foreach (var result in new[] { created, changed, retracted, restored })
        {
            var refused = Assert.IsType<SaveResult.Refused>(result);
            Assert.Contains(role.Length == 0 ? "Sign in as an editor" : "Your role (Reader) cannot do this", refused.Message);
        }
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(stored.Values["text"], (await edits.LoadAsync(RecordTypes.Statements, "ushakov-constructive"))!.Values["text"]);
    }

    [Fact]
    public async Task AnEditorCreatesAStatementWithAKeyMadeFromItAndACreateEntryListingEveryField()
    {
        var edits = await EditorAsync();

        var saved = Assert.IsType<SaveResult.Saved>(await edits.SaveAsync(RecordTypes.Statements, null, NewStatement(), null, "From the wire"));

        Assert.Equal("mike-pompeo-2025-12-04-we-will-hold-the-line", saved.Key);
        var entry = Assert.Single(await AuditOfAsync("statement", saved.Key));
        Assert.Equal(AuditAction.Create, entry.Action);
        Assert.Equal("Test Editor", entry.UserName);
        Assert.Equal("From the wire", entry.Note);
        Assert.Null(entry.BatchId);
        var fields = AuditJson.Read(entry.Changes).ToDictionary(c => c.Field);
        Assert.Equal("We will hold the line.", fields["text"].New);
        Assert.Equal("pompeo-warns-2025-12-03", fields["source"].New);
        Assert.Equal("territorial-concessions", fields["issues"].New);
        Assert.All(fields.Values, c => Assert.Null(c.Old));
        Assert.Equal(11, fields.Count); // key, actor, date, precision, basis, kind, text, channel, attribution, source, issues
    }

    [Fact]
    public async Task AnEditRecordsOnlyTheFieldsThatChangedWithTheirOldAndNewValues()
    {
        var edits = await EditorAsync();
        var stored = (await edits.LoadAsync(RecordTypes.Statements, "ushakov-constructive"))!;
        var values = new Dictionary<string, string?>(stored.Values)
        {
            ["text"] = "Corrected wording",
            ["issues"] = "security-guarantees|us-brokered-talks",
        };

        var saved = Assert.IsType<SaveResult.Saved>(await edits.SaveAsync(RecordTypes.Statements, "ushakov-constructive", values, stored.Version, "Transcript"));

        Assert.Equal(stored.Version + 1, saved.Version);
        var update = (await AuditOfAsync("statement", "ushakov-constructive")).Last();
        Assert.Equal(AuditAction.Update, update.Action);
        Assert.Equal(
            [
                new FieldChange("text", stored.Values["text"], "Corrected wording"),
                new FieldChange("issues", stored.Values["issues"], "security-guarantees|us-brokered-talks"),
            ],
            AuditJson.Read(update.Changes));
        Assert.Equal("Transcript", update.Note);
    }

    [Fact]
    public async Task SavingOverSomeoneElsesNewerChangeIsAConflictThatNamesThemAndWritesNothing()
    {
        var mine = await EditorAsync();
        var theirs = EditsFor(await _database.SignInAsAsync(AppRoles.Editor));
        var opened = (await mine.LoadAsync(RecordTypes.Statements, "ushakov-constructive"))!;
        await theirs.SaveAsync(RecordTypes.Statements, "ushakov-constructive",
            new Dictionary<string, string?>(opened.Values) { ["text"] = "Their text" }, opened.Version, null);

        var result = await mine.SaveAsync(RecordTypes.Statements, "ushakov-constructive",
            new Dictionary<string, string?>(opened.Values) { ["text"] = "My text" }, opened.Version, null);

        var conflict = Assert.IsType<SaveResult.Conflict>(result);
        Assert.Equal("Test Editor", conflict.ChangedBy);
        Assert.Equal("Their text", conflict.Theirs.Values["text"]);
        Assert.Equal(opened.Version + 1, conflict.Theirs.Version);
        Assert.Equal("Their text", (await mine.LoadAsync(RecordTypes.Statements, "ushakov-constructive"))!.Values["text"]);

        // Overwriting knowingly: the version the editor has now seen.
        Assert.IsType<SaveResult.Saved>(await mine.SaveAsync(RecordTypes.Statements, "ushakov-constructive",
            new Dictionary<string, string?>(opened.Values) { ["text"] = "My text" }, conflict.Theirs.Version, null));
        Assert.Equal("My text", (await mine.LoadAsync(RecordTypes.Statements, "ushakov-constructive"))!.Values["text"]);
    }

    public static TheoryData<string, string, string, string> BadFields() => new()
    {
        { "date", "2025-13-45", "date", "'2025-13-45' is not a date (expected YYYY-MM-DD)" },
        { "actor", "nobody-at-all", "actor", "'nobody-at-all' is not a known actor slug" },
        { "source", "", "source", "Is required but empty" },
        { "text", new string('x', FieldLimits.Text + 1), "text", "is 20,001 characters long; the limit is 20,000" },
        { "kind", "rumour", "kind", "'rumour' is not one of: quote, paraphrase" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task AWrongValueIsRefusedWithTheImportersMessageOnItsFieldAndNothingIsWritten(string field, string value, string errorField, string message)
    {
        var edits = await EditorAsync();
        var before = await CountsAsync();

        var result = await edits.SaveAsync(RecordTypes.Statements, null, new Dictionary<string, string?>(NewStatement()) { [field] = value }, null, null);

        var invalid = Assert.IsType<SaveResult.Invalid>(result);
        Assert.Contains(message, Assert.Single(invalid.Fields[errorField]));
        Assert.Equal(before, await CountsAsync());

        // The CSV import says the same about the same value: one rule set for both.
        var csvRow = field switch
        {
            "date" => CsvTestFiles.StatementRow(1, date: value),
            "actor" => CsvTestFiles.StatementRow(1, actor: value),
            "kind" => CsvTestFiles.StatementRow(1, kind: value),
            "text" => CsvTestFiles.StatementRow(1, text: value),
            _ => null,
        };
        if (csvRow is not null)
        {
            var report = await _database.Get<CsvImporter>().PreviewAsync(CsvTestFiles.Utf8(CsvTestFiles.File([csvRow])), "s.csv");
            Assert.Contains(message, Assert.Single(report.Errors, e => e.Field == errorField).FieldMessage);
        }
    }

    [Fact]
    public async Task AJavascriptAddressForASourceIsRefused()
    {
        var edits = await EditorAsync();

        var result = await edits.SaveAsync(RecordTypes.Sources, null, new Dictionary<string, string?>
        {
            ["title"] = "A report", ["url"] = "javascript:alert(1)", ["kind"] = "news-report",
        }, null, null);

        Assert.Equal(["'javascript:alert(1)' is not an http:// or https:// address"], Assert.IsType<SaveResult.Invalid>(result).Fields["url"]);
    }

    [Fact]
    public async Task APositionNeedsAtLeastOneEvidenceStatement()
    {
        var edits = await EditorAsync();

        var result = await edits.SaveAsync(RecordTypes.Positions, null, new Dictionary<string, string?>
        {
            ["actor"] = "mike-pompeo", ["issue"] = "security-guarantees", ["as_of"] = "2025-12-04", ["as_of_precision"] = "day",
            ["stance"] = "supports", ["summary"] = "Backs guarantees.", ["evidence"] = "",
        }, null, null);

        Assert.Contains("a position needs at least one statement key as evidence",
            Assert.Single(Assert.IsType<SaveResult.Invalid>(result).Fields["evidence"]));
    }

    [Fact]
    public async Task TheKeyOfASavedItemCannotChange()
    {
        var edits = await EditorAsync();
        var stored = (await edits.LoadAsync(RecordTypes.Actors, "mike-pompeo"))!;

        var result = await edits.SaveAsync(RecordTypes.Actors, "mike-pompeo",
            new Dictionary<string, string?>(stored.Values) { ["slug"] = "michael-pompeo" }, stored.Version, null);

        Assert.Contains("Cannot be changed once saved", Assert.Single(Assert.IsType<SaveResult.Invalid>(result).Fields["slug"]));
    }

    [Fact]
    public async Task ARetractedStatementLeavesTheTimelineTheMatrixAndTheExportsAndComesBackWithTheOption()
    {
        var edits = await EditorAsync();
        var warnings = await edits.RetractWarningsAsync(RecordTypes.Statements, "zelensky-sovereignty-and-guarantees");
        var stored = (await edits.LoadAsync(RecordTypes.Statements, "zelensky-sovereignty-and-guarantees"))!;

        var result = await edits.RetractAsync(RecordTypes.Statements, "zelensky-sovereignty-and-guarantees", "Misattributed", stored.Version, null);

        Assert.IsType<SaveResult.Saved>(result);
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.StartsWith("Volodymyr Zelensky on Security guarantees for Ukraine", StringComparison.Ordinal));
        var resolver = _database.Get<FilterResolver>();
        var live = await resolver.ResolveAsync(DashboardFilter.Empty with { Actors = ["volodymyr-zelensky"] });
        var all = await resolver.ResolveAsync(DashboardFilter.Empty with { Actors = ["volodymyr-zelensky"], IncludeRetracted = true });
        var timeline = _database.Get<TimelineQueries>();
        Assert.Equal(["zelensky-waiting-for-signals"], Keys((await timeline.GetPageAsync(live)).Items));
        var withRetracted = (await timeline.GetPageAsync(all)).Items.Select(i => i.Statement!).ToList();
        Assert.Equal(["zelensky-sovereignty-and-guarantees", "zelensky-waiting-for-signals"], withRetracted.Select(s => s.Key).Order());
        Assert.Equal("Misattributed", withRetracted.Single(s => s.Key == "zelensky-sovereignty-and-guarantees").RetractedReason);

        var exporter = _database.Get<CsvExporter>();
        var exported = await exporter.StatementsAsync(live).ToListAsync();
        Assert.Equal(["zelensky-waiting-for-signals"], exported.Select(r => r[0]));
        var exportedAll = await exporter.StatementsAsync(all).ToListAsync();
        Assert.Equal("Misattributed", exportedAll.Single(r => r[0] == "zelensky-sovereignty-and-guarantees")[^1]);

        // The positions it was evidence for no longer cite it in the export.
        var positions = await exporter.PositionsAsync(live, latestOnly: false).ToListAsync();
        Assert.DoesNotContain(positions, p => (p[9] ?? "").Contains("zelensky-sovereignty-and-guarantees", StringComparison.Ordinal));

        var again = (await edits.LoadAsync(RecordTypes.Statements, "zelensky-sovereignty-and-guarantees"))!;
        Assert.True(again.Retracted);
        Assert.IsType<SaveResult.Saved>(await edits.RestoreAsync(RecordTypes.Statements, "zelensky-sovereignty-and-guarantees", again.Version, "Confirmed after all"));
        Assert.Equal(2, (await timeline.GetPageAsync(live)).Items.Count);
        var history = await AuditOfAsync("statement", "zelensky-sovereignty-and-guarantees");
        Assert.Equal([AuditAction.Create, AuditAction.Retract, AuditAction.Restore], history.Select(e => e.Action));
        Assert.Equal([new FieldChange("retracted", null, "yes: Misattributed")], AuditJson.Read(history[1].Changes));
        Assert.Equal("Confirmed after all", history[2].Note);
    }

    private static string[] Keys(IReadOnlyList<TimelineItem> items) => [.. items.Select(i => i.Statement!.Key)];

    [Fact]
    public async Task ARetractedPositionLeavesTheMatrix()
    {
        var edits = await EditorAsync();
        var key = "yuri-ushakov|security-guarantees|2025-12-03";
        var stored = (await edits.LoadAsync(RecordTypes.Positions, key))!;

        Assert.IsType<SaveResult.Saved>(await edits.RetractAsync(RecordTypes.Positions, key, "Overreading", stored.Version, null));

        var filter = await _database.Get<FilterResolver>().ResolveAsync(DashboardFilter.Empty with { Actors = ["yuri-ushakov"] });
        var row = Assert.Single(await _database.Get<StanceQueries>().GetRowsAsync(filter, 0, 10));
        await using var db = _database.CreateContext();
        var guarantees = await db.Issues.Where(i => i.Slug == "security-guarantees").Select(i => i.Id).SingleAsync();
        Assert.False(row.Cells.ContainsKey(guarantees));
        Assert.Equal(2, row.Cells.Count);
    }

    [Fact]
    public async Task AnActorThatLiveStatementsStillReferToCannotBeRetracted()
    {
        var edits = await EditorAsync();
        var stored = (await edits.LoadAsync(RecordTypes.Actors, "yuri-ushakov"))!;

        var result = await edits.RetractAsync(RecordTypes.Actors, "yuri-ushakov", "Duplicate", stored.Version, null);

        var problem = Assert.Single(Assert.IsType<SaveResult.Invalid>(result).General);
        Assert.Equal("It cannot be retracted while 3 statements and 3 positions still refer to it. Retract or change those first.", problem);
    }

    [Fact]
    public async Task ARetractionNeedsAReason()
    {
        var edits = await EditorAsync();
        var stored = (await edits.LoadAsync(RecordTypes.Statements, "ushakov-constructive"))!;

        var result = await edits.RetractAsync(RecordTypes.Statements, "ushakov-constructive", "  ", stored.Version, null);

        Assert.True(Assert.IsType<SaveResult.Invalid>(result).Fields.ContainsKey("reason"));
        Assert.False((await edits.LoadAsync(RecordTypes.Statements, "ushakov-constructive"))!.Retracted);
    }

    [Fact]
    public async Task AnEditorWhoseRoleChangedOrWhoWasLockedCannotWriteWithTheirOldSignIn()
    {
        var principal = await _database.SignInAsAsync(AppRoles.Editor, "changing@peacetalks.test");
        var edits = EditsFor(principal);
        Assert.IsType<SaveResult.Saved>(await edits.SaveAsync(RecordTypes.Statements, null, NewStatement("First."), null, null));

        await using (var scope = _database.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync("changing@peacetalks.test"))!;
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
        }

        var refused = Assert.IsType<SaveResult.Refused>(await edits.SaveAsync(RecordTypes.Statements, null, NewStatement("Second."), null, null));
        Assert.Contains("locked", refused.Message);
    }

    [Fact]
    public async Task AnImportIsOneBatchWithTheFilesHashAndCountsThatItsRowChangesPointTo()
    {
        var editor = await EditorAccess.RequireAsync(await _database.SignInAsAsync(AppRoles.Editor), AppRoles.Editor, _database.Get<IServiceScopeFactory>());
        var bytes = CsvTestFiles.Utf8(CsvTestFiles.File([CsvTestFiles.StatementRow(1), CsvTestFiles.StatementRow(2)])).ToArray();

        var report = await _database.Get<CsvImporter>().ImportAsync(new MemoryStream(bytes), "two.csv", editor);

        Assert.True(report.Written);
        await using var db = _database.CreateContext();
        var batch = await db.ImportBatches.OrderBy(b => b.Id).LastAsync();
        Assert.Equal(("two.csv", Convert.ToHexStringLower(SHA256.HashData(bytes)), "statements", 2, 2, 0, 0, "Test Editor"),
            (batch.FileName, batch.Sha256, batch.Format, batch.Rows, batch.Added, batch.Updated, batch.Unchanged, batch.UserName));
        var entries = await db.AuditEntries.Where(e => e.BatchId == batch.Id).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([AuditAction.Create, AuditAction.Create], entries.Select(e => e.Action));
        Assert.Equal(["bulk-1", "bulk-2"], entries.Select(e => e.EntityKey));
    }

    [Fact]
    public async Task ReadersAndEditorsCannotManageUsersButAnAdminCanAndARoleChangeUpdatesTheStamp()
    {
        var editorAccess = new EditorAccess(new TestAuthenticationStateProvider(await _database.SignInAsAsync(AppRoles.Editor)), _database.Get<IServiceScopeFactory>());
        var asEditor = new Web.Accounts.UserAdministration(editorAccess, _database.Get<IServiceScopeFactory>(), _database.Factory);
        await Assert.ThrowsAsync<NotAllowedException>(() => asEditor.CreateAsync("x@peacetalks.test", "X", AppRoles.Editor));

        var adminAccess = new EditorAccess(new TestAuthenticationStateProvider(await _database.SignInAsAsync(AppRoles.Admin, "admin@peacetalks.test")),
            _database.Get<IServiceScopeFactory>());
        var asAdmin = new Web.Accounts.UserAdministration(adminAccess, _database.Get<IServiceScopeFactory>(), _database.Factory);
        var (password, errors) = await asAdmin.CreateAsync("new@peacetalks.test", "New Person", AppRoles.Editor);
        Assert.Empty(errors);
        Assert.Equal(16, password!.Length);
        var newUser = (await asAdmin.ListAsync()).Single(u => u.Email == "new@peacetalks.test");
        Assert.True(newUser.MustChangePassword);

        string stampBefore;
        await using (var scope = _database.Services.CreateAsyncScope())
        {
            stampBefore = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("new@peacetalks.test"))!.SecurityStamp!;
        }
        Assert.Null(await asAdmin.SetRoleAsync(newUser.Id, AppRoles.Reader));
        await using (var scope = _database.Services.CreateAsyncScope())
        {
            var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("new@peacetalks.test"))!;
            Assert.NotEqual(stampBefore, user.SecurityStamp);
        }
        Assert.Equal(AppRoles.Reader, (await asAdmin.ListAsync()).Single(u => u.Email == "new@peacetalks.test").Role);

        // The only admin cannot demote themself.
        var me = (await asAdmin.ListAsync()).Single(u => u.Email == "admin@peacetalks.test");
        Assert.Equal("This is the only active admin: make another admin first.", await asAdmin.SetRoleAsync(me.Id, AppRoles.Editor));

        await using var db = _database.CreateContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.EntityType == "user"));
    }
}
