using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Implementation;
using TabbPortal.Domain.Organisations;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Implementation;

/// <summary>
/// The implementation plan for process leaders: the county overview, one organisation's steps and history, the step
/// list and the county milestones. Every method checks the process leader role on the server; the overloads that take a
/// <see cref="ClaimsPrincipal"/> serve the CSV endpoints, where no Blazor authentication state exists. Nothing here
/// reads a child.
/// </summary>
public sealed partial class ImplementationService(
    IDbContextFactory<PortalDbContext> contextFactory,
    IValidator<StepProgressInput> progressValidator,
    IValidator<StepInput> stepValidator,
    IValidator<MilestoneInput> milestoneValidator,
    CurrentUser currentUser,
    TimeProvider clock,
    ILogger<ImplementationService> logger)
{
    public const int DefaultStalledDays = 90;
    public const int MonthsShown = 24;

    internal const string ConflictMessage =
        "Någon annan har sparat ändringar sedan du öppnade formuläret. Dina uppgifter finns kvar: ladda om för att se de sparade värdena.";

    private static readonly StringComparer Swedish = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), true);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<ClaimsPrincipal> RequireLeaderAsync() => await currentUser.RequireRoleAsync(PortalRoles.ProcessLeader);

    /// <summary>Refuses anyone but a signed-in process leader (practitioners and administrators included).</summary>
    public static ClaimsPrincipal RequireLeader(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(PortalRoles.ProcessLeader))
        {
            throw new UnauthorizedAccessException($"The operation requires the role {PortalRoles.ProcessLeader}.");
        }

        return user;
    }

    public async Task<CountyOverview> GetOverviewAsync(int stalledDays = DefaultStalledDays, CancellationToken cancellationToken = default) =>
        await GetOverviewAsync(await RequireLeaderAsync(), stalledDays, cancellationToken);

    public async Task<CountyOverview> GetOverviewAsync(ClaimsPrincipal user, int stalledDays, CancellationToken cancellationToken = default)
    {
        RequireLeader(user);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await BuildOverviewAsync(context, Math.Clamp(stalledDays, 1, 3650), cancellationToken);
    }

    public async Task<ProgressOverTime> GetProgressAsync(CancellationToken cancellationToken = default) =>
        await GetProgressAsync(await RequireLeaderAsync(), cancellationToken);

    public async Task<ProgressOverTime> GetProgressAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        RequireLeader(user);
        var today = Today;
        var last = new DateOnly(today.Year, today.Month, 1);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await BuildProgressAsync(context, last.AddMonths(-(MonthsShown - 1)), last, cancellationToken);
    }

    public async Task<IReadOnlyList<MilestoneRow>> GetMilestonesAsync(CancellationToken cancellationToken = default) =>
        await GetMilestonesAsync(await RequireLeaderAsync(), cancellationToken);

    public async Task<IReadOnlyList<MilestoneRow>> GetMilestonesAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        RequireLeader(user);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var overview = await BuildOverviewAsync(context, DefaultStalledDays, cancellationToken);
        return await BuildMilestonesAsync(context, overview.Progress, cancellationToken);
    }

    /// <summary>The period report: the state now, the milestones, progress by month and every change made from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public async Task<PeriodReport> GetPeriodReportAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await RequireLeaderAsync();
        if (to < from)
        {
            (from, to) = (to, from);
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var overview = await BuildOverviewAsync(context, DefaultStalledDays, cancellationToken);
        var milestones = await BuildMilestonesAsync(context, overview.Progress, cancellationToken);
        var firstMonth = new DateOnly(from.Year, from.Month, 1);
        var lastMonth = new DateOnly(to.Year, to.Month, 1);
        if (lastMonth.AddMonths(-(MonthsShown * 2)) > firstMonth)
        {
            firstMonth = lastMonth.AddMonths(-(MonthsShown * 2));
        }

        var progress = await BuildProgressAsync(context, firstMonth, lastMonth, cancellationToken);
        var changes = await ReadHistoryAsync(context, null, cancellationToken);
        var inPeriod = changes.Where(c => LocalDate(c.ChangedAt) >= from && LocalDate(c.ChangedAt) <= to).ToList();
        return new PeriodReport(from, to, overview, milestones, progress, inPeriod);
    }

    private DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).DateTime);

    private async Task<CountyOverview> BuildOverviewAsync(PortalDbContext context, int stalledDays, CancellationToken cancellationToken)
    {
        var steps = await ReadStepsAsync(context, activeOnly: true, cancellationToken);
        var organisations = await context.Organisations.AsNoTracking().Where(o => o.IsActive)
            .Select(o => new { o.Id, o.Name, o.Kind, o.SubRegion }).ToListAsync(cancellationToken);
        var units = await context.Units.AsNoTracking().Where(u => u.IsActive)
            .Select(u => new { u.Id, u.OrganisationId }).ToListAsync(cancellationToken);
        var activeUnits = units.Select(u => u.Id).ToHashSet();
        var unitCounts = units.GroupBy(u => u.OrganisationId).ToDictionary(g => g.Key, g => g.Count());
        var progress = await context.StepProgress.AsNoTracking()
            .Select(p => new { p.StepId, p.OrganisationId, p.UnitId, p.Status, p.Date, p.TrainedShare, p.LastChangedAt })
            .ToListAsync(cancellationToken);
        var byOrganisation = progress.ToLookup(p => p.OrganisationId);
        var stalledBefore = clock.GetUtcNow().AddDays(-stalledDays);

        var rows = new List<OverviewRow>();
        foreach (var organisation in organisations
                     .OrderBy(o => o.SubRegion is null ? int.MaxValue : (int)o.SubRegion)
                     .ThenBy(o => o.Name, Swedish))
        {
            var own = byOrganisation[organisation.Id].ToList();
            var cells = new List<OverviewCell>();
            foreach (var step in steps)
            {
                if (step.Scope == StepScope.Organisation)
                {
                    var p = own.FirstOrDefault(x => x.StepId == step.Id && x.UnitId == null);
                    cells.Add(new OverviewCell(step.Id, p?.Status ?? StepStatus.NotStarted, 0, 0, p?.TrainedShare, p?.Date));
                }
                else
                {
                    var total = unitCounts.GetValueOrDefault(organisation.Id);
                    var forUnits = own.Where(x => x.StepId == step.Id && x.UnitId is { } u && activeUnits.Contains(u)).ToList();
                    var done = forUnits.Count(x => x.Status == StepStatus.Done);
                    var status = total > 0 && done == total ? StepStatus.Done
                        : forUnits.Any(x => x.Status != StepStatus.NotStarted) ? StepStatus.InProgress
                        : StepStatus.NotStarted;
                    int? share = step.MeasuresShare && forUnits.Any(x => x.TrainedShare is not null)
                        ? (int)Math.Round(forUnits.Where(x => x.TrainedShare is not null).Average(x => x.TrainedShare!.Value))
                        : null;
                    cells.Add(new OverviewCell(step.Id, status, done, total, share, forUnits.Max(x => x.Date)));
                }
            }

            var lastChanged = own.Max(x => x.LastChangedAt);
            var allDone = cells.Count > 0 && cells.All(c => c.Status == StepStatus.Done);
            var stalled = !allDone && (lastChanged is null || lastChanged < stalledBefore);
            rows.Add(new OverviewRow(organisation.Id, organisation.Name, organisation.Kind, organisation.SubRegion, cells, lastChanged, stalled));
        }

        var county = new CountyProgress(
            rows.Count,
            rows.Count(r => r.Cells.Any(c => c.Status != StepStatus.NotStarted)),
            rows.Count(r => r.Cells.Any(c => c.Status == StepStatus.Done)),
            rows.Count(r => r.Cells.Count > 0 && r.Cells.All(c => c.Status == StepStatus.Done)));
        return new CountyOverview(steps, rows, stalledDays, county);
    }

    private static async Task<List<StepColumn>> ReadStepsAsync(PortalDbContext context, bool activeOnly, CancellationToken cancellationToken)
    {
        var steps = await context.ImplementationSteps.AsNoTracking().Where(s => !activeOnly || s.IsActive)
            .Select(s => new { Step = s, Version = EF.Property<Guid>(s, ConcurrencyTokens.PropertyName) })
            .ToListAsync(cancellationToken);
        return [.. steps
            .OrderBy(s => s.Step.IsActive ? 0 : 1).ThenBy(s => s.Step.Order).ThenBy(s => s.Step.Name, Swedish)
            .Select(s => new StepColumn(s.Step.Id, s.Step.Name, s.Step.Description, s.Step.Order, s.Step.Scope, s.Step.MeasuresShare, s.Step.IsActive, s.Version))];
    }

    /// <summary>Sweeps the history once in time order, counting at each month's end the steps whose latest status is done.</summary>
    private async Task<ProgressOverTime> BuildProgressAsync(PortalDbContext context, DateOnly firstMonth, DateOnly lastMonth, CancellationToken cancellationToken)
    {
        var changes = await (
                from c in context.Set<StepProgressChange>().AsNoTracking()
                join p in context.StepProgress on c.ProgressId equals p.Id
                join s in context.ImplementationSteps on p.StepId equals s.Id
                join o in context.Organisations on p.OrganisationId equals o.Id
                where s.IsActive && o.IsActive
                select new { c.ProgressId, c.ChangedAt, c.ToStatus, o.SubRegion })
            .ToListAsync(cancellationToken);
        changes.Sort((a, b) => a.ChangedAt.CompareTo(b.ChangedAt));

        SubRegion?[] groups = [SubRegion.North, SubRegion.West, SubRegion.South, null];
        var months = new List<DateOnly>();
        for (var month = firstMonth; month <= lastMonth; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        var counts = groups.ToDictionary(g => g?.ToString() ?? string.Empty, _ => new int[months.Count]);
        var current = new Dictionary<Guid, (StepStatus Status, SubRegion? Region)>();
        var done = groups.ToDictionary(g => g?.ToString() ?? string.Empty, _ => 0);
        var next = 0;
        for (var i = 0; i < months.Count; i++)
        {
            var end = new DateTimeOffset(months[i].AddMonths(1).ToDateTime(TimeOnly.MinValue),
                clock.LocalTimeZone.GetUtcOffset(months[i].AddMonths(1).ToDateTime(TimeOnly.MinValue)));
            while (next < changes.Count && changes[next].ChangedAt < end)
            {
                var change = changes[next++];
                var key = change.SubRegion?.ToString() ?? string.Empty;
                if (current.TryGetValue(change.ProgressId, out var before) && before.Status == StepStatus.Done)
                {
                    done[key]--;
                }

                if (change.ToStatus == StepStatus.Done)
                {
                    done[key]++;
                }

                current[change.ProgressId] = (change.ToStatus, change.SubRegion);
            }

            foreach (var (key, value) in done)
            {
                counts[key][i] = value;
            }
        }

        return new ProgressOverTime(months, [.. groups.Select(g => new ProgressSeries(g, counts[g?.ToString() ?? string.Empty]))]);
    }

    private async Task<IReadOnlyList<MilestoneRow>> BuildMilestonesAsync(PortalDbContext context, CountyProgress progress, CancellationToken cancellationToken)
    {
        var today = Today;
        var milestones = await context.CountyMilestones.AsNoTracking()
            .Select(m => new { Milestone = m, Version = EF.Property<Guid>(m, ConcurrencyTokens.PropertyName) })
            .ToListAsync(cancellationToken);
        return [.. milestones.OrderBy(m => m.Milestone.Order).ThenBy(m => m.Milestone.DueOn).Select(x =>
        {
            var m = x.Milestone;
            return new MilestoneRow(m.Id, m.Code, m.Title, m.Description, m.Order, m.DueOn, m.Rule, m.IsSetManually, m.SetStatus,
                m.StatusFor(progress), m.IsOverdue(progress, today), m.CompletedOn, m.Note, m.ChangedByName, x.Version);
        })];
    }

    /// <summary>The history of one organisation (or of all when null), newest first.</summary>
    private static async Task<List<HistoryEntry>> ReadHistoryAsync(PortalDbContext context, Guid? organisationId, CancellationToken cancellationToken)
    {
        var rows = await (
                from c in context.Set<StepProgressChange>().AsNoTracking()
                join p in context.StepProgress on c.ProgressId equals p.Id
                join s in context.ImplementationSteps on p.StepId equals s.Id
                join o in context.Organisations on p.OrganisationId equals o.Id
                join u in context.Units on p.UnitId equals u.Id into unit
                from u in unit.DefaultIfEmpty()
                where organisationId == null || p.OrganisationId == organisationId
                select new HistoryEntry(c.ChangedAt, c.ChangedByName, o.Name, s.Name, u != null ? u.Name : null,
                    c.FromStatus, c.ToStatus, c.FromShare, c.ToShare, c.Date, c.Note))
            .ToListAsync(cancellationToken);
        rows.Sort((a, b) => b.ChangedAt.CompareTo(a.ChangedAt));
        return rows;
    }
}
