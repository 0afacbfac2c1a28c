using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Editing;

/// <summary>The import a change came in with.</summary>
public sealed record ImportBatchInfo(long Id, string FileName, string Sha256, string Format);

/// <summary>One entry of an item's history or of /changes.</summary>
public sealed record HistoryEntry(
    long Id,
    DateTime At,
    string UserName,
    string EntityType,
    int EntityId,
    string EntityKey,
    AuditAction Action,
    IReadOnlyList<FieldChange> Changes,
    string? Note,
    ImportBatchInfo? Batch);

/// <summary>The filters of /changes, all optional: who, what kind of item, and a range of UTC days.</summary>
public sealed record ChangeFilter(string? User = null, string? EntityType = null, DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>The kind of entry that records account administration (an email, a role, a lock): for admins only.</summary>
    public const string Accounts = "user";

    /// <summary>Every record type's noun (as its history entries name it), then account administration.</summary>
    public static IReadOnlyList<string> EntityTypes { get; } = [.. Records.RecordTypes.All.Select(t => t.Noun), Accounts];

    /// <summary>The kinds a reader may filter by: account administration only for admins.</summary>
    public static IReadOnlyList<string> EntityTypesFor(bool admin) => admin ? EntityTypes : [.. EntityTypes.Where(t => t != Accounts)];
}

public sealed record ChangePage(IReadOnlyList<HistoryEntry> Items, long? NextBefore, int Total);

/// <summary>
/// Reads the history of changes. Nothing here (or anywhere in the app) updates or deletes an audit entry. Accounts are
/// private: the entries of account administration (whose key is an email, whose fields a role or a lock) are read only
/// when the caller says the reader is an admin (<see cref="EditorAccess.HasRoleAsync(string, CancellationToken)"/>,
/// checked on the server); every other entry names whoever made the change by display name only.
/// </summary>
public sealed class AuditQueries(IDbContextFactory<PeaceTalksDbContext> dbFactory)
{
    public const int PageSize = 50;

    /// <summary>An item's history, newest first.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string entityType, int entityId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Project(db.AuditEntries.AsNoTracking().Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .OrderByDescending(e => e.Id)).ToListAsync(cancellationToken);
        return [.. rows.Select(ToEntry)];
    }

    public async Task<ChangePage> ListAsync(ChangeFilter filter, bool admin, long? before = null, int pageSize = PageSize,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, filter, admin);
        var total = await query.CountAsync(cancellationToken);
        if (before is { } b)
        {
            query = query.Where(e => e.Id < b);
        }
        var rows = await Project(query.OrderByDescending(e => e.Id).Take(pageSize + 1)).ToListAsync(cancellationToken);
        var page = rows.Take(pageSize).Select(ToEntry).ToList();
        return new ChangePage(page, rows.Count > pageSize ? page[^1].Id : null, total);
    }

    /// <summary>The names of everyone who has changed something the reader may see, for the user filter.</summary>
    public async Task<IReadOnlyList<string>> UsersAsync(bool admin, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Filtered(db, new ChangeFilter(), admin).Select(e => e.UserName).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);
    }

    /// <summary>/export/changes.csv: one row per changed field, newest first.</summary>
    public async IAsyncEnumerable<string?[]> ExportAsync(ChangeFilter filter, bool admin,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Project(Filtered(db, filter, admin).OrderByDescending(e => e.Id)).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var entry = ToEntry(row);
            var at = entry.At.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            var batch = entry.Batch is { } b ? $"{b.FileName} (sha256 {b.Sha256})" : null;
            IEnumerable<FieldChange> changes = entry.Changes.Count == 0 ? [new FieldChange("", null, null)] : entry.Changes;
            foreach (var change in changes)
            {
                yield return
                [
                    entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), at, entry.UserName, entry.EntityType, entry.EntityKey,
                    Models.KebabCase<AuditAction>.ToWord(entry.Action), change.Field, change.Old, change.New, entry.Note, batch,
                ];
            }
        }
    }

    public static IReadOnlyList<string> ExportHeader { get; } =
        ["change", "at_utc", "user", "entity_type", "entity_key", "action", "field", "old", "new", "note", "import"];

    private static IQueryable<AuditEntry> Filtered(PeaceTalksDbContext db, ChangeFilter filter, bool admin)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!admin)
        {
            query = query.Where(e => e.EntityType != ChangeFilter.Accounts);
        }
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            query = query.Where(e => e.UserName == filter.User);
        }
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(e => e.EntityType == filter.EntityType);
        }
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.At < end);
        }
        return query;
    }

    private sealed record Row(long Id, DateTime At, string UserName, string EntityType, int EntityId, string EntityKey, AuditAction Action,
        string Changes, string? Note, long? BatchId, string? FileName, string? Sha256, string? Format);

    private static IQueryable<Row> Project(IQueryable<AuditEntry> query) => query.Select(e => new Row(
        e.Id, e.At, e.UserName, e.EntityType, e.EntityId, e.EntityKey, e.Action, e.Changes, e.Note, e.BatchId,
        e.Batch == null ? null : e.Batch.FileName, e.Batch == null ? null : e.Batch.Sha256, e.Batch == null ? null : e.Batch.Format));

    private static HistoryEntry ToEntry(Row r) => new(r.Id, DateTime.SpecifyKind(r.At, DateTimeKind.Utc), r.UserName, r.EntityType, r.EntityId,
        r.EntityKey, r.Action, AuditJson.Read(r.Changes), r.Note,
        r.BatchId is { } id ? new ImportBatchInfo(id, r.FileName!, r.Sha256!, r.Format!) : null);
}
