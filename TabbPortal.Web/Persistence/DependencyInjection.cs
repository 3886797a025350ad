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
        // The factory serves components (one context per operation); it also registers the context as scoped,
        // which the identity stores use within one HTTP request.
        services.AddDbContextFactory<PortalDbContext>((provider, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(provider.GetRequiredService<SqlitePragmaInterceptor>()));
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
