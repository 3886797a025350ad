using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Audit;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Live;

/// <summary>
/// Whether a user may see a plan: exactly when the <see cref="ChildAccessGate"/> grants the full record of its child
/// (the plan is joint information), as for the plan pages. A plan that does not exist is simply not visible.
/// </summary>
internal static class PlanVisibility
{
    /// <summary>The rule as it stands now, without logging: for the periodic checks of open pages and hub connections.</summary>
    public static async Task<bool> IsVisibleAsync(ChildAccessGate gate, PortalDbContext context, ClaimsPrincipal user, Guid planId,
        CancellationToken cancellationToken) =>
        await ChildOfAsync(context, planId, cancellationToken) is { } id
        && await gate.GrantAsync(context, user, id, cancellationToken) is { IsFull: true };

    /// <summary>Opening the plan through the hub: decided and logged as a read of the plan (a denial too).</summary>
    public static async Task<bool> OpenAsync(ChildAccessGate gate, PortalDbContext context, ClaimsPrincipal user, Guid planId,
        CancellationToken cancellationToken)
    {
        if (await ChildOfAsync(context, planId, cancellationToken) is not { } id)
        {
            return false;
        }

        try
        {
            await gate.RequireAsync(context, user, id, AccessKind.Read, RecordPart.Plan, cancellationToken);
            return true;
        }
        catch (ChildAccessDeniedException)
        {
            return false;
        }
    }

    /// <summary>An operation on an open plan that is not a read or write of the record (an edit mark): checked, a denial logged.</summary>
    public static async Task<bool> CheckAsync(ChildAccessGate gate, PortalDbContext context, ClaimsPrincipal user, Guid planId,
        CancellationToken cancellationToken)
    {
        if (await ChildOfAsync(context, planId, cancellationToken) is not { } id)
        {
            return false;
        }

        try
        {
            await gate.CheckAsync(context, user, id, AccessKind.Write, RecordPart.Plan, cancellationToken);
            return true;
        }
        catch (ChildAccessDeniedException)
        {
            return false;
        }
    }

    private static Task<Guid?> ChildOfAsync(PortalDbContext context, Guid planId, CancellationToken cancellationToken) =>
        context.Plans.Where(p => p.Id == planId).Select(p => (Guid?)p.ChildId).SingleOrDefaultAsync(cancellationToken);

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
