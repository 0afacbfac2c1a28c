using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace PeaceTalks.Web.Tests.Infrastructure;

public static class MudTestServices
{
    /// <summary>MudBlazor's services without the check for a popover provider (components render on their own in tests).</summary>
    public static IServiceCollection AddMudServicesForTests(this IServiceCollection services) =>
        services.AddMudServices(options => options.PopoverOptions.CheckForPopoverProvider = false);
}
