using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Data.Configurations;

public sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.ConfigureRecord();
        builder.Property(p => p.Slug).HasMaxLength(FieldLimits.Slug);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Title).HasMaxLength(FieldLimits.Name);
        builder.Property(p => p.Summary).HasMaxLength(FieldLimits.Summary);
        builder.HasOne(p => p.ProposedBy).WithMany().HasForeignKey(p => p.ProposedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PlanIssueConfiguration : IEntityTypeConfiguration<PlanIssue>
{
    public void Configure(EntityTypeBuilder<PlanIssue> builder)
    {
        builder.HasKey(l => new { l.PlanId, l.IssueId });
        builder.HasQueryFilter(PeaceTalksDbContext.Live, l => l.Plan.RetractedAt == null && l.Issue.RetractedAt == null);
        builder.HasIndex(l => l.IssueId);
        builder.HasOne(l => l.Plan).WithMany(p => p.Issues).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Issue).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> builder)
    {
        builder.ConfigureRecord();
        builder.Property(v => v.Key).HasMaxLength(FieldLimits.Slug);
        builder.HasIndex(v => v.Key).IsUnique();
        builder.Property(v => v.Label).HasMaxLength(FieldLimits.Name);
        builder.HasOne(v => v.Plan).WithMany(p => p.Versions).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(v => v.Source).WithMany().HasForeignKey(v => v.SourceId).OnDelete(DeleteBehavior.Restrict);
        // A plan's versions in order; the timeline pages them by date like statements and meetings.
        builder.HasIndex(v => new { v.PlanId, v.Date });
        builder.HasIndex(v => new { v.Date, v.Id });
    }
}

public sealed class PlanPointConfiguration : IEntityTypeConfiguration<PlanPoint>
{
    public void Configure(EntityTypeBuilder<PlanPoint> builder)
    {
        builder.ConfigureRecord();
        builder.ConfigureVerification();
        builder.Property(p => p.Key).HasMaxLength(FieldLimits.Slug);
        builder.HasIndex(p => p.Key).IsUnique();
        builder.Property(p => p.Number).HasMaxLength(FieldLimits.PointNumber);
        builder.Property(p => p.Text).HasMaxLength(FieldLimits.Text);
        builder.HasOne(p => p.PlanVersion).WithMany(v => v.Points).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.PlanVersionId);
    }
}

public sealed class PlanPointIssueConfiguration : IEntityTypeConfiguration<PlanPointIssue>
{
    public void Configure(EntityTypeBuilder<PlanPointIssue> builder)
    {
        builder.HasKey(l => new { l.PlanPointId, l.IssueId });
        builder.HasQueryFilter(PeaceTalksDbContext.Live, l => l.PlanPoint.RetractedAt == null && l.Issue.RetractedAt == null);
        builder.HasIndex(l => l.IssueId);
        builder.HasOne(l => l.PlanPoint).WithMany(p => p.Issues).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Issue).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PointLineageConfiguration : IEntityTypeConfiguration<PointLineage>
{
    public void Configure(EntityTypeBuilder<PointLineage> builder)
    {
        builder.HasKey(l => new { l.PlanPointId, l.PreviousPointId });
        builder.HasQueryFilter(PeaceTalksDbContext.Live, l => l.PlanPoint.RetractedAt == null && l.PreviousPoint.RetractedAt == null);
        builder.HasIndex(l => l.PreviousPointId);
        builder.HasOne(l => l.PlanPoint).WithMany(p => p.Continues).HasForeignKey(l => l.PlanPointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.PreviousPoint).WithMany().HasForeignKey(l => l.PreviousPointId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PointPositionConfiguration : IEntityTypeConfiguration<PointPosition>
{
    public void Configure(EntityTypeBuilder<PointPosition> builder)
    {
        builder.ConfigureRecord();
        builder.Property(p => p.Summary).HasMaxLength(FieldLimits.Summary);
        builder.HasOne(p => p.Actor).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.PlanPoint).WithMany(p => p.Positions).OnDelete(DeleteBehavior.Restrict);
        // One stance per actor, point and day; "as of" walks this index, as for positions on issues.
        builder.HasIndex(p => new { p.ActorId, p.PlanPointId, p.AsOf }).IsUnique();
        builder.HasIndex(p => new { p.PlanPointId, p.AsOf });
    }
}

public sealed class PointPositionEvidenceConfiguration : IEntityTypeConfiguration<PointPositionEvidence>
{
    public void Configure(EntityTypeBuilder<PointPositionEvidence> builder)
    {
        builder.HasKey(e => new { e.PointPositionId, e.StatementId });
        builder.HasQueryFilter(PeaceTalksDbContext.Live, e => e.PointPosition.RetractedAt == null && e.Statement.RetractedAt == null);
        builder.HasIndex(e => e.StatementId);
        builder.HasOne(e => e.PointPosition).WithMany(p => p.Evidence).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Statement).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class StatementPointConfiguration : IEntityTypeConfiguration<StatementPoint>
{
    public void Configure(EntityTypeBuilder<StatementPoint> builder)
    {
        builder.HasKey(l => new { l.StatementId, l.PlanPointId });
        builder.HasQueryFilter(PeaceTalksDbContext.Live, l => l.Statement.RetractedAt == null && l.PlanPoint.RetractedAt == null);
        builder.HasIndex(l => l.PlanPointId);
        builder.HasOne(l => l.Statement).WithMany(s => s.Points).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.PlanPoint).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}
