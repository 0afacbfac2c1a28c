using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Data.Configurations;

public sealed class ActorConfiguration : IEntityTypeConfiguration<Actor>
{
    public void Configure(EntityTypeBuilder<Actor> builder)
    {
        builder.ConfigureRecord();
        builder.Property(a => a.Slug).HasMaxLength(FieldLimits.Slug);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(FieldLimits.Name);
        builder.Property(a => a.Role).HasMaxLength(FieldLimits.Name);
        builder.Property(a => a.Side).HasMaxLength(FieldLimits.Side);
        builder.Property(a => a.AlternativeNames).HasMaxLength(FieldLimits.Summary);
        // The stance matrix and the actor list group and filter by side.
        builder.HasIndex(a => new { a.Side, a.Name });
        builder.HasIndex(a => a.Name);
    }
}
