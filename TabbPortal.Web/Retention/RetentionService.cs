using System.Security.Claims;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Plans;
using TabbPortal.Domain.Retention;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Retention;

/// <summary>
/// Retention (gallring) for administrators: which children the rule would remove (by id, municipality and closing day
/// only: administrators see no child), a dry run, and the run that removes the child row and everything hanging off
/// it. The access log (ids only) is kept, and each removal is written to it before it happens; an anonymous statistics
/// row is kept per removed plan. Each run, dry or not, leaves a receipt.
/// </summary>
public sealed class RetentionService(
    IDbContextFactory<PortalDbContext> contextFactory,
    CurrentUser currentUser,
    IAccessLog accessLog,
    IOptions<RetentionOptions> options,
    TimeProvider clock,
    ILogger<RetentionService> logger)
{
    private static readonly StringComparer Swedish = StringComparer.Create(new CultureInfo("sv-SE"), true);

    public RetentionRule Rule => new(options.Value.ClosedPlanYears);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<RetentionOverview> GetOverviewAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAdministratorAsync();
        var rule = Rule;
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var candidates = await FindCandidatesAsync(context, rule, cancellationToken);
        var runs = await context.RetentionRuns.AsNoTracking().ToListAsync(cancellationToken);
        return new RetentionOverview(rule.ClosedPlanYears, rule.ClosedBefore(Today), candidates,
            [.. runs.OrderByDescending(r => r.At).Select(r => new RetentionReceipt(r.Id, r.At, r.ByName, r.Rule, r.DryRun, r.ChildCount, r.PlanCount, r.ChildIds))]);
    }

    /// <summary>A dry run lists what would go and changes nothing but the receipt; a run removes it.</summary>
    public async Task<RetentionReceipt> RunAsync(bool dryRun, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.RequireAdministratorAsync();
        return await ExecuteAsync(dryRun, new RetentionOperator(user.UserId()!, user.DisplayName(), user.FindFirstValue(PortalClaims.SessionId)), cancellationToken);
    }

    /// <summary>The run itself, for an administrator (above) or the operator's command on the server.</summary>
    internal async Task<RetentionReceipt> ExecuteAsync(bool dryRun, RetentionOperator by, CancellationToken cancellationToken)
    {
        var rule = Rule;
        var logged = new HashSet<Guid>();
        if (!dryRun)
        {
            // The removals go to the access log first (its writer takes the write lock itself, so not inside the
            // transaction below): if an entry cannot be written, that child is not removed.
            await using var reading = await contextFactory.CreateDbContextAsync(cancellationToken);
            foreach (var candidate in await FindCandidatesAsync(reading, rule, cancellationToken))
            {
                await accessLog.AppendAsync(new AccessLogRecord(by.UserId, by.Name, PortalRoles.Administrator, null, null, candidate.ChildId,
                    AccessKind.Write, RecordPart.Retention, true, AccessBasis.None, rule.ToString(), by.SessionId), cancellationToken);
                logged.Add(candidate.ChildId);
            }
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Microsoft.Data.Sqlite begins IMMEDIATE transactions: nothing can be written between the rule's check and the removal.
        await using var transaction = await context.BeginWriteAsync(cancellationToken);
        var candidates = (await FindCandidatesAsync(context, rule, cancellationToken)).Where(c => dryRun || logged.Contains(c.ChildId)).ToList();
        var childIds = candidates.Select(c => c.ChildId).ToList();
        if (!dryRun && childIds.Count > 0)
        {
            context.RemovedPlanStatistics.AddRange(await StatisticsAsync(context, childIds, cancellationToken));
            await context.SaveChangesAsync(cancellationToken);
            // The database cascades from the child row to everything hanging off it (plans, their history, versions,
            // meetings, drafts; guardians, roles, levels, concerns, assessments). The access log has no key to the child.
            await context.Children.Where(c => childIds.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        var run = RetentionRun.Record(rule, dryRun, childIds, candidates.Sum(c => c.Plans), by.UserId, by.Name, clock.GetUtcNow());
        context.RetentionRuns.Add(run);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Log.Ran(logger, dryRun, run.ChildCount, run.PlanCount, rule.ToString(), by.UserId);
        return new RetentionReceipt(run.Id, run.At, run.ByName, run.Rule, run.DryRun, run.ChildCount, run.PlanCount, run.ChildIds);
    }

    private async Task<List<RetentionCandidate>> FindCandidatesAsync(PortalDbContext context, RetentionRule rule, CancellationToken cancellationToken)
    {
        var today = Today;
        var closedBefore = rule.ClosedBefore(today);
        var plans = await context.Plans.AsNoTracking().Select(p => new { p.ChildId, p.Status, p.ClosedOn }).ToListAsync(cancellationToken);
        var closedLongAgo = plans.GroupBy(p => p.ChildId)
            .Where(g => g.All(p => p.Status == PlanStatus.Closed) && g.Max(p => p.ClosedOn) < closedBefore)
            .ToDictionary(g => g.Key, g => (LastClosedOn: g.Max(p => p.ClosedOn)!.Value, Plans: g.Count()));
        if (closedLongAgo.Count == 0)
        {
            return [];
        }

        var ids = closedLongAgo.Keys.ToList();
        var activity = await LastActivityAsync(context, ids, cancellationToken);
        var municipalities = await context.Children.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Join(context.Organisations, c => c.MunicipalityId, o => o.Id, (c, o) => new { c.Id, o.Name })
            .ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);
        return [.. closedLongAgo
            .Where(c => rule.Applies(new ChildRetentionFacts(c.Key, false, c.Value.LastClosedOn, activity.GetValueOrDefault(c.Key)), today))
            .Select(c => new RetentionCandidate(c.Key, municipalities.GetValueOrDefault(c.Key, string.Empty), c.Value.LastClosedOn, c.Value.Plans))
            .OrderBy(c => c.Municipality, Swedish).ThenBy(c => c.LastClosedOn).ThenBy(c => c.ChildId)];
    }

    /// <summary>
    /// The last day anything was written in each child's record: a concern (which has no closed state, so one raised
    /// after the last plan closed counts as open), an assessment, a level of support, a role, the plans' history,
    /// versions, meetings and drafts, a consent or its withdrawal, an emergency access, and any write in the access log.
    /// </summary>
    private async Task<Dictionary<Guid, DateOnly?>> LastActivityAsync(PortalDbContext context, List<Guid> ids, CancellationToken cancellationToken)
    {
        var days = new List<(Guid ChildId, DateOnly Day)>();
        DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).DateTime);

        foreach (var concern in await context.Concerns.AsNoTracking().Where(c => ids.Contains(c.ChildId))
                     .Select(c => new { c.ChildId, c.RaisedAt, c.ReportedToSocialServicesOn }).ToListAsync(cancellationToken))
        {
            days.Add((concern.ChildId, Day(concern.RaisedAt)));
            if (concern.ReportedToSocialServicesOn is { } reported)
            {
                days.Add((concern.ChildId, reported));
            }
        }

        days.AddRange((await context.WellbeingAssessments.AsNoTracking().Where(a => ids.Contains(a.ChildId))
            .Select(a => new { a.ChildId, a.AssessedOn }).ToListAsync(cancellationToken)).Select(a => (a.ChildId, a.AssessedOn)));
        foreach (var period in await context.Set<SupportLevelPeriod>().AsNoTracking().Where(p => ids.Contains(EF.Property<Guid>(p, "ChildId")))
                     .Select(p => new { ChildId = EF.Property<Guid>(p, "ChildId"), p.From, p.To }).ToListAsync(cancellationToken))
        {
            days.Add((period.ChildId, period.To ?? period.From));
        }

        foreach (var role in await context.Set<RoleAssignment>().AsNoTracking().Where(r => ids.Contains(EF.Property<Guid>(r, "ChildId")))
                     .Select(r => new { ChildId = EF.Property<Guid>(r, "ChildId"), r.From, r.To }).ToListAsync(cancellationToken))
        {
            days.Add((role.ChildId, role.To ?? role.From));
        }

        var planChild = await context.Plans.AsNoTracking().Where(p => ids.Contains(p.ChildId)).ToDictionaryAsync(p => p.Id, p => p.ChildId, cancellationToken);
        var planIds = planChild.Keys.ToList();
        days.AddRange((await context.Set<PlanChange>().AsNoTracking().Where(c => planIds.Contains(c.PlanId)).Select(c => new { c.PlanId, c.At })
            .ToListAsync(cancellationToken)).Select(c => (planChild[c.PlanId], Day(c.At))));
        days.AddRange((await context.PlanVersions.AsNoTracking().Where(v => planIds.Contains(v.PlanId)).Select(v => new { v.PlanId, v.FixedAt })
            .ToListAsync(cancellationToken)).Select(v => (planChild[v.PlanId], Day(v.FixedAt))));
        foreach (var meeting in await context.Meetings.AsNoTracking().Where(m => planIds.Contains(m.PlanId))
                     .Select(m => new { m.PlanId, m.StartedAt, m.EndedAt }).ToListAsync(cancellationToken))
        {
            days.Add((planChild[meeting.PlanId], Day(meeting.EndedAt ?? meeting.StartedAt)));
        }

        days.AddRange((await context.PlanDrafts.AsNoTracking().Where(d => planIds.Contains(d.PlanId)).Select(d => new { d.PlanId, d.SavedAt })
            .ToListAsync(cancellationToken)).Select(d => (planChild[d.PlanId], Day(d.SavedAt))));

        days.AddRange((await context.Consents.AsNoTracking().Where(e => ids.Contains(e.ChildId)).Select(e => new { e.ChildId, e.RecordedAt })
            .ToListAsync(cancellationToken)).Select(e => (e.ChildId, Day(e.RecordedAt))));
        days.AddRange((await context.ConsentWithdrawals.AsNoTracking().Where(w => ids.Contains(w.ChildId)).Select(w => new { w.ChildId, w.WithdrawnAt })
            .ToListAsync(cancellationToken)).Select(w => (w.ChildId, Day(w.WithdrawnAt))));
        days.AddRange((await context.EmergencyAccesses.AsNoTracking().Where(e => ids.Contains(e.ChildId)).Select(e => new { e.ChildId, e.GrantedAt })
            .ToListAsync(cancellationToken)).Select(e => (e.ChildId, Day(e.GrantedAt))));
        // Writes only: reading an old record (or a retention run's own entries) is not activity in it.
        days.AddRange((await context.AccessLog.AsNoTracking()
                .Where(e => ids.Contains(e.ChildId) && e.Allowed && e.Kind == AccessKind.Write && e.Part != RecordPart.Retention)
                .Select(e => new { e.ChildId, e.At }).ToListAsync(cancellationToken))
            .Select(e => (e.ChildId, Day(e.At))));

        return days.GroupBy(d => d.ChildId).ToDictionary(g => g.Key, g => (DateOnly?)g.Max(d => d.Day));
    }

    /// <summary>One anonymous row per plan of the removed children.</summary>
    private static async Task<List<RemovedPlanStatistics>> StatisticsAsync(PortalDbContext context, List<Guid> childIds, CancellationToken cancellationToken)
    {
        var sectors = (await context.Units.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.Sector);
        var children = await context.Children.AsNoTracking().Include(c => c.SupportLevels).Where(c => childIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var plans = await context.Plans.AsNoTracking().Include(p => p.Actions).Where(p => childIds.Contains(p.ChildId)).ToListAsync(cancellationToken);
        var planIds = plans.Select(p => p.Id).ToList();
        var meetings = await context.Meetings.AsNoTracking().Where(m => planIds.Contains(m.PlanId)).GroupBy(m => m.PlanId)
            .Select(g => new { PlanId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.PlanId, x => x.Count, cancellationToken);

        return [.. plans.Select(plan =>
        {
            var child = children[plan.ChildId];
            var opened = DateOnly.FromDateTime(plan.CreatedAt.UtcDateTime);
            var closed = plan.ClosedOn ?? opened;
            var during = child.SupportLevels.Where(p => p.From <= closed && (p.To is null || p.To >= opened)).Select(p => p.Level).ToList();
            var highest = during.Count > 0 ? during.Max() : child.SupportLevels.Max(p => p.Level);
            return RemovedPlanStatistics.Of(child.MunicipalityId, plan.Type, opened, closed, highest,
                plan.ChildViews is not null, [.. plan.Actions.Select(a => sectors[a.ResponsibleUnitId])], meetings.GetValueOrDefault(plan.Id));
        })];
    }
}

/// <summary>Who runs retention, as the receipt and the access log name them.</summary>
internal sealed record RetentionOperator(string UserId, string Name, string? SessionId);

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention run (dry run: {DryRun}): {Children} children, {Plans} plans, rule {Rule}, by {UserId}")]
    public static partial void Ran(ILogger logger, bool dryRun, int children, int plans, string rule, string userId);
}
