using Microsoft.Extensions.Options;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Services;

namespace PeaceTalks.Web.Extensions;

public static class StartupTasks
{
    /// <summary>Creates or migrates and seeds the database; logs one line and returns false when the app must not start.</summary>
    public static async Task<bool> InitialiseDatabaseAsync(this WebApplication app)
    {
        try
        {
            await app.Services.GetRequiredService<DatabaseInitializer>().InitialiseAsync();
            return true;
        }
        catch (DatabaseStartupException ex)
        {
            app.Logger.LogCritical("PeaceTalks cannot start. {Problem}", ex.Message);
            return false;
        }
    }
}

/// <summary>
/// Reads the stance index in the background once the app serves: on a million positions that takes a second or two,
/// which the first reader of the matrix would otherwise wait for (Stances:WarmUpOnStart=false turns it off).
/// </summary>
public sealed class StanceIndexWarmUp(StanceIndex index, IOptions<StancesOptions> options, IHostApplicationLifetime lifetime,
    ILogger<StanceIndexWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmUpOnStart)
        {
            return;
        }
        // Not before the app serves: start-up (migrations, the seed) comes first.
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
                await index.WarmUpAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException || SqlDialect.IsDatabaseError(ex) || ex is InvalidOperationException)
            {
                // The index loads on first use instead; nothing a reader sees depends on the warm-up.
                logger.LogWarning("The stance index was not read at start-up: {Problem}", ex.Message);
            }
        }
    }
}
