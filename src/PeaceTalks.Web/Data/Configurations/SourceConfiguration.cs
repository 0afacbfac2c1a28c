using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Data.Configurations;

public sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.ConfigureRecord();
        builder.Property(s => s.Key).HasMaxLength(FieldLimits.Slug);
        builder.HasIndex(s => s.Key).IsUnique();
        builder.Property(s => s.Title).HasMaxLength(FieldLimits.Name);
        builder.Property(s => s.Outlet).HasMaxLength(FieldLimits.Name);
        builder.Property(s => s.Url).HasMaxLength(FieldLimits.Url);
    }
}

public sealed class SourceTextConfiguration : IEntityTypeConfiguration<SourceText>
{
    public void Configure(EntityTypeBuilder<SourceText> builder)
    {
        builder.HasKey(t => t.SourceId);
        builder.HasOne(t => t.Source).WithOne().HasForeignKey<SourceText>(t => t.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Text).HasMaxLength(FieldLimits.ArticleText);
    }
}
