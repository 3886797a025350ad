using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Live;

/// <summary>
/// Whether a user may see a plan: exactly when they may see its child (<see cref="ChildAccess"/>), as for the plan
/// pages. A plan that does not exist is simply not visible.
/// </summary>
internal static class PlanVisibility
{
    public static async Task<bool> IsVisibleAsync(PortalDbContext context, ClaimsPrincipal user, Guid planId, CancellationToken cancellationToken)
    {
        var childId = await context.Plans.Where(p => p.Id == planId).Select(p => (Guid?)p.ChildId).SingleOrDefaultAsync(cancellationToken);
        return childId is { } id && await context.Children.VisibleTo(context, user).AnyAsync(c => c.Id == id, cancellationToken);
    }

    /// <summary>The user as others on a plan see them: name, unit and the unit's organisation.</summary>
    public static async Task<PresenceEntry> PresenceOfAsync(PortalDbContext context, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var unitId = user.UnitId();
        var unit = await context.Units.Where(u => u.Id == unitId)
            .Join(context.Organisations, u => u.OrganisationId, o => o.Id, (u, o) => new { u.Name, Organisation = o.Name })
            .SingleOrDefaultAsync(cancellationToken);
        return new PresenceEntry(user.UserId()!, user.DisplayName(), unit?.Name ?? string.Empty, unit?.Organisation ?? string.Empty);
    }
}
