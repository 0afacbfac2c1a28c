using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Data.Configurations;

public sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> builder)
    {
        builder.ConfigureRecord();
        builder.ConfigureVerification();
        builder.Property(s => s.Key).HasMaxLength(FieldLimits.Slug);
        builder.HasIndex(s => s.Key).IsUnique();
        builder.Property(s => s.Text).HasMaxLength(FieldLimits.Text);
        builder.Property(s => s.OriginalText).HasMaxLength(FieldLimits.Text);
        builder.Property(s => s.OriginalLanguage).HasMaxLength(16);

        builder.HasOne(s => s.Actor).WithMany(a => a.Statements).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Source).WithMany().HasForeignKey(s => s.SourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.ViaSource).WithMany().HasForeignKey(s => s.ViaSourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Meeting).WithMany(m => m.Statements).OnDelete(DeleteBehavior.SetNull);

        // The timeline pages newest first, overall and per actor, by (Date, Id).
        builder.HasIndex(s => new { s.Date, s.Id });
        builder.HasIndex(s => new { s.ActorId, s.Date, s.Id });
        builder.HasIndex(s => s.MeetingId);
    }
}

public sealed class StatementIssueConfiguration : IEntityTypeConfiguration<StatementIssue>
{
    public void Configure(EntityTypeBuilder<StatementIssue> builder)
    {
        builder.HasKey(si => new { si.StatementId, si.IssueId });
        // A link is live when both ends are (EF warns about a filtered required end otherwise).
        builder.HasQueryFilter(PeaceTalksDbContext.Live, si => si.Statement.RetractedAt == null && si.Issue.RetractedAt == null);
        // The issue filter looks statements up by issue.
        builder.HasIndex(si => new { si.IssueId, si.StatementId });
        builder.HasOne(si => si.Statement).WithMany(s => s.Issues).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(si => si.Issue).WithMany(i => i.Statements).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class StatementSourceConfiguration : IEntityTypeConfiguration<StatementSource>
{
    public void Configure(EntityTypeBuilder<StatementSource> builder)
    {
        builder.HasKey(ss => new { ss.StatementId, ss.SourceId });
        builder.HasQueryFilter(PeaceTalksDbContext.Live, ss => ss.Statement.RetractedAt == null && ss.Source.RetractedAt == null);
        builder.HasOne(ss => ss.Statement).WithMany(s => s.OtherSources).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(ss => ss.Source).WithMany().HasForeignKey(ss => ss.SourceId).OnDelete(DeleteBehavior.Restrict);
    }
}
