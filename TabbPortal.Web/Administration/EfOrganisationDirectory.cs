using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Organisations;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Web.Administration;

internal sealed class EfOrganisationDirectory(IDbContextFactory<PortalDbContext> contextFactory) : IOrganisationDirectory
{
    public async Task<bool> IsOrganisationNameTakenAsync(string name, Guid? exceptOrganisationId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Organisations.AnyAsync(o => o.Name == name && o.Id != exceptOrganisationId, cancellationToken);
    }

    public async Task<bool> IsUnitNameTakenAsync(Guid organisationId, string name, Guid? exceptUnitId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Units.AnyAsync(u => u.OrganisationId == organisationId && u.Name == name && u.Id != exceptUnitId, cancellationToken);
    }

    public async Task<OrganisationKind?> FindActiveOrganisationKindAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Organisations
            .Where(o => o.Id == organisationId && o.IsActive)
            .Select(o => (OrganisationKind?)o.Kind)
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<bool> IsActiveUnitAsync(Guid unitId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Units
            .Where(u => u.Id == unitId && u.IsActive)
            .Join(context.Organisations.Where(o => o.IsActive), u => u.OrganisationId, o => o.Id, (u, o) => u.Id)
            .AnyAsync(cancellationToken);
    }

    public async Task<bool> IsEmailTakenAsync(string email, string? exceptUserId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var normalised = email.ToUpperInvariant();
        return await context.Users.AnyAsync(u => u.NormalizedEmail == normalised && u.Id != exceptUserId, cancellationToken);
    }
}
