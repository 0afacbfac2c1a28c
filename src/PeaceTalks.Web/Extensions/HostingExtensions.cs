using MudBlazor.Services;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Extensions;

/// <summary>What Program.cs calls: everything PeaceTalks registers, in three parts (settings, services, the web host's own).</summary>
public static class HostingExtensions
{
    public static IHostApplicationBuilder AddPeaceTalks(this IHostApplicationBuilder builder)
    {
        // Numbers and dates read the same whatever the server's culture.
        AppCulture.UseEverywhere();
        builder.AddPeaceTalksSettings();
        var database = Settings.Database(builder);
        builder.Services.AddSingleton(database);
        builder.Services.AddPeaceTalksServices(database);
        builder.Services.AddMudServices();
        builder.AddPeaceTalksWeb();
        builder.Services.AddHostedService<StanceIndexWarmUp>();
        return builder;
    }
}
