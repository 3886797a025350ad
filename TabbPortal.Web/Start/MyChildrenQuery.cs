using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Plans;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Start;

/// <summary>A child on the practitioner's own list, with what needs attention first.</summary>
public sealed record MyChildRow(
    Guid ChildId, string Name, SupportLevel Level, IReadOnlyList<ChildRole> MyRoles, int MyUnitsActions, int OverdueActions, DateOnly? NextReviewOn,
    bool ReviewDueSoon)
{
    public bool NeedsAttention => OverdueActions > 0 || ReviewDueSoon;
}

/// <summary>
/// "My children": the children where I hold a role, or where my unit is responsible for an action in the open plan.
/// Children with overdue actions and reviews due within 14 days come first.
/// </summary>
public sealed class MyChildrenQuery(IDbContextFactory<PortalDbContext> contextFactory, CurrentUser currentUser, ChildAccessGate gate, TimeProvider clock)
{
    public const int ReviewWindowDays = 14;

    public async Task<IReadOnlyList<MyChildRow>> GetAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        var userId = user.UserId();
        var unitId = user.UnitId();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        var openPlans = context.Plans.Where(p => p.Status == PlanStatus.Open);
        var rows = await (await gate.VisibleChildrenAsync(context, user, cancellationToken))
            .Select(c => new
            {
                c.Id, c.GivenName, c.FamilyName,
                Level = c.SupportLevels.Where(p => p.To == null).Select(p => p.Level).Single(),
                Roles = c.Roles.Where(r => r.To == null && r.StaffUserId == userId).Select(r => r.Role).ToList(),
                Plan = openPlans.Where(p => p.ChildId == c.Id).Select(p => new
                {
                    p.NextReviewOn,
                    Mine = p.Actions.Count(a => a.ResponsibleUnitId == unitId),
                    Overdue = p.Actions.Count(a => a.ResponsibleUnitId == unitId
                        && (a.Status == ActionStatus.Planned || a.Status == ActionStatus.InProgress) && a.DueOn < today),
                }).FirstOrDefault(),
            })
            .Where(c => c.Roles.Count > 0 || (c.Plan != null && c.Plan.Mine > 0))
            .ToListAsync(cancellationToken);

        var swedish = StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true);
        return [.. rows
            .Select(r => new MyChildRow(r.Id, $"{r.GivenName} {r.FamilyName}", r.Level, r.Roles, r.Plan?.Mine ?? 0, r.Plan?.Overdue ?? 0,
                r.Plan?.NextReviewOn, r.Plan?.NextReviewOn is { } review && review <= today.AddDays(ReviewWindowDays)))
            .OrderByDescending(r => r.OverdueActions > 0)
            .ThenByDescending(r => r.ReviewDueSoon)
            .ThenBy(r => r.NextReviewOn ?? DateOnly.MaxValue)
            .ThenBy(r => r.Name, swedish)];
    }
}
