using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeaceTalks.Web.Accounts;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Verification;

/// <summary>What a check did: how many items it verified or disputed, and why the others were not (key → reason).</summary>
public sealed record CheckResult(int Done, IReadOnlyList<(string Key, string Problem)> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static CheckResult Refused(IEnumerable<string> keys, string message) => new(0, [.. keys.Select(k => (k, message))]);
}

/// <summary>
/// Checks against the source: verify, dispute, verify several at once. Editors and admins only, checked on the server
/// for every call; the four-eyes rule and the history are kept by the one write path (<see cref="RecordWriter.CheckAsync"/>).
/// </summary>
public sealed class VerificationService(IDbContextFactory<PeaceTalksDbContext> dbFactory, EditorAccess access, IOptions<AccessOptions> options)
{
    /// <summary>At most this many items in one "verify selected".</summary>
    public const int MaxBatch = 500;

    public Task<CheckResult> VerifyAsync(RecordType type, string key, long version, CancellationToken cancellationToken = default) =>
        CheckAsync(type, [(key, version)], null, null, cancellationToken);

    public Task<CheckResult> VerifyManyAsync(RecordType type, IReadOnlyList<(string Key, long Version)> items, CancellationToken cancellationToken = default) =>
        items.Count > MaxBatch
            ? Task.FromResult(CheckResult.Refused(items.Select(i => i.Key), $"Verify at most {AppCulture.Number(MaxBatch)} items at once."))
            : CheckAsync(type, items, null, null, cancellationToken);

    public Task<CheckResult> DisputeAsync(RecordType type, string key, long version, DisputeReason reason, string? note,
        CancellationToken cancellationToken = default)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return note is { Length: > FieldLimits.Summary }
            ? Task.FromResult(CheckResult.Refused([key], $"The note is {AppCulture.Number(note.Length)} characters long; the limit is {AppCulture.Number(FieldLimits.Summary)}."))
            : CheckAsync(type, [(key, version)], reason, note, cancellationToken);
    }

    private async Task<CheckResult> CheckAsync(RecordType type, IReadOnlyList<(string Key, long Version)> items, DisputeReason? reason, string? note,
        CancellationToken cancellationToken)
    {
        Editor editor;
        try
        {
            editor = await access.RequireAsync(AppRoles.Editor, cancellationToken);
        }
        catch (NotAllowedException ex)
        {
            return CheckResult.Refused(items.Select(i => i.Key), ex.Message);
        }
        if (!type.Verifiable)
        {
            return CheckResult.Refused(items.Select(i => i.Key), $"Nobody checks {type.Name} against a source.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await db.Dialect.BeginWriteAsync(db.Database.GetDbConnection(), cancellationToken);
            await db.Database.UseTransactionAsync(transaction, cancellationToken);
            using var writer = new RecordWriter(db, type);
            var problems = await writer.CheckAsync(items, reason, note, editor, options.Value.AllowSelfVerification, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new CheckResult(items.Count - problems.Count, problems);
        }
        catch (DatabaseBusyException ex)
        {
            return CheckResult.Refused(items.Select(i => i.Key), ex.Message);
        }
        catch (Exception ex) when (SqlDialect.IsBusy(ex) || ex.InnerException is { } inner && SqlDialect.IsBusy(inner))
        {
            return CheckResult.Refused(items.Select(i => i.Key), SqlDialect.Busy(ex).Message);
        }
    }
}
