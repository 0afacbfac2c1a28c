using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using PeaceTalks.Web.Accounts;
using PeaceTalks.Web.Api;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Extensions;

/// <summary>What the web host adds around the services: sign-in, live connections, compression, health, limits, the API document.</summary>
public static class WebRegistrations
{
    public const string ExportRateLimit = "export";

    public static void AddPeaceTalksWeb(this IHostApplicationBuilder builder)
    {
        builder.AddAccounts();

        // The live connection. A reader who loses the network for a moment gets their page back as it was;
        // a server under load does not keep abandoned sessions (each holds its page state) for long.
        builder.Services.AddSingleton<CircuitCount>();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitCounter>();
        builder.Services.Configure<CircuitOptions>(options =>
        {
            options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
            options.DisconnectedCircuitMaxRetained = 100;
            options.MaxBufferedUnacknowledgedRenderBatches = 10;
            options.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);
            options.DetailedErrors = builder.Environment.IsDevelopment();
        });

        // Pages, exports and API answers go out compressed (Brotli, else gzip), at the fastest level: on a busy server
        // CPU is scarcer than bandwidth. Safe over HTTPS here: the secrets a page carries (antiforgery tokens, the
        // persisted page state) are encrypted afresh for every response, so BREACH has nothing stable to guess at.
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
            options.MimeTypes = [.. Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes,
                "text/csv", "application/atom+xml", "application/problem+json", "image/svg+xml"];
        });
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(
            options => options.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(
            options => options.Level = System.IO.Compression.CompressionLevel.Fastest);

        // Operations: /health/live answers while the process runs; /health/ready (and /health) also checks the
        // database. Requests can be logged with method, path, status and duration (Logging:LogLevel for
        // Microsoft.AspNetCore.HttpLogging at Information: on in Development, off by default in Production, where
        // writing a console line per request costs a busy node more than the page).
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [DatabaseHealthCheck.Tag], timeout: TimeSpan.FromSeconds(3));
        builder.Services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });

        // Several nodes: the keys that protect sign-in cookies and antiforgery tokens live in the database under one
        // application name, so a cookie one node issued is good on every other.
        builder.Services.AddDataProtection()
            .SetApplicationName("PeaceTalks")
            .PersistKeysToDbContext<PeaceTalksDbContext>();

        // Behind a proxy: the client's address and scheme come from X-Forwarded-For/-Proto, but only when the request
        // arrives from a proxy listed in ForwardedHeaders:KnownProxies (so a client cannot claim any address it likes).
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((options, proxies) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
            options.ForwardLimit = 1;
        });

        // CSV downloads are streamed from the database; each client gets a budget per minute (Export:RequestsPerMinute),
        // and API pages and feeds, small and paged through by scripts, a larger one (Api:RequestsPerMinute).
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<IOptionsMonitor<RequestBudgetOptions>>((options, budgets) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(ExportRateLimit, context => PerClient(context, budgets.Get("Export").RequestsPerMinute));
            options.AddPolicy(ApiEndpoints.RateLimit, context => PerClient(context, budgets.Get("Api").RequestsPerMinute));
        });
        // Any site may read the open data from a browser script; nothing else crosses origins.
        builder.Services.AddCors(options => options.AddPolicy(ApiEndpoints.CorsPolicy, policy => policy.AllowAnyOrigin().WithMethods("GET", "HEAD")));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "PeaceTalks open data";
            document.Info.Version = "v1";
            document.Info.Description = "Read-only: statements, meetings, actors, issues, sources, positions and stances, with the timeline's filters.";
            // Paths are relative to wherever the app is served; the address a request came in on is not part of the contract.
            document.Servers?.Clear();
            return Task.CompletedTask;
        }));

        // Long filtered URLs (many actors, a long search) stay well inside this; the default is 8 KB.
        builder.Services.Configure<KestrelServerOptions>(options =>
        {
            options.Limits.MaxRequestLineSize = 32 * 1024;
            options.Limits.MaxRequestBodySize = 1024 * 1024;
        });
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, int perMinute) => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    /// <summary>Sign-in cookies, roles on pages, and the "private install" switch (Access:RequireSignIn).</summary>
    private static void AddAccounts(this IHostApplicationBuilder builder)
    {
        // Needed now: the fallback policy and the revalidation interval are part of the registrations.
        var access = Settings.Read<AccessOptions>(builder, "Access");
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        new IdentityBuilder(typeof(AppUser), typeof(IdentityRole), builder.Services).AddSignInManager();
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "PeaceTalks.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.SlidingExpiration = true;
        });
        // The cookie is checked against the database as often as a live page is: a locked or demoted user loses access.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = access.RevalidateInterval);
        builder.Services.AddAuthorization(options =>
        {
            if (access.RequireSignIn)
            {
                options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            }
        });
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
    }
}
