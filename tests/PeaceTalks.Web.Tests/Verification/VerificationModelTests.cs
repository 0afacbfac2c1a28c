using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Records;
using PeaceTalks.Web.Tests.Csv;
using PeaceTalks.Web.Tests.Infrastructure;

namespace PeaceTalks.Web.Tests.Verification;

/// <summary>The check against the source in the record: new and changed items are unverified, other changes keep it, exports carry it.</summary>
public sealed class VerificationModelTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private RecordEditService EditsFor(ClaimsPrincipal user) =>
        new(_database.Factory, new EditorAccess(new TestAuthenticationStateProvider(user), _database.Get<IServiceScopeFactory>()));

    /// <summary>Marks a seeded statement verified as a checker would have (the state a later edit starts from).</summary>
    private async Task MarkVerifiedAsync(string key)
    {
        await using var db = _database.CreateContext();
        var statement = await db.Statements.SingleAsync(s => s.Key == key);
        (statement.Verification, statement.CheckedBy, statement.CheckedById, statement.CheckedAt) =
            (VerificationState.Verified, "Checker", "checker-id", new DateTime(2025, 12, 5, 9, 30, 0, DateTimeKind.Utc));
        await db.SaveChangesAsync();
    }

    private async Task<Statement> StatementAsync(string key)
    {
        await using var db = _database.CreateContext();
        return await db.Statements.AsNoTracking().SingleAsync(s => s.Key == key);
    }

    [Fact]
    public async Task SeededItemsStartUnverifiedWithNoAuthorSoAnyEditorMayCheckThem()
    {
        await using var db = _database.CreateContext();
        Assert.True(await db.Statements.AnyAsync());
        Assert.All(await db.Statements.ToListAsync(), s => Assert.Equal((VerificationState.Unverified, null), (s.Verification, s.ChangedById)));
        Assert.All(await db.Meetings.ToListAsync(), m => Assert.Equal(VerificationState.Unverified, m.Verification));
        Assert.All(await db.Positions.ToListAsync(), p => Assert.Equal(VerificationState.Unverified, p.Verification));
    }

    [Fact]
    public async Task ChangingTheWordsMakesAVerifiedStatementUnverifiedAndTheHistorySaysSo()
    {
        await MarkVerifiedAsync("ushakov-constructive");
        var user = await _database.SignInAsAsync(AppRoles.Editor);
        var edits = EditsFor(user);
        var stored = (await edits.LoadAsync(RecordTypes.Statements, "ushakov-constructive"))!;

        var saved = await edits.SaveAsync(RecordTypes.Statements, "ushakov-constructive",
            new Dictionary<string, string?>(stored.Values) { ["text"] = stored.Values["text"] + " Indeed." }, stored.Version, null);

        Assert.IsType<SaveResult.Saved>(saved);
        var statement = await StatementAsync("ushakov-constructive");
        Assert.Equal((VerificationState.Unverified, null, null), (statement.Verification, statement.CheckedBy, statement.CheckedAt));
        Assert.NotNull(statement.ChangedById);
        Assert.Equal(user.FindFirstValue(ClaimTypes.NameIdentifier), statement.ChangedById);
        await using var db = _database.CreateContext();
        var entry = await db.AuditEntries.Where(e => e.EntityType == "statement" && e.EntityKey == "ushakov-constructive").OrderBy(e => e.Id).LastAsync();
        Assert.Equal(AuditAction.Update, entry.Action);
        Assert.Contains(new FieldChange(Checks.Field, "verified", "unverified"), AuditJson.Read(entry.Changes));
    }

    [Fact]
    public async Task ChangingSomethingACheckDoesNotCoverKeepsTheStatementVerified()
    {
        await MarkVerifiedAsync("ushakov-constructive");
        var edits = EditsFor(await _database.SignInAsAsync(AppRoles.Editor));
        var stored = (await edits.LoadAsync(RecordTypes.Statements, "ushakov-constructive"))!;
        var channel = stored.Values["channel"] == "interview" ? "speech" : "interview";

        var saved = await edits.SaveAsync(RecordTypes.Statements, "ushakov-constructive",
            new Dictionary<string, string?>(stored.Values) { ["channel"] = channel }, stored.Version, null);

        Assert.IsType<SaveResult.Saved>(saved);
        var statement = await StatementAsync("ushakov-constructive");
        Assert.Equal((VerificationState.Verified, "Checker", null), (statement.Verification, statement.CheckedBy, statement.ChangedById));
        await using var db = _database.CreateContext();
        var entry = await db.AuditEntries.Where(e => e.EntityType == "statement" && e.EntityKey == "ushakov-constructive").OrderBy(e => e.Id).LastAsync();
        Assert.DoesNotContain(AuditJson.Read(entry.Changes), c => c.Field == Checks.Field);
    }

    [Theory]
    [InlineData("actor", "steve-witkoff")]
    [InlineData("date", "2025-11-30")]
    [InlineData("source", "harvard-gazette-pompeo-interview")]
    [InlineData("kind", "paraphrase")]
    public async Task ChangingTheSpeakerDateSourceOrKindAlsoUnverifies(string field, string value)
    {
        await MarkVerifiedAsync("ushakov-constructive");
        var edits = EditsFor(await _database.SignInAsAsync(AppRoles.Editor));
        var stored = (await edits.LoadAsync(RecordTypes.Statements, "ushakov-constructive"))!;
        Assert.NotEqual(value, stored.Values[field]);

        var saved = await edits.SaveAsync(RecordTypes.Statements, "ushakov-constructive",
            new Dictionary<string, string?>(stored.Values) { [field] = value }, stored.Version, null);

        Assert.IsType<SaveResult.Saved>(saved);
        Assert.Equal(VerificationState.Unverified, (await StatementAsync("ushakov-constructive")).Verification);
    }

    [Fact]
    public async Task ExportsCarryTheCheckAndAnImportOfThoseColumnsChangesNothing()
    {
        await MarkVerifiedAsync("ushakov-constructive");
        var files = await CsvTestFiles.ExportAllAsync(_database);
        var statements = Encoding.UTF8.GetString(files["statements"]);
        Assert.Contains(",verification,checked_by,checked_at,dispute_reason,dispute_note\r\n", statements);
        Assert.Contains(",verified,Checker,2025-12-05T09:30:00Z,,\r\n", statements);

        // Re-importing the export (the columns are written for readers) leaves every row unchanged, the check included.
        var report = await _database.Get<CsvImporter>().ImportAsync(new MemoryStream(files["statements"]), "statements.csv", Editor.System,
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Empty(report.Errors);
        Assert.Equal((0, 0), (report.Added, report.Updated));
        Assert.Equal(VerificationState.Verified, (await StatementAsync("ushakov-constructive")).Verification);
    }
}
