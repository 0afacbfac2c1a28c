using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Data.Configurations;

public sealed class IssueConfiguration : IEntityTypeConfiguration<Issue>
{
    public void Configure(EntityTypeBuilder<Issue> builder)
    {
        builder.ConfigureRecord();
        builder.Property(i => i.Slug).HasMaxLength(FieldLimits.Slug);
        builder.HasIndex(i => i.Slug).IsUnique();
        builder.Property(i => i.Name).HasMaxLength(FieldLimits.Name);
        builder.Property(i => i.Description).HasMaxLength(FieldLimits.Summary);
    }
}
