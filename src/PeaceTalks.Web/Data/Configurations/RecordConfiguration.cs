using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Data.Configurations;

/// <summary>What every item of the record shares: the version token and the "live" filter that hides retracted items.</summary>
internal static class RecordConfiguration
{
    public static void ConfigureRecord<T>(this EntityTypeBuilder<T> builder) where T : class, IRecord
    {
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.RetractedReason).HasMaxLength(FieldLimits.Summary);
        builder.HasQueryFilter(PeaceTalksDbContext.Live, r => r.RetractedAt == null);
    }

    /// <summary>The check against the source (<see cref="IVerifiable"/>): who and why, and the review queue's order.</summary>
    public static void ConfigureVerification<T>(this EntityTypeBuilder<T> builder) where T : class, IVerifiable
    {
        builder.Property(r => r.CheckedById).HasMaxLength(450);
        builder.Property(r => r.CheckedBy).HasMaxLength(FieldLimits.Name);
        builder.Property(r => r.DisputeNote).HasMaxLength(FieldLimits.Summary);
        builder.Property(r => r.ChangedById).HasMaxLength(450);
        // The review queue: what awaits a check (or is disputed) among live items, oldest change first; and its counts,
        // from the index alone.
        builder.HasIndex(r => new { r.Verification, r.RetractedAt, r.ChangedAt, r.Id });
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(FieldLimits.Name);
        builder.Property(e => e.EntityType).HasMaxLength(24);
        builder.Property(e => e.EntityKey).HasMaxLength(FieldLimits.Name + 20);
        builder.Property(e => e.Note).HasMaxLength(FieldLimits.Summary);
        builder.HasOne(e => e.Batch).WithMany().HasForeignKey(e => e.BatchId).OnDelete(DeleteBehavior.Restrict);
        // An item's history, and /changes filtered by date or user.
        builder.HasIndex(e => new { e.EntityType, e.EntityId, e.Id });
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.UserName, e.Id });
    }
}

public sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.Property(b => b.UserId).HasMaxLength(450);
        builder.Property(b => b.UserName).HasMaxLength(FieldLimits.Name);
        builder.Property(b => b.FileName).HasMaxLength(FieldLimits.Name + 60);
        builder.Property(b => b.Sha256).HasMaxLength(64);
        builder.Property(b => b.Format).HasMaxLength(24);
    }
}

public sealed class SetupCodeConfiguration : IEntityTypeConfiguration<SetupCode>
{
    public void Configure(EntityTypeBuilder<SetupCode> builder) => builder.Property(c => c.Code).HasMaxLength(64);
}

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder) => builder.Property(u => u.DisplayName).HasMaxLength(FieldLimits.Name);
}
