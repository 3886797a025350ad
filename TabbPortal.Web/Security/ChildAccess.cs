using System.Security.Claims;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Children;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Web.Security;

/// <summary>
/// The one place that decides which children a user may see. Every query and action on a child goes through it.
/// A practitioner sees a child that their unit registered, that attends their school unit, where they or their unit
/// hold a role around the child, or whose concern was handed over to their unit. Process leaders and administrators
/// see no child at all. (Consent-based access across agencies is added on top of this rule.)
/// </summary>
public static class ChildAccess
{
    public static IQueryable<Child> VisibleTo(this IQueryable<Child> children, PortalDbContext context, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsInRole(PortalRoles.Practitioner) || user.UnitId() is not { } unitId || user.UserId() is not { } userId)
        {
            return children.Where(_ => false);
        }

        return children.Where(c =>
            c.RegisteredByUnitId == unitId
            || c.SchoolUnitId == unitId
            || c.Roles.Any(r => r.To == null && (r.StaffUserId == userId || r.UnitId == unitId))
            || context.Concerns.Any(k => k.ChildId == c.Id && k.HandOverToUnitId == unitId));
    }
}
