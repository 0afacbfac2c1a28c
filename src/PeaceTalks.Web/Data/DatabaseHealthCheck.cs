using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PeaceTalks.Web.Data;

/// <summary>/health: the database file opens and its tables answer.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<PeaceTalksDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var actors = await db.Actors.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Database answers ({actors} actors).");
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
