using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;

namespace PeaceTalks.Web.Accounts;

/// <summary>
/// The one-time setup code, repeated once the app is listening as a block of its own at the end of the start-up log,
/// with the address to open: the start-up log is long, and the code is the one thing a new installer must find in it.
/// </summary>
public static class SetupCodeBanner
{
    public const string Marker = "FIRST START: NO ADMINISTRATOR YET";

    public static void AnnounceSetupCode(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() => _ = AnnounceAsync(app.Services));

    private static async Task AnnounceAsync(IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("PeaceTalks.Setup");
        try
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<PeaceTalksDbContext>>().CreateDbContextAsync();
            if (await SetupCodes.AdminExistsAsync(db)
                || await db.SetupCodes.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Code).FirstOrDefaultAsync() is not { } code)
            {
                return;
            }
            var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5058";
            logger.LogWarning("{Banner}", Banner(code, address.TrimEnd('/') + "/setup"));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The code is in the log already (the line that says "No administrator yet"); this is only its reminder.
            logger.LogDebug(ex, "Could not repeat the setup code");
        }
    }

    public static string Banner(string code, string setupUrl)
    {
        const string Rule = "========================================================================";
        return string.Join(Environment.NewLine,
        [
            "",
            Rule,
            $"  {Marker}",
            $"  Open {setupUrl} and enter this one-time setup code:",
            "",
            $"      {code}",
            "",
            "  It creates the first admin account and is deleted once used. Keep this log private until then.",
            Rule,
        ]);
    }
}
