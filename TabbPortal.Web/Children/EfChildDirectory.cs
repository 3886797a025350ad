using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Organisations;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Web.Children;

internal sealed class EfChildDirectory(IDbContextFactory<PortalDbContext> contextFactory) : IChildDirectory
{
    public async Task<bool> IsRegisteredAsync(string personalIdentityNumber, Guid? exceptChildId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var number = PersonalIdentityNumber.FromCanonical(personalIdentityNumber);
        return await context.Children.AnyAsync(c => c.PersonalIdentityNumber == number && c.Id != exceptChildId, cancellationToken);
    }

    public async Task<bool> IsActiveMunicipalityAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Organisations.AnyAsync(o => o.Id == organisationId && o.IsActive && o.Kind == OrganisationKind.Municipality, cancellationToken);
    }

    public async Task<UnitType?> FindActiveUnitTypeAsync(Guid unitId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Units.Where(u => u.Id == unitId && u.IsActive).Select(u => (UnitType?)u.Type).SingleOrDefaultAsync(cancellationToken);
    }
}
