using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Organisations;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Tests.Integration;

/// <summary>
/// SQLite has no row version, so the app keeps its own (the shadow property Version, renewed on every save): of two
/// saves from the same starting point, the second must fail instead of silently overwriting the first.
/// </summary>
public sealed class ConcurrencyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private IDbContextFactory<PortalDbContext> Contexts => factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    [Fact]
    public async Task The_second_of_two_concurrent_saves_of_an_organisation_fails()
    {
        var id = await CreateOrganisationAsync();
        await using var first = await Contexts.CreateDbContextAsync();
        await using var second = await Contexts.CreateDbContextAsync();
        var mine = await first.Organisations.SingleAsync(o => o.Id == id);
        var theirs = await second.Organisations.SingleAsync(o => o.Id == id);
        var versionBefore = ConcurrencyTokens.Of(first, mine);

        mine.Change(mine.Name + " (ny)", mine.Kind, mine.SubRegion);
        theirs.Deactivate();
        await first.SaveChangesAsync();

        Assert.NotEqual(versionBefore, ConcurrencyTokens.Of(first, mine));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = await Contexts.CreateDbContextAsync();
        var stored = await check.Organisations.AsNoTracking().SingleAsync(o => o.Id == id);
        Assert.EndsWith(" (ny)", stored.Name, StringComparison.Ordinal);
        Assert.True(stored.IsActive);
    }

    [Fact]
    public async Task The_second_of_two_concurrent_saves_of_a_unit_fails()
    {
        var organisationId = await CreateOrganisationAsync();
        Guid unitId;
        await using (var setup = await Contexts.CreateDbContextAsync())
        {
            var organisation = await setup.Organisations.SingleAsync(o => o.Id == organisationId);
            var unit = OrganisationUnit.Create(organisation, "Testskolan", UnitType.School, "Nyköping");
            setup.Units.Add(unit);
            await setup.SaveChangesAsync();
            unitId = unit.Id;
        }

        await using var first = await Contexts.CreateDbContextAsync();
        await using var second = await Contexts.CreateDbContextAsync();
        (await first.Units.SingleAsync(u => u.Id == unitId)).Deactivate();
        (await second.Units.SingleAsync(u => u.Id == unitId)).Deactivate();

        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Every_save_gives_the_row_a_new_version()
    {
        var id = await CreateOrganisationAsync();
        await using var context = await Contexts.CreateDbContextAsync();
        var organisation = await context.Organisations.SingleAsync(o => o.Id == id);
        var versions = new HashSet<Guid> { ConcurrencyTokens.Of(context, organisation) };

        for (var i = 0; i < 3; i++)
        {
            organisation.Change($"{organisation.Name} {i}", organisation.Kind, organisation.SubRegion);
            await context.SaveChangesAsync();
            versions.Add(ConcurrencyTokens.Of(context, organisation));
        }

        Assert.Equal(4, versions.Count);
        Assert.DoesNotContain(Guid.Empty, versions);
    }

    [Fact]
    public async Task The_admin_service_reports_a_conflict_when_someone_saved_since_the_form_was_opened()
    {
        var id = await CreateOrganisationAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        SignIn(scope.ServiceProvider, PortalRoles.Administrator);
        var service = scope.ServiceProvider.GetRequiredService<OrganisationAdminService>();
        var opened = (await service.ListAsync()).Single(o => o.Id == id);

        var firstSave = await service.SaveOrganisationAsync(Input(opened, " (först)"), opened.Version);
        var secondSave = await service.SaveOrganisationAsync(Input(opened, " (sist)"), opened.Version);

        Assert.True(firstSave.Succeeded, string.Join("; ", firstSave.Errors.Select(e => e.Code)));
        Assert.False(secondSave.Succeeded);
        Assert.Equal("Concurrency_Conflict", Assert.Single(secondSave.Errors).Code);
        var stored = (await service.ListAsync()).Single(o => o.Id == id);
        Assert.Equal(opened.Name + " (först)", stored.Name);
        Assert.NotEqual(opened.Version, stored.Version);
    }

    [Fact]
    public async Task The_admin_service_refuses_a_user_who_is_not_an_administrator()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        SignIn(scope.ServiceProvider, PortalRoles.ProcessLeader);
        var service = scope.ServiceProvider.GetRequiredService<OrganisationAdminService>();

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => service.ListAsync());
    }

    private static OrganisationInput Input(OrganisationRow row, string suffix) =>
        new() { Id = row.Id, Name = row.Name + suffix, Kind = row.Kind, SubRegion = row.SubRegion };

    /// <summary>Gives the scope the authentication state that a circuit would have for a user in this role.</summary>
    private static void SignIn(IServiceProvider services, string role)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Name, "test@demo.example"), new Claim(ClaimTypes.Role, role)],
            authenticationType: "Test");
        var provider = services.GetRequiredService<AuthenticationStateProvider>();
        var hostProvider = Assert.IsAssignableFrom<IHostEnvironmentAuthenticationStateProvider>(provider);
        hostProvider.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity))));
    }

    private async Task<Guid> CreateOrganisationAsync()
    {
        await using var context = await Contexts.CreateDbContextAsync();
        var organisation = Organisation.Create($"Testskolor {Guid.NewGuid():N}", OrganisationKind.IndependentSchoolProvider, SubRegion.South);
        context.Organisations.Add(organisation);
        await context.SaveChangesAsync();
        return organisation.Id;
    }
}
