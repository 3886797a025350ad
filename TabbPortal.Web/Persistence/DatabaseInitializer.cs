using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;

namespace TabbPortal.Web.Persistence;

/// <summary>Brings the database to the current migration and makes sure the roles exist; seeds demo data when asked.</summary>
public sealed partial class DatabaseInitializer(
    IDbContextFactory<PortalDbContext> contextFactory,
    RoleManager<IdentityRole> roleManager,
    DemoSeeder demoSeeder,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await context.Database.MigrateAsync(cancellationToken);
            await TabbPortal.Web.Implementation.ImplementationDefaults.EnsureAsync(context, cancellationToken);
        }

        foreach (var role in PortalRoles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new IdentityRole(role));
            }
        }

        if (ShouldSeedDemo())
        {
            await demoSeeder.SeedAsync(cancellationToken);
        }
        else
        {
            LogNoDemo(logger);
        }
    }

    private bool ShouldSeedDemo() =>
        configuration.GetValue<bool?>("Demo:Seed") ?? environment.IsDevelopment();

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data is not seeded (set Demo:Seed=true to seed it).")]
    private static partial void LogNoDemo(ILogger logger);
}
