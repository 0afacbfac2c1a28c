using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Data;

/// <summary>
/// The record, the accounts and the shared Data Protection keys. The app runs one of two derived types,
/// <see cref="SqliteDbContext"/> or <see cref="PostgresDbContext"/>, each with its own migrations (EF Core's
/// "migrations with multiple providers" layout); everything else is written against this type.
/// </summary>
public abstract class PeaceTalksDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The query filter that hides retracted items; <c>IgnoreQueryFilters([Live])</c> shows them.</summary>
    public const string Live = "Live";

    public DbSet<Actor> Actors => Set<Actor>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<SourceText> SourceTexts => Set<SourceText>();
    public DbSet<Issue> Issues => Set<Issue>();
    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<StatementIssue> StatementIssues => Set<StatementIssue>();
    public DbSet<StatementSource> StatementSources => Set<StatementSource>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingParticipant> MeetingParticipants => Set<MeetingParticipant>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<PositionEvidence> PositionEvidence => Set<PositionEvidence>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();
    public DbSet<PlanPoint> PlanPoints => Set<PlanPoint>();
    public DbSet<PointPosition> PointPositions => Set<PointPosition>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<SetupCode> SetupCodes => Set<SetupCode>();

    /// <summary>Keys that protect cookies and antiforgery tokens, shared by every app node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>What this provider does differently (write lock, bulk writes, full-text search, errors).</summary>
    public abstract SqlDialect Dialect { get; }

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
        Store<PlanStatus>(configurationBuilder);
        Store<PointChange>(configurationBuilder);
        Store<PointStance>(configurationBuilder);
        Store<VerificationState>(configurationBuilder);
        Store<DisputeReason>(configurationBuilder);
        // Every DateTime in the record is UTC: SQLite keeps no kind, so it is put back on reading; PostgreSQL's
        // "timestamp with time zone" takes only UTC values, so one without a kind is taken as UTC on writing.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static void Store<TEnum>(ModelConfigurationBuilder builder) where TEnum : struct, Enum =>
        builder.Properties<TEnum>().HaveConversion<KebabCaseConverter<TEnum>>().HaveMaxLength(32);

    private sealed class KebabCaseConverter<TEnum>() : ValueConverter<TEnum, string>(
        v => KebabCase<TEnum>.ToWord(v),
        s => KebabCase<TEnum>.Parse(s)) where TEnum : struct, Enum;
}
