using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Data;

public class PeaceTalksDbContext(DbContextOptions<PeaceTalksDbContext> options) : IdentityDbContext<AppUser>(options)
{
    /// <summary>The query filter that hides retracted items; <c>IgnoreQueryFilters([Live])</c> shows them.</summary>
    public const string Live = "Live";

    public DbSet<Actor> Actors => Set<Actor>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Issue> Issues => Set<Issue>();
    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<StatementIssue> StatementIssues => Set<StatementIssue>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingParticipant> MeetingParticipants => Set<MeetingParticipant>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<PositionEvidence> PositionEvidence => Set<PositionEvidence>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<SetupCode> SetupCodes => Set<SetupCode>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PeaceTalksDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their kebab-case words: the same text the CSV files and URLs use.
        Store<ActorKind>(configurationBuilder);
        Store<SourceKind>(configurationBuilder);
        Store<DatePrecision>(configurationBuilder);
        Store<DateBasis>(configurationBuilder);
        Store<TextKind>(configurationBuilder);
        Store<Channel>(configurationBuilder);
        Store<Attribution>(configurationBuilder);
        Store<ParticipantRole>(configurationBuilder);
        Store<Stance>(configurationBuilder);
        Store<AuditAction>(configurationBuilder);
        // Every DateTime in the record is UTC; SQLite keeps no kind, so it is put back on reading.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v,
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static void Store<TEnum>(ModelConfigurationBuilder builder) where TEnum : struct, Enum =>
        builder.Properties<TEnum>().HaveConversion<KebabCaseConverter<TEnum>>().HaveMaxLength(24);

    private sealed class KebabCaseConverter<TEnum>() : ValueConverter<TEnum, string>(
        v => KebabCase<TEnum>.ToWord(v),
        s => KebabCase<TEnum>.Parse(s)) where TEnum : struct, Enum;
}
