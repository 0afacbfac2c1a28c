using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Data.Configurations;

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ConfigureRecord();
        builder.ConfigureVerification();
        builder.Property(m => m.Slug).HasMaxLength(FieldLimits.Slug);
        builder.HasIndex(m => m.Slug).IsUnique();
        builder.Property(m => m.Title).HasMaxLength(FieldLimits.Name);
        builder.Property(m => m.Place).HasMaxLength(FieldLimits.Name);
        builder.Property(m => m.Outcome).HasMaxLength(FieldLimits.Summary);
        builder.HasOne(m => m.Source).WithMany().HasForeignKey(m => m.SourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.Date, m.Id });
    }
}

public sealed class MeetingParticipantConfiguration : IEntityTypeConfiguration<MeetingParticipant>
{
    public void Configure(EntityTypeBuilder<MeetingParticipant> builder)
    {
        builder.HasKey(p => new { p.MeetingId, p.ActorId });
        builder.HasQueryFilter(PeaceTalksDbContext.Live, p => p.Meeting.RetractedAt == null && p.Actor.RetractedAt == null);
        builder.HasIndex(p => new { p.ActorId, p.MeetingId });
        builder.HasOne(p => p.Meeting).WithMany(m => m.Participants).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Actor).WithMany(a => a.Meetings).OnDelete(DeleteBehavior.Restrict);
    }
}
