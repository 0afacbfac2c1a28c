using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PeaceTalks.Web.Accounts;
using PeaceTalks.Web.Api;
using PeaceTalks.Web.Components;
using PeaceTalks.Web.Components.Layout;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Data;
using Scalar.AspNetCore;

namespace PeaceTalks.Web.Extensions;

public static class Pipeline
{
    /// <summary>The request pipeline and endpoints.</summary>
    public static WebApplication UsePeaceTalks(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Services.GetRequiredService<IOptions<NodeOptions>>().Value.Name is { Length: > 0 } node)
        {
            // Behind a proxy with several nodes: which one answered, for whoever reads the logs or the headers.
            app.Use((context, next) =>
            {
                context.Response.Headers["X-PeaceTalks-Node"] = node;
                return next(context);
            });
        }
        app.UseResponseCompression();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseHttpLogging();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseCors();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePasswordChangeWhenRequired();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(DatabaseHealthCheck.Tag) }).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapCsvExports().RequireRateLimiting(WebRegistrations.ExportRateLimit);
        app.MapPeaceTalksApi();
        if (app.Services.GetRequiredService<IOptions<DiagnosticsOptions>>().Value.MemoryEndpoint)
        {
            app.MapServerMemory();
        }
        app.MapStatementFeed();
        app.MapPlanFeed();
        app.MapThemeStylesheet();
        app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();
        app.MapScalarApiReference("/api/docs", options => options.WithTitle("PeaceTalks API").WithOpenApiRoutePattern("/api/{documentName}/openapi.json"))
            .AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
