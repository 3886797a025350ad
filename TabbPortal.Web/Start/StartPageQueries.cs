using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Organisations;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Start;

public sealed record MyUnit(string UnitName, UnitType UnitType, Sector Sector, string OrganisationName, string? Municipality);

/// <summary>A unit a practitioner can collaborate with in the same municipality, with its number of active staff in the portal.</summary>
public sealed record CollaborationContact(string UnitName, UnitType UnitType, Sector Sector, string OrganisationName, int ActiveStaff);

public sealed record PractitionerStartView(MyUnit? Unit, IReadOnlyList<CollaborationContact> Contacts);

public sealed record OrganisationCoverage(
    Guid OrganisationId, string Name, OrganisationKind Kind, SubRegion? SubRegion, int SchoolUnits, int SocialServicesUnits,
    int HealthCareUnits, int ActiveStaff);

/// <summary>What each role's start page shows. Aggregates and directory data only: no child is involved.</summary>
public sealed class StartPageQueries(IDbContextFactory<PortalDbContext> contextFactory, CurrentUser currentUser)
{
    public async Task<PractitionerStartView> GetPractitionerStartAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unitId = await context.Users.Where(u => u.Id == user.UserId()).Select(u => u.UnitId).SingleOrDefaultAsync(cancellationToken);
        var mine = await context.Units.Where(u => u.Id == unitId)
            .Join(context.Organisations, u => u.OrganisationId, o => o.Id, (u, o) => new { u.Name, u.Type, u.Municipality, Organisation = o.Name, o.Kind })
            .SingleOrDefaultAsync(cancellationToken);
        if (mine is null)
        {
            return new PractitionerStartView(null, []);
        }

        var place = mine.Municipality ?? (mine.Kind == OrganisationKind.Municipality ? mine.Organisation : null);
        var contacts = place is null
            ? []
            : await context.Units
                .Where(u => u.IsActive && u.Id != unitId)
                .Join(context.Organisations.Where(o => o.IsActive), u => u.OrganisationId, o => o.Id, (u, o) => new { Unit = u, Organisation = o })
                .Where(x => x.Unit.Municipality == place || x.Organisation.Name == place)
                .Select(x => new
                {
                    x.Unit.Name, x.Unit.Type, Organisation = x.Organisation.Name,
                    Staff = context.Users.Count(s => s.UnitId == x.Unit.Id && s.IsActive),
                })
                .ToListAsync(cancellationToken);
        var swedish = StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true);
        return new PractitionerStartView(
            new MyUnit(mine.Name, mine.Type, mine.Type.SectorOf(), mine.Organisation, place),
            [.. contacts.Select(c => new CollaborationContact(c.Name, c.Type, c.Type.SectorOf(), c.Organisation, c.Staff))
                .OrderBy(c => c.Sector).ThenBy(c => c.UnitName, swedish)]);
    }

    /// <summary>Per organisation: how many active units it has in each sector and how many staff use the portal.</summary>
    public async Task<IReadOnlyList<OrganisationCoverage>> GetCountyCoverageAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireRoleAsync(PortalRoles.ProcessLeader);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organisations = await context.Organisations.Where(o => o.IsActive)
            .Select(o => new { o.Id, o.Name, o.Kind, o.SubRegion })
            .ToListAsync(cancellationToken);
        var unitTypes = await context.Units.Where(u => u.IsActive)
            .GroupBy(u => new { u.OrganisationId, u.Type })
            .Select(g => new { g.Key.OrganisationId, g.Key.Type, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var staff = await context.Users.Where(s => s.IsActive && s.UnitId != null)
            .Join(context.Units, s => s.UnitId, u => u.Id, (s, u) => u.OrganisationId)
            .GroupBy(id => id)
            .Select(g => new { OrganisationId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.OrganisationId, x => x.Count, cancellationToken);

        int Units(Guid organisationId, Sector sector) =>
            unitTypes.Where(u => u.OrganisationId == organisationId && u.Type.SectorOf() == sector).Sum(u => u.Count);

        var swedish = StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true);
        return [.. organisations
            .Select(o => new OrganisationCoverage(o.Id, o.Name, o.Kind, o.SubRegion,
                Units(o.Id, Sector.School), Units(o.Id, Sector.SocialServices), Units(o.Id, Sector.HealthCare),
                staff.GetValueOrDefault(o.Id)))
            .OrderBy(o => o.SubRegion is null ? 99 : (int)o.SubRegion).ThenBy(o => o.Name, swedish)];
    }
}
