using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Access;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Tests.Integration;

/// <summary>Demo data: seeded once however often the portal starts, and never outside Development unless asked for.</summary>
public sealed class DemoSeedTests
{
    private const int DemoOrganisations = 12; // nine municipalities, the region and two independent providers

    [Fact]
    public async Task Starting_twice_on_the_same_database_does_not_duplicate_the_demo_data()
    {
        using var database = new TemporaryDatabase();
        DemoCounts first;
        await using (var factory = new PortalFactory(database, ownsDatabase: false, "Development", seedDemo: true))
        {
            first = await CountAsync(factory);
        }

        await using (var factory = new PortalFactory(database, ownsDatabase: false, "Development", seedDemo: true))
        {
            var second = await CountAsync(factory);
            Assert.Equal(first, second);

            using var browser = new PortalBrowser(factory);
            await browser.LogInAsync("karin.ek@demo.example");
        }

        Assert.Equal(DemoOrganisations, first.Organisations);
        Assert.Equal(DemoSeeder.Accounts.Count, first.DemoUsers);
        Assert.Equal(DemoSeeder.Accounts.Count, first.RoleAssignments);
        Assert.Equal(PortalRoles.All.Count, first.Roles);
    }

    [Fact]
    public async Task Production_without_Demo_Seed_has_no_demo_accounts_or_organisations()
    {
        await using var factory = new PortalFactory(new TemporaryDatabase(), ownsDatabase: true, "Production", seedDemo: null);

        var counts = await CountAsync(factory);

        Assert.Equal(0, counts.DemoUsers);
        Assert.Equal(0, counts.Organisations);
        Assert.Equal(0, counts.Units);
        Assert.Equal(PortalRoles.All.Count, counts.Roles);
        using var browser = new PortalBrowser(factory);
        var login = await browser.SubmitLoginAsync("nils.dahl@demo.example", PortalFactory.DemoPassword);
        Assert.Contains("Fel e-postadress eller lösenord.", login.Text, StringComparison.Ordinal);
        Assert.False(login.SetsAuthCookie);
    }

    [Fact]
    public async Task Production_seeds_the_demo_data_when_Demo_Seed_is_true()
    {
        await using var factory = new PortalFactory(new TemporaryDatabase(), ownsDatabase: true, "Production", seedDemo: true);

        var counts = await CountAsync(factory);

        Assert.Equal(DemoSeeder.Accounts.Count, counts.DemoUsers);
        Assert.Equal(DemoOrganisations, counts.Organisations);
    }

    [Fact]
    public async Task Development_does_not_seed_when_Demo_Seed_is_false()
    {
        await using var factory = new PortalFactory(new TemporaryDatabase(), ownsDatabase: true, "Development", seedDemo: false);

        var counts = await CountAsync(factory);

        Assert.Equal(0, counts.DemoUsers);
        Assert.Equal(0, counts.Organisations);
    }

    private static async Task<DemoCounts> CountAsync(PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var demoEmails = DemoSeeder.Accounts.Select(a => a.Email.ToUpperInvariant()).ToList();
        return new DemoCounts(
            await context.Organisations.CountAsync(),
            await context.Organisations.Select(o => o.Name).Distinct().CountAsync(),
            await context.Units.CountAsync(),
            await users.Users.CountAsync(u => demoEmails.Contains(u.NormalizedEmail!)),
            await context.UserRoles.CountAsync(),
            await context.Roles.CountAsync());
    }

    private sealed record DemoCounts(int Organisations, int DistinctOrganisationNames, int Units, int DemoUsers, int RoleAssignments, int Roles);
}
