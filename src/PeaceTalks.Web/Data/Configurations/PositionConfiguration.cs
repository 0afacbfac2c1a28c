using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Data.Configurations;

public sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.ConfigureRecord();
        builder.ConfigureVerification();
        builder.Property(p => p.Summary).HasMaxLength(FieldLimits.Summary);
        builder.HasOne(p => p.Actor).WithMany(a => a.Positions).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Issue).WithMany(i => i.Positions).OnDelete(DeleteBehavior.Restrict);
        // One position per actor, issue and day; the as-of rule ("latest on or before") walks this index.
        builder.HasIndex(p => new { p.ActorId, p.IssueId, p.AsOf }).IsUnique();
    }
}

public sealed class PositionEvidenceConfiguration : IEntityTypeConfiguration<PositionEvidence>
{
    public void Configure(EntityTypeBuilder<PositionEvidence> builder)
    {
        builder.HasKey(e => new { e.PositionId, e.StatementId });
        builder.HasQueryFilter(PeaceTalksDbContext.Live, e => e.Position.RetractedAt == null && e.Statement.RetractedAt == null);
        builder.HasIndex(e => e.StatementId);
        builder.HasOne(e => e.Position).WithMany(p => p.Evidence).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Statement).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}
