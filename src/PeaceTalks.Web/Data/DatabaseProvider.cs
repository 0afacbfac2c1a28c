using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PeaceTalks.Web.Data;

/// <summary>Which database the app runs on (Database:Provider): SQLite, embedded, the default; or PostgreSQL.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The database settings the app starts with: the provider and the connection string (ConnectionStrings:PeaceTalks).</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseSettings Sqlite(string connectionString) => new(DatabaseProvider.Sqlite, connectionString);

    public static DatabaseSettings Postgres(string connectionString) => new(DatabaseProvider.Postgres, connectionString);

    /// <summary>Reads Database:Provider; an unknown name is refused with the valid ones listed.</summary>
    public static DatabaseProvider ParseProvider(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return DatabaseProvider.Sqlite;
        }
        if (Enum.TryParse<DatabaseProvider>(name.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider))
        {
            return provider;
        }
        if (name.Trim().Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) || name.Trim().Equals("Npgsql", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Postgres;
        }
        throw new DatabaseStartupException(
            $"Database:Provider '{name}' is not one PeaceTalks knows. Valid values: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
    }
}

/// <summary>Thrown when the app must not start: the database or a seed file is unusable. The message is one line naming what and where.</summary>
public sealed class DatabaseStartupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The record on SQLite, with the SQLite migrations (Data/Migrations/Sqlite).</summary>
public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : PeaceTalksDbContext(options)
{
    public override SqlDialect Dialect => SqlDialect.Sqlite;
}

/// <summary>The record on PostgreSQL, with the PostgreSQL migrations (Data/Migrations/Postgres).</summary>
public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : PeaceTalksDbContext(options)
{
    public override SqlDialect Dialect => SqlDialect.Postgres;
}

/// <summary>Hands out the provider's context as the common type every service asks for.</summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<PeaceTalksDbContext>
    where TContext : PeaceTalksDbContext
{
    public PeaceTalksDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<PeaceTalksDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}

/// <summary>For `dotnet ef migrations add … --context SqliteDbContext`: no database is opened.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDbContext>
{
    public SqliteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>For `dotnet ef migrations add … --context PostgresDbContext`: no database is opened.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDbContext>
{
    public PostgresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql("Host=localhost;Database=peacetalks").Options);
}
