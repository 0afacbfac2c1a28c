using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using PeaceTalks.Web.Extensions;

namespace PeaceTalks.Web.Tests.Infrastructure;

/// <summary>
/// A bUnit context with MudBlazor and the app's real services over a seeded SQLite file.
/// Pages render inside a MudPopoverProvider, as they do in the app's layout.
/// </summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    protected virtual bool Seed => true;

    /// <summary>Holds a chosen query back until the test releases it (a slow query without a sleep).</summary>
    protected HeldCommands Held { get; } = new();

    /// <summary>Who the rendered page belongs to: anonymous unless a test signs in (SetAuthorized, SetRoles).</summary>
    protected BunitAuthorizationContext Authorization { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Seed);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Authorization = AddAuthorization();
        Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Held);
        Services.AddMudServicesForTests();
        Services.AddPeaceTalksServices(Database.Settings);
        // Pages render as they do on a live connection (interactive server), not as a prerender.
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", true));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Renders a routable page at a URL, so [SupplyParameterFromQuery] sees its query string.</summary>
    protected IRenderedComponent<TPage> RenderAt<TPage>(string url, Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(url);
        return Render(parameters ?? (_ => { }));
    }
}
