using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Accounts;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Services;

namespace PeaceTalks.Web.Extensions;

public static class ServiceRegistrations
{
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
        services.AddOptions<SeedOptions>();
        services.AddOptions<ImportOptions>();

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
        services.AddScoped<Verification.VerificationService>();
        services.AddSingleton<Verification.ReviewQueries>();
        services.AddScoped<Intake.IntakeService>();
        services.AddOptions<Intake.FetchOptions>();
        services.AddSingleton<Intake.ArticleFetcher>();
        services.AddScoped<UserAdministration>();
        services.AddSingleton<AuditQueries>();

        // Read side: one small query service per feature.
        services.AddMemoryCache();
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
        services.AddSingleton<PlanQueries>();
        services.AddSingleton<Components.Pages.PrerenderedData>();

        // CSV
        services.AddSingleton<CsvImporter>();
        services.AddSingleton<CsvExporter>();
        services.AddSingleton<ImportRateLimiter>();
        return services;
    }
}
