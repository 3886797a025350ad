using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Common;
using TabbPortal.Domain.Plans;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Plans;

/// <summary>Fixed plan versions: fixing one, listing them, comparing two, and the family's copy of one.</summary>
public sealed partial class PlanService
{
    /// <summary>
    /// Fixes the plan as it stands now, with the day and the people present. The version is checked against
    /// <paramref name="expectedVersion"/>, so what is fixed is what the user saw.
    /// </summary>
    public async Task<SaveResult> FixVersionAsync(Guid planId, FixVersionInput input, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var plan = await LoadVisiblePlanAsync(context, user, planId, cancellationToken, RecordPart.PlanVersion);
        var validation = await fixVersionValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.From(validation);
        }

        ConcurrencyTokens.ExpectOriginal(context, plan, expectedVersion);
        var details = await LoadDetailsAsync(context, planId, cancellationToken);
        var number = await context.PlanVersions.Where(v => v.PlanId == planId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        try
        {
            var version = PlanVersion.Fix(plan, number + 1, details.ToSnapshot(), input.FixedOn!.Value,
                input.Attendees.Where(a => a.Present).Select(a => a.ToAttendee()), user.UserId()!, user.DisplayName(), clock.GetUtcNow(), Today);
            context.PlanVersions.Add(version);
            context.Add(new PlanChange(planId, PlanPart.Fixed, version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                user.UserId()!, user.DisplayName(), clock.GetUtcNow()));
            // Saved only if nobody changed the plan since the user saw it; its version then moves on, so a second fix of the
            // same screen is told the plan was fixed meanwhile.
            ConcurrencyTokens.Touch(context, plan);
            await context.SaveChangesAsync(cancellationToken);
            LogPlan(logger, "fixed a version of", planId, plan.ChildId);
            await PublishAsync(user, planId, PlanPart.Fixed, ConcurrencyTokens.Of(context, plan),
                PlanLiveChange.SavedItem(version.Id, new Dictionary<string, object?> { ["number"] = version.Number }));
            return SaveResult.Saved(version.Id);
        }
        catch (DomainException rule)
        {
            return SaveResult.Failed(new FieldError(FieldOf(rule.Code), rule.Code, rule.Message));
        }
        catch (DbUpdateException)
        {
            // Another fix of the same plan took this number, or changed the plan, at the same moment.
            return SaveResult.Failed(new FieldError(string.Empty, "Concurrency_Conflict", ConflictMessage));
        }
    }

    /// <summary>The plan's fixed versions, newest first.</summary>
    public async Task<IReadOnlyList<PlanVersionSummary>> ListVersionsAsync(Guid planId, CancellationToken cancellationToken = default)
    {
        await CheckPlanAsync(planId, AccessKind.Read, RecordPart.PlanVersion, cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var versions = await context.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId)
            .OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.FixedOn, v.FixedByName, v.Attendees })
            .ToListAsync(cancellationToken);
        return [.. versions.Select(v => new PlanVersionSummary(v.Number, v.FixedOn, v.FixedByName, v.Attendees))];
    }

    /// <summary>Two versions side by side. A null number is the plan as it is now; a number that does not exist is refused.</summary>
    public async Task<PlanComparisonView?> CompareAsync(Guid planId, int? left, int? right, CancellationToken cancellationToken = default)
    {
        await RequirePlanAsync(planId, AccessKind.Read, RecordPart.PlanVersion, cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var a = await SnapshotAsync(context, planId, left, cancellationToken);
        var b = await SnapshotAsync(context, planId, right, cancellationToken);
        var childId = await context.Plans.Where(p => p.Id == planId).Select(p => p.ChildId).SingleAsync(cancellationToken);
        return a is null || b is null ? null : new PlanComparisonView(childId, left, right, PlanComparison.Compare(a, b));
    }

    /// <summary>The family's copy of a fixed version: the passages withheld from the family are not in it at all.</summary>
    public async Task<FamilyCopy?> FamilyCopyAsync(Guid planId, int number, CancellationToken cancellationToken = default)
    {
        await RequirePlanAsync(planId, AccessKind.Print, RecordPart.FamilyCopy, cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var version = await context.PlanVersions.AsNoTracking().SingleOrDefaultAsync(v => v.PlanId == planId && v.Number == number, cancellationToken);
        if (version is null)
        {
            return null;
        }

        var child = await context.Plans.Where(p => p.Id == planId)
            .Join(context.Children, p => p.ChildId, c => c.Id, (p, c) => new { c.Id, c.GivenName, c.FamilyName })
            .SingleAsync(cancellationToken);
        LogPlan(logger, "opened the family copy of", planId, child.Id);
        return new FamilyCopy(child.Id, $"{child.GivenName} {child.FamilyName}", child.GivenName, version.Number, version.FixedOn, version.Attendees,
            version.Snapshot.ForFamily());
    }

    private async Task<PlanSnapshot?> SnapshotAsync(PortalDbContext context, Guid planId, int? number, CancellationToken cancellationToken) =>
        number is { } n
            ? await context.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId && v.Number == n).Select(v => v.Snapshot)
                .SingleOrDefaultAsync(cancellationToken)
            : (await LoadDetailsAsync(context, planId, cancellationToken)).ToSnapshot();
}
