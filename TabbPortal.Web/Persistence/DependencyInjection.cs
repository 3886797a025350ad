using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TabbPortal.Web.Persistence;

public static class DependencyInjection
{
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = ResolveConnectionString(
            configuration.GetConnectionString("Portal") ?? throw new InvalidOperationException("ConnectionStrings:Portal is not set."),
            environment.ContentRootPath);

        services.AddSingleton<SqlitePragmaInterceptor>();
        // The factory serves components and hub calls (one context per operation). Contexts are pooled: a new context
        // builds EF's internal services afresh (query translators and all), which profiles of a busy meeting showed as
        // a tenth of the server's CPU per edit; a pooled one is reset and reused. The context holds no state of its own
        // beyond what EF resets. The identity stores use one context per HTTP request, from the same pool.
        services.AddPooledDbContextFactory<PortalDbContext>((provider, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(provider.GetRequiredService<SqlitePragmaInterceptor>()));
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database");
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoSeeder>();
        return services;
    }

    /// <summary>A relative data source is taken relative to the content root, so the database lives in the app's own data folder.</summary>
    internal static string ResolveConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        if (builder.DataSource != ":memory:")
        {
            var folder = Path.GetDirectoryName(builder.DataSource);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        return builder.ToString();
    }
}
