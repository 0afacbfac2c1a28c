using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PeaceTalks.Web.Data;

/// <summary>/health/ready (and /health): the database answers. A proxy stops sending readers to a node that fails it.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<PeaceTalksDbContext> dbFactory) : IHealthCheck
{
    public const string Tag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var actors = await db.Actors.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Database answers ({actors} actors).");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
