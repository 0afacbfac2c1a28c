using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeaceTalks.Web.Accounts;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Records;
using PeaceTalks.Web.Tests.Infrastructure;
using PeaceTalks.Web.Verification;

namespace PeaceTalks.Web.Tests.Verification;

/// <summary>Verify, dispute and verify several: who may, the four-eyes rule, the self-verification setting, the history.</summary>
public sealed class VerificationServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private EditorAccess AccessFor(ClaimsPrincipal user) => new(new TestAuthenticationStateProvider(user), _database.Get<IServiceScopeFactory>());

    private VerificationService ChecksFor(ClaimsPrincipal user, bool allowSelf = false) =>
        new(_database.Factory, AccessFor(user), Options.Create(new AccessOptions { AllowSelfVerification = allowSelf }));

    private RecordEditService EditsFor(ClaimsPrincipal user) => new(_database.Factory, AccessFor(user));

    private static Dictionary<string, string?> NewStatement(string text) => new()
    {
        ["actor"] = "mike-pompeo", ["date"] = "2025-12-04", ["date_precision"] = "day", ["date_basis"] = "on", ["kind"] = "quote",
        ["text"] = text, ["channel"] = "x-post", ["attribution"] = "first-hand", ["source"] = "pompeo-warns-2025-12-03",
    };

    private async Task<(string Key, long Version)> AddStatementAsync(ClaimsPrincipal author, string text = "We will hold the line.")
    {
        var saved = Assert.IsType<SaveResult.Saved>(await EditsFor(author).SaveAsync(RecordTypes.Statements, null, NewStatement(text), null, null));
        return (saved.Key, saved.Version);
    }

    private async Task<Statement> StatementAsync(string key)
    {
        await using var db = _database.CreateContext();
        return await db.Statements.AsNoTracking().SingleAsync(s => s.Key == key);
    }

    private async Task<List<AuditEntry>> HistoryAsync(string key)
    {
        await using var db = _database.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "statement" && e.EntityKey == key).OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task TheAuthorCannotVerifyTheirOwnStatementButAnotherEditorCanAndTheHistorySaysWho()
    {
        var a = await _database.SignInAsAsync(AppRoles.Editor);
        var b = await _database.SignInAsAsync(AppRoles.Editor);
        var (key, version) = await AddStatementAsync(a);

        var own = await ChecksFor(a).VerifyAsync(RecordTypes.Statements, key, version);
        Assert.Equal(0, own.Done);
        Assert.Contains("another editor must verify it (four eyes)", Assert.Single(own.Problems).Problem);
        Assert.Equal(VerificationState.Unverified, (await StatementAsync(key)).Verification);

        var other = await ChecksFor(b).VerifyAsync(RecordTypes.Statements, key, version);
        Assert.True(other.Succeeded);
        var statement = await StatementAsync(key);
        Assert.Equal((VerificationState.Verified, "Test Editor", b.FindFirstValue(ClaimTypes.NameIdentifier)),
            (statement.Verification, statement.CheckedBy, statement.CheckedById));
        Assert.NotNull(statement.CheckedAt);
        Assert.Equal(version + 1, statement.Version);
        var entry = (await HistoryAsync(key)).Last();
        Assert.Equal((AuditAction.Verify, b.FindFirstValue(ClaimTypes.NameIdentifier), null), (entry.Action, entry.UserId, entry.Note));
        Assert.Contains(new FieldChange(Checks.Field, "unverified", "verified"), AuditJson.Read(entry.Changes));
    }

    [Fact]
    public async Task WithSelfVerificationAllowedTheAuthorMayVerifyAndTheHistorySaysSelfVerified()
    {
        var a = await _database.SignInAsAsync(AppRoles.Editor);
        var (key, version) = await AddStatementAsync(a);

        var result = await ChecksFor(a, allowSelf: true).VerifyAsync(RecordTypes.Statements, key, version);

        Assert.True(result.Succeeded);
        Assert.Equal(VerificationState.Verified, (await StatementAsync(key)).Verification);
        Assert.Equal(Checks.SelfVerified, (await HistoryAsync(key)).Last().Note);
    }

    [Fact]
    public async Task AnEditToTheWordsAfterAVerificationMakesItUnverifiedAgainAndItsEditorCannotVerifyIt()
    {
        var a = await _database.SignInAsAsync(AppRoles.Editor);
        var b = await _database.SignInAsAsync(AppRoles.Editor);
        var (key, version) = await AddStatementAsync(a);
        Assert.True((await ChecksFor(b).VerifyAsync(RecordTypes.Statements, key, version)).Succeeded);

        var stored = (await EditsFor(b).LoadAsync(RecordTypes.Statements, key))!;
        Assert.IsType<SaveResult.Saved>(await EditsFor(b).SaveAsync(RecordTypes.Statements, key,
            new Dictionary<string, string?>(stored.Values) { ["text"] = "We will hold the line, whatever it costs." }, stored.Version, null));

        var statement = await StatementAsync(key);
        Assert.Equal((VerificationState.Unverified, b.FindFirstValue(ClaimTypes.NameIdentifier)), (statement.Verification, statement.ChangedById));
        // Now B wrote the latest change to the words: A, the first author, may check it, B may not.
        Assert.False((await ChecksFor(b).VerifyAsync(RecordTypes.Statements, key, statement.Version)).Succeeded);
        Assert.True((await ChecksFor(a).VerifyAsync(RecordTypes.Statements, key, statement.Version)).Succeeded);
    }

    [Fact]
    public async Task ADisputeKeepsItsReasonAndNoteAndAChangeSinceTheCheckerOpenedItIsRefused()
    {
        var a = await _database.SignInAsAsync(AppRoles.Editor);
        var admin = await _database.SignInAsAsync(AppRoles.Admin);
        var (key, version) = await AddStatementAsync(a);

        var stale = await ChecksFor(admin).DisputeAsync(RecordTypes.Statements, key, version - 1, DisputeReason.WrongWords, null);
        Assert.Contains("changed since you opened it", Assert.Single(stale.Problems).Problem);

        var result = await ChecksFor(admin).DisputeAsync(RecordTypes.Statements, key, version, DisputeReason.SourceDoesNotSayIt, "  Not in the Reuters copy.  ");

        Assert.True(result.Succeeded);
        var statement = await StatementAsync(key);
        Assert.Equal((VerificationState.Disputed, DisputeReason.SourceDoesNotSayIt, "Not in the Reuters copy."),
            (statement.Verification, statement.DisputeReason, statement.DisputeNote));
        var entry = (await HistoryAsync(key)).Last();
        Assert.Equal(AuditAction.Dispute, entry.Action);
        Assert.Contains(new FieldChange("dispute_reason", null, "source-does-not-say-it"), AuditJson.Read(entry.Changes));
    }

    public static TheoryData<string> NotEditors() => new() { "", AppRoles.Reader };

    [Theory]
    [MemberData(nameof(NotEditors))]
    public async Task AnonymousVisitorsAndReadersCannotVerifyOrDisputeAndNothingIsWritten(string role)
    {
        var user = role.Length == 0 ? TestUsers.Anonymous : await _database.SignInAsAsync(role);
        var before = await StatementAsync("ushakov-constructive");
        var history = (await HistoryAsync("ushakov-constructive")).Count;

        var verify = await ChecksFor(user, allowSelf: true).VerifyAsync(RecordTypes.Statements, "ushakov-constructive", before.Version);
        var dispute = await ChecksFor(user).DisputeAsync(RecordTypes.Statements, "ushakov-constructive", before.Version, DisputeReason.WrongDate, null);
        var many = await ChecksFor(user).VerifyManyAsync(RecordTypes.Statements, [("ushakov-constructive", before.Version)]);

        foreach (var result in new[] { verify, dispute, many })
        {
            Assert.Contains(role.Length == 0 ? "Sign in as an editor" : "Your role (Reader) cannot do this", Assert.Single(result.Problems).Problem);
        }
        Assert.Equal((VerificationState.Unverified, before.Version), ((await StatementAsync("ushakov-constructive")).Verification, (await StatementAsync("ushakov-constructive")).Version));
        Assert.Equal(history, (await HistoryAsync("ushakov-constructive")).Count);
    }

    [Fact]
    public async Task VerifyingSeveralChecksEachOnItsOwnAndSaysWhyTheOthersWereNot()
    {
        var a = await _database.SignInAsAsync(AppRoles.Editor);
        var b = await _database.SignInAsAsync(AppRoles.Editor);
        var mine = await AddStatementAsync(b, "Words of my own.");
        var theirs = await AddStatementAsync(a, "Words of theirs.");
        var seeded = await StatementAsync("ushakov-constructive");

        var result = await ChecksFor(b).VerifyManyAsync(RecordTypes.Statements,
            [theirs, mine, ("ushakov-constructive", seeded.Version), ("no-such-statement", 1)]);

        Assert.Equal(2, result.Done);
        Assert.Equal([mine.Key, "no-such-statement"], result.Problems.Select(p => p.Key));
        Assert.Equal(VerificationState.Verified, (await StatementAsync(theirs.Key)).Verification);
        Assert.Equal(VerificationState.Verified, (await StatementAsync("ushakov-constructive")).Verification);
        Assert.Equal(VerificationState.Unverified, (await StatementAsync(mine.Key)).Verification);
    }
}
