namespace PeaceTalks.Web.Models;

/// <summary>What a history entry records. Verify and Dispute are checks against the source (an edit that makes an item unverified again is an Update).</summary>
public enum AuditAction { Create, Update, Retract, Restore, Lock, Unlock, Verify, Dispute }

/// <summary>
/// One change to the record: who, when (UTC), what (entity type, id and natural key), the action, each changed
/// field's old and new value (as they read in the CSV formats), and the editor's note. Rows are only ever added.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }

    /// <summary>A record type's noun ("statement", "plan point", …; see RecordTypes) or "user" for account administration.</summary>
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public required string EntityKey { get; set; }
    public AuditAction Action { get; set; }

    /// <summary>JSON: [{"field":"text","old":"…","new":"…"}, …]; see <see cref="FieldChange"/>.</summary>
    public required string Changes { get; set; }
    public string? Note { get; set; }

    /// <summary>The CSV import this change was part of, if any.</summary>
    public long? BatchId { get; set; }
    public ImportBatch? Batch { get; set; }
}

/// <summary>One field of an audit entry: its value before and after (null: had none).</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>One CSV import: the file, who imported it and what it did. Its row changes point to it.</summary>
public class ImportBatch
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public required string FileName { get; set; }

    /// <summary>SHA-256 of the file's bytes, in lower-case hex: which file exactly.</summary>
    public required string Sha256 { get; set; }
    public required string Format { get; set; }
    public int Rows { get; set; }
    public int Added { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
}

/// <summary>The one-time code that lets the first admin be created on a fresh install. Deleted once used.</summary>
public class SetupCode
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public DateTime CreatedAt { get; set; }
}
