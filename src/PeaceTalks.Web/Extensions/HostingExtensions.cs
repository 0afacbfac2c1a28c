using System.Threading.RateLimiting;
using PeaceTalks.Web.Api;
using Scalar.AspNetCore;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using PeaceTalks.Web.Accounts;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Models;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using PeaceTalks.Web.Components;
using PeaceTalks.Web.Components.Layout;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Services;

namespace PeaceTalks.Web.Extensions;

public static class HostingExtensions
{
    /// <summary>Everything PeaceTalks registers: database, options and the per-feature services.</summary>
    public const string ExportRateLimit = "export";

    public static IHostApplicationBuilder AddPeaceTalks(this IHostApplicationBuilder builder)
    {
        // Numbers and dates read the same whatever the server's culture.
        AppCulture.UseEverywhere();
        var database = DatabaseSettingsOf(builder);
        builder.Services.AddPeaceTalksServices(database);
        builder.Services.AddSingleton(database);
        builder.Services.AddOptions<SeedOptions>().BindConfiguration("Seed");
        builder.Services.AddOptions<ImportOptions>().BindConfiguration("Import");
        builder.Services.AddMudServices();
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
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
            options.ForwardLimit = 1;
        });

        // CSV downloads are streamed from the database; each client gets a budget per minute (Export:RequestsPerMinute).
        var exportsPerMinute = builder.Configuration.GetValue("Export:RequestsPerMinute", 60);
        var apiPerMinute = builder.Configuration.GetValue("Api:RequestsPerMinute", 600);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(ExportRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = exportsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // API pages and feeds are small and a script pages through many: a larger budget (Api:RequestsPerMinute).
            options.AddPolicy(ApiEndpoints.RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = apiPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
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
        return builder;
    }

    /// <summary>The services over one database; the tests and the benchmark build the same set over their own.</summary>
    public static IServiceCollection AddPeaceTalksServices(this IServiceCollection services, DatabaseSettings database)
    {
        // Database: a (pooled) factory, never a scoped context (a Blazor circuit would keep one alive for hours).
        // Interceptors registered in the container (tests count commands with one) join every context.
        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddPooledDbContextFactory<PostgresDbContext>((provider, options) => options
                .UseNpgsql(database.ConnectionString, npgsql => npgsql.CommandTimeout(60))
                .AddInterceptors(provider.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
            services.AddSingleton<IDbContextFactory<PeaceTalksDbContext>, ProviderContextFactory<PostgresDbContext>>();
        }
        else
        {
            services.AddPooledDbContextFactory<SqliteDbContext>((provider, options) => options
                .UseSqlite(database.ConnectionString)
                .AddInterceptors(provider.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
            services.AddSingleton<IDbContextFactory<PeaceTalksDbContext>, ProviderContextFactory<SqliteDbContext>>();
        }
        services.AddSingleton<DatabaseInitializer>();

        // Accounts: ASP.NET Core Identity on the app's own database. Its user store wants a scoped context; that
        // context serves Identity only, and interactive pages reach UserManager through a fresh scope per operation.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PeaceTalksDbContext>>().CreateDbContext());
        services.AddIdentityCore<AppUser>(options =>
            {
                // Length over composition rules (NIST SP 800-63B): at least 12 characters, not one repeated.
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PeaceTalksDbContext>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>();

        // Writes: every one goes through EditorAccess, which checks the role on the server.
        services.AddScoped<EditorAccess>();
        services.AddScoped<RecordEditService>();
        services.AddScoped<Intake.IntakeService>();
        services.AddScoped<UserAdministration>();
        services.AddSingleton<AuditQueries>();

        // Read side: one small query service per feature.
        services.AddSingleton<FilterResolver>();
        services.AddSingleton<LookupQueries>();
        services.AddSingleton<TimelineQueries>();
        services.AddSingleton<StanceIndex>();
        services.AddSingleton<StanceQueries>();
        services.AddSingleton<ActorQueries>();
        services.AddSingleton<IssueQueries>();
        services.AddSingleton<MeetingQueries>();
        services.AddSingleton<SearchQueries>();
        services.AddSingleton<StatementQueries>();
        services.AddSingleton<Components.Pages.PrerenderedData>();

        // CSV
        services.AddSingleton<CsvImporter>();
        services.AddSingleton<CsvExporter>();
        services.AddSingleton<ImportRateLimiter>();
        return services;
    }

    /// <summary>Sign-in cookies, roles on pages, and the "private install" switch (Access:RequireSignIn).</summary>
    private static void AddAccounts(this IHostApplicationBuilder builder)
    {
        var access = builder.Configuration.GetSection("Access").Get<AccessOptions>() ?? new AccessOptions();
        builder.Services.AddOptions<AccessOptions>().BindConfiguration("Access");
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

    /// <summary>The request pipeline and endpoints.</summary>
    public static WebApplication UsePeaceTalks(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Configuration["Node:Name"] is { Length: > 0 } node)
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
        app.MapCsvExports().RequireRateLimiting(ExportRateLimit);
        app.MapPeaceTalksApi();
        if (app.Configuration.GetValue("Diagnostics:MemoryEndpoint", false))
        {
            app.MapServerMemory();
        }
        app.MapStatementFeed();
        app.MapThemeStylesheet();
        app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();
        app.MapScalarApiReference("/api/docs", options => options.WithTitle("PeaceTalks API").WithOpenApiRoutePattern("/api/{documentName}/openapi.json"))
            .AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        // Once serving, read the stance index in the background: on a million positions that takes a second or two,
        // which the first reader of the matrix would otherwise wait for. Stances:WarmUpOnStart=false turns it off.
        if (app.Configuration.GetValue("Stances:WarmUpOnStart", true))
        {
            app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
            {
                try
                {
                    await app.Services.GetRequiredService<StanceIndex>().WarmUpAsync(app.Lifetime.ApplicationStopping);
                }
                catch (Exception ex) when (ex is OperationCanceledException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
                {
                    // The index loads on first use instead; nothing a reader sees depends on the warm-up.
                    app.Logger.LogWarning("The stance index was not read at start-up: {Problem}", ex.Message);
                }
            }));
        }
        return app;
    }

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

    /// <summary>
    /// Database:Provider and ConnectionStrings:PeaceTalks. A relative SQLite file path is anchored at the content root
    /// (not the shell's current folder), and its folder created.
    /// </summary>
    private static DatabaseSettings DatabaseSettingsOf(IHostApplicationBuilder builder)
    {
        var provider = DatabaseSettings.ParseProvider(builder.Configuration["Database:Provider"]);
        var configured = builder.Configuration.GetConnectionString("PeaceTalks");
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new DatabaseStartupException("ConnectionStrings:PeaceTalks is not set: PeaceTalks does not know where its database is.");
        }
        if (provider == DatabaseProvider.Postgres)
        {
            return DatabaseSettings.Postgres(configured);
        }
        var sqlite = new SqliteConnectionStringBuilder(configured);
        if (sqlite.Mode != SqliteOpenMode.Memory && !sqlite.DataSource.StartsWith(':') && !sqlite.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            sqlite.DataSource = Path.GetFullPath(sqlite.DataSource, builder.Environment.ContentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
        }
        return DatabaseSettings.Sqlite(sqlite.ToString());
    }
}
