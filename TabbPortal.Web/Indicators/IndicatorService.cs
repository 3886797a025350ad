using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Organisations;
using TabbPortal.Domain.Plans;
using TabbPortal.Domain.Reporting;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Indicators;

/// <summary>The indicators of one period and area.</summary>
public sealed record IndicatorReport(ReportFilter Filter, IReadOnlyList<AreaOption> Areas, IReadOnlyList<ReportTable> Tables)
{
    public ReportTable Table(string id) => Tables.Single(t => t.Id == id);
}

/// <summary>
/// Indicators from the work itself, per municipality and month, for process leaders only. Every figure is counted in
/// the database with grouped queries (nothing but aggregates and, for the median, one number of days per child comes
/// back), and every cell goes through <see cref="SmallNumbers"/>. No child, name or number leaves this service.
/// </summary>
public sealed class IndicatorService(IDbContextFactory<PortalDbContext> contextFactory, CurrentUser currentUser, TimeProvider clock)
{
    public const string LevelsTable = "levels";
    public const string PlansTable = "plans";
    public const string MeetingsTable = "meetings";
    public const string ActionsTable = "actions";

    private static readonly SupportLevel[] Levels = [SupportLevel.Universal, SupportLevel.Targeted, SupportLevel.Coordinated];
    private static readonly Sector[] Sectors = [Sector.School, Sector.SocialServices, Sector.HealthCare];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>For the page: the signed-in user must be a process leader.</summary>
    public async Task<IndicatorReport> GetAsync(ReportFilter filter, CancellationToken cancellationToken = default) =>
        await GetForAsync(await currentUser.RequireRoleAsync(PortalRoles.ProcessLeader), filter, cancellationToken);

    /// <summary>For the export endpoint, which has the request's user rather than a circuit's.</summary>
    public async Task<IndicatorReport> GetForAsync(ClaimsPrincipal user, ReportFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(filter);
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(PortalRoles.ProcessLeader))
        {
            throw new UnauthorizedAccessException("Indicators are for process leaders only.");
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var all = await AreaScope.MunicipalitiesAsync(context, cancellationToken);
        var municipalities = AreaScope.In(all, filter.Area);
        var ids = municipalities.Select(m => m.Id).ToList();
        var months = filter.Months;

        var plans = new Dictionary<(YearMonth, Guid), PlanFigures>();
        var actions = new Dictionary<(YearMonth, Guid), ActionFigures>();
        foreach (var month in months)
        {
            foreach (var (municipality, figures) in await PlanFiguresAsync(context, ids, month, cancellationToken))
            {
                plans[(month, municipality)] = figures;
            }

            foreach (var (municipality, figures) in await ActionFiguresAsync(context, ids, month, cancellationToken))
            {
                actions[(month, municipality)] = figures;
            }
        }

        var reviews = await ReviewFiguresAsync(context, ids, filter, cancellationToken);
        var meetings = await MeetingFiguresAsync(context, ids, filter, cancellationToken);
        var firstMeetings = await DaysToFirstMeetingAsync(context, ids, filter, cancellationToken);

        PlanFigures Plans(YearMonth month, Municipality? m) => m is null
            ? PlanFigures.Sum(municipalities.Select(x => plans.GetValueOrDefault((month, x.Id)) ?? PlanFigures.None))
            : plans.GetValueOrDefault((month, m.Id)) ?? PlanFigures.None;
        ActionFigures Actions(YearMonth month, Municipality? m) => m is null
            ? ActionFigures.Sum(municipalities.Select(x => actions.GetValueOrDefault((month, x.Id)) ?? ActionFigures.None))
            : actions.GetValueOrDefault((month, m.Id)) ?? ActionFigures.None;
        T Of<T>(Dictionary<(YearMonth, Guid), T> source, YearMonth month, Municipality? m, T none, Func<IEnumerable<T>, T> sum) => m is null
            ? sum(municipalities.Select(x => source.GetValueOrDefault((month, x.Id)) ?? none))
            : source.GetValueOrDefault((month, m.Id)) ?? none;

        var tables = new List<ReportTable>
        {
            ReportTables.Build(LevelsTable, "Indicators_Levels_Caption",
                [
                    new("SupportLevel_Universal", FigureKind.Count, true), new("SupportLevel_Targeted", FigureKind.Count, true),
                    new("SupportLevel_Coordinated", FigureKind.Count, true), new("Indicators_Total", FigureKind.Count, true),
                ],
                months, municipalities,
                (month, m) =>
                {
                    var f = Plans(month, m);
                    return [.. Levels.Select(l => SmallNumbers.Children(f.ChildrenAt(l))), SmallNumbers.Children(f.Children)];
                },
                totalColumn: 3),
            ReportTables.Build(PlansTable, "Indicators_Plans_Caption",
                [
                    new("Indicators_OpenPlans", FigureKind.Count, true), new("Indicators_ChildViewsShare", FigureKind.Share, false),
                    new("Indicators_ReviewsDue", FigureKind.Count, true), new("Indicators_ReviewsOnTimeShare", FigureKind.Share, false),
                ],
                months, municipalities,
                (month, m) =>
                {
                    var f = Plans(month, m);
                    var r = Of(reviews, month, m, ReviewFigures.None, ReviewFigures.Sum);
                    return
                    [
                        SmallNumbers.Count(f.Plans, f.Children), SmallNumbers.Share(f.WithChildViews, f.Plans, f.Children),
                        SmallNumbers.Count(r.Due, r.Children), SmallNumbers.Share(r.OnTime, r.Due, r.Children),
                    ];
                }),
            ReportTables.Build(MeetingsTable, "Indicators_Meetings_Caption",
                [new("Indicators_JointMeetings", FigureKind.Count, true), new("Indicators_MedianDaysToFirstMeeting", FigureKind.Median, false)],
                months, municipalities,
                (month, m) =>
                {
                    var f = Of(meetings, month, m, MeetingFigures.None, MeetingFigures.Sum);
                    var days = Of(firstMeetings, month, m, [], lists => [.. lists.SelectMany(l => l)]);
                    return [SmallNumbers.Count(f.Meetings, f.Children), SmallNumbers.Median(days)];
                }),
            ReportTables.Build(ActionsTable, "Indicators_Actions_Caption",
                [
                    new("Sector_School", FigureKind.Count, true), new("Sector_SocialServices", FigureKind.Count, true),
                    new("Sector_HealthCare", FigureKind.Count, true), new("Indicators_Total", FigureKind.Count, true),
                ],
                months, municipalities,
                (month, m) =>
                {
                    var f = Actions(month, m);
                    return [.. Sectors.Select(s => SmallNumbers.Count(f.ActionsIn(s), f.ChildrenIn(s))), SmallNumbers.Count(f.Actions, f.Children)];
                },
                totalColumn: 3),
        };
        return new IndicatorReport(filter, AreaScope.Options(all), tables);
    }

    /// <summary>Plans open at some time in the month, by the municipality and the child's level of support at the month's end.</summary>
    private static async Task<IEnumerable<(Guid Municipality, PlanFigures Figures)>> PlanFiguresAsync(
        PortalDbContext context, List<Guid> municipalities, YearMonth month, CancellationToken cancellationToken)
    {
        var first = month.FirstDay;
        var last = month.LastDay;
        var endOfMonth = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var rows = await context.Plans
            .Where(p => p.CreatedAt < endOfMonth && (p.ClosedOn == null || p.ClosedOn >= first))
            .Join(context.Children.Where(c => municipalities.Contains(c.MunicipalityId)), p => p.ChildId, c => c.Id, (p, c) => new
            {
                p.ChildId,
                HasViews = p.ChildViews != null,
                c.MunicipalityId,
                Level = c.SupportLevels.Where(l => l.From <= last && (l.To == null || l.To > last)).Select(l => (SupportLevel?)l.Level).FirstOrDefault(),
            })
            .GroupBy(x => new { x.MunicipalityId, x.Level })
            .Select(g => new
            {
                g.Key.MunicipalityId,
                g.Key.Level,
                Plans = g.Count(),
                Children = g.Select(x => x.ChildId).Distinct().Count(),
                WithViews = g.Count(x => x.HasViews),
            })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.MunicipalityId).Select(g => (g.Key, new PlanFigures(
            g.Sum(r => r.Plans), g.Sum(r => r.Children), g.Sum(r => r.WithViews),
            g.GroupBy(r => r.Level ?? SupportLevel.Universal).ToDictionary(l => l.Key, l => l.Sum(r => r.Children)))));
    }

    /// <summary>Actions running at some time in the month (not cancelled), by the sector of the responsible unit.</summary>
    private static async Task<IEnumerable<(Guid Municipality, ActionFigures Figures)>> ActionFiguresAsync(
        PortalDbContext context, List<Guid> municipalities, YearMonth month, CancellationToken cancellationToken)
    {
        var first = month.FirstDay;
        var last = month.LastDay;
        var running = context.Set<PlanAction>()
            .Where(a => a.Status != ActionStatus.Cancelled && a.StartOn <= last && a.DueOn >= first)
            .Join(context.Plans, a => EF.Property<Guid>(a, "PlanId"), p => p.Id, (a, p) => new { a.ResponsibleUnitId, p.ChildId })
            .Join(context.Children.Where(c => municipalities.Contains(c.MunicipalityId)), x => x.ChildId, c => c.Id, (x, c) => new { x.ResponsibleUnitId, x.ChildId, c.MunicipalityId })
            .Join(context.Units, x => x.ResponsibleUnitId, u => u.Id, (x, u) => new
            {
                x.ChildId,
                x.MunicipalityId,
                Sector = u.Type == UnitType.Preschool || u.Type == UnitType.School || u.Type == UnitType.StudentHealth ? Sector.School
                    : u.Type == UnitType.SocialServices || u.Type == UnitType.YouthActivity ? Sector.SocialServices
                    : Sector.HealthCare,
            });
        var bySector = await running.GroupBy(x => new { x.MunicipalityId, x.Sector })
            .Select(g => new { g.Key.MunicipalityId, g.Key.Sector, Actions = g.Count(), Children = g.Select(x => x.ChildId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var children = await running.GroupBy(x => x.MunicipalityId)
            .Select(g => new { MunicipalityId = g.Key, Children = g.Select(x => x.ChildId).Distinct().Count() })
            .ToDictionaryAsync(x => x.MunicipalityId, x => x.Children, cancellationToken);
        return bySector.GroupBy(r => r.MunicipalityId).Select(g => (g.Key, new ActionFigures(
            g.ToDictionary(r => r.Sector, r => (r.Actions, r.Children)), children.GetValueOrDefault(g.Key))));
    }

    /// <summary>
    /// Reviews due in each month up to today: the next review set at a review, or a plan's first review date while it has
    /// had none. On time: a review of the plan was held after the one that set the date and no later than the date.
    /// Plans closed before the date are left out.
    /// </summary>
    private async Task<Dictionary<(YearMonth, Guid), ReviewFigures>> ReviewFiguresAsync(
        PortalDbContext context, List<Guid> municipalities, ReportFilter filter, CancellationToken cancellationToken)
    {
        var first = filter.From.FirstDay;
        var last = filter.To.LastDay < Today ? filter.To.LastDay : Today;
        var children = context.Children.Where(c => municipalities.Contains(c.MunicipalityId));
        var reviews = context.Set<PlanReview>();
        var setAtReviews = await reviews
            .Where(r => r.NextReviewOn != null && r.NextReviewOn >= first && r.NextReviewOn <= last)
            .Join(context.Plans, r => EF.Property<Guid>(r, "PlanId"), p => p.Id, (r, p) => new { Review = r, Plan = p })
            .Where(x => x.Plan.ClosedOn == null || x.Plan.ClosedOn > x.Review.NextReviewOn)
            .Join(children, x => x.Plan.ChildId, c => c.Id, (x, c) => new
            {
                c.MunicipalityId,
                x.Plan.ChildId,
                Due = x.Review.NextReviewOn!.Value,
                OnTime = reviews.Any(h => EF.Property<Guid>(h, "PlanId") == x.Plan.Id && h.HeldOn > x.Review.HeldOn && h.HeldOn <= x.Review.NextReviewOn),
            })
            .GroupBy(x => new { x.MunicipalityId, x.Due.Year, x.Due.Month })
            .Select(g => new { g.Key.MunicipalityId, g.Key.Year, g.Key.Month, Due = g.Count(), OnTime = g.Count(x => x.OnTime), Children = g.Select(x => x.ChildId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var firstReviews = await context.Plans
            .Where(p => p.NextReviewOn != null && p.NextReviewOn >= first && p.NextReviewOn <= last
                && (p.ClosedOn == null || p.ClosedOn > p.NextReviewOn) && !reviews.Any(r => EF.Property<Guid>(r, "PlanId") == p.Id))
            .Join(children, p => p.ChildId, c => c.Id, (p, c) => new { c.MunicipalityId, p.ChildId, Due = p.NextReviewOn!.Value })
            .GroupBy(x => new { x.MunicipalityId, x.Due.Year, x.Due.Month })
            .Select(g => new { g.Key.MunicipalityId, g.Key.Year, g.Key.Month, Due = g.Count(), OnTime = 0, Children = g.Select(x => x.ChildId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        return setAtReviews.Concat(firstReviews)
            .GroupBy(r => (new YearMonth(r.Year, r.Month), r.MunicipalityId))
            .ToDictionary(g => g.Key, g => new ReviewFigures(g.Sum(r => r.Due), g.Sum(r => r.OnTime), g.Sum(r => r.Children)));
    }

    /// <summary>Joint meetings held in each month, and how many children they concerned.</summary>
    private static async Task<Dictionary<(YearMonth, Guid), MeetingFigures>> MeetingFiguresAsync(
        PortalDbContext context, List<Guid> municipalities, ReportFilter filter, CancellationToken cancellationToken)
    {
        var first = filter.From.FirstDay;
        var last = filter.To.LastDay;
        var rows = await context.Meetings
            .Where(m => m.HeldOn >= first && m.HeldOn <= last)
            .Join(context.Plans, m => m.PlanId, p => p.Id, (m, p) => new { m.HeldOn, p.ChildId })
            .Join(context.Children.Where(c => municipalities.Contains(c.MunicipalityId)), x => x.ChildId, c => c.Id, (x, c) => new { x.HeldOn, x.ChildId, c.MunicipalityId })
            .GroupBy(x => new { x.MunicipalityId, x.HeldOn.Year, x.HeldOn.Month })
            .Select(g => new { g.Key.MunicipalityId, g.Key.Year, g.Key.Month, Meetings = g.Count(), Children = g.Select(x => x.ChildId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (new YearMonth(r.Year, r.Month), r.MunicipalityId), r => new MeetingFigures(r.Meetings, r.Children));
    }

    /// <summary>
    /// For each child whose first joint meeting was in the period: the days from the child's first concern to that
    /// meeting, by the meeting's month. Only the number of days comes back, never the child.
    /// </summary>
    private static async Task<Dictionary<(YearMonth, Guid), List<int>>> DaysToFirstMeetingAsync(
        PortalDbContext context, List<Guid> municipalities, ReportFilter filter, CancellationToken cancellationToken)
    {
        var first = filter.From.FirstDay;
        var last = filter.To.LastDay;
        var rows = await context.Meetings
            .Join(context.Plans, m => m.PlanId, p => p.Id, (m, p) => new { m.HeldOn, p.ChildId })
            .GroupBy(x => x.ChildId)
            .Select(g => new { ChildId = g.Key, FirstMeeting = g.Min(x => x.HeldOn) })
            .Where(x => x.FirstMeeting >= first && x.FirstMeeting <= last)
            .Join(context.Children.Where(c => municipalities.Contains(c.MunicipalityId)), x => x.ChildId, c => c.Id, (x, c) => new
            {
                c.MunicipalityId,
                x.FirstMeeting,
                FirstConcern = context.Concerns.Where(k => k.ChildId == x.ChildId).OrderBy(k => k.RaisedAt).Select(k => (DateTimeOffset?)k.RaisedAt).FirstOrDefault(),
            })
            .Where(x => x.FirstConcern != null)
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => (r.MunicipalityId, Month: YearMonth.Of(r.FirstMeeting), Days: r.FirstMeeting.DayNumber - DateOnly.FromDateTime(r.FirstConcern!.Value.UtcDateTime).DayNumber))
            .Where(r => r.Days >= 0)
            .GroupBy(r => (r.Month, r.MunicipalityId))
            .ToDictionary(g => g.Key, g => g.Select(r => r.Days).ToList());
    }

    private sealed record PlanFigures(int Plans, int Children, int WithChildViews, IReadOnlyDictionary<SupportLevel, int> ByLevel)
    {
        public static PlanFigures None { get; } = new(0, 0, 0, new Dictionary<SupportLevel, int>());

        public int ChildrenAt(SupportLevel level) => ByLevel.GetValueOrDefault(level);

        public static PlanFigures Sum(IEnumerable<PlanFigures> all)
        {
            var list = all.ToList();
            return new PlanFigures(list.Sum(f => f.Plans), list.Sum(f => f.Children), list.Sum(f => f.WithChildViews),
                Levels.ToDictionary(l => l, l => list.Sum(f => f.ChildrenAt(l))));
        }
    }

    private sealed record ActionFigures(IReadOnlyDictionary<Sector, (int Actions, int Children)> BySector, int Children)
    {
        public static ActionFigures None { get; } = new(new Dictionary<Sector, (int, int)>(), 0);

        public int Actions => BySector.Values.Sum(v => v.Actions);

        public int ActionsIn(Sector sector) => BySector.GetValueOrDefault(sector).Actions;

        public int ChildrenIn(Sector sector) => BySector.GetValueOrDefault(sector).Children;

        public static ActionFigures Sum(IEnumerable<ActionFigures> all)
        {
            var list = all.ToList();
            return new ActionFigures(
                Sectors.ToDictionary(s => s, s => (list.Sum(f => f.ActionsIn(s)), list.Sum(f => f.ChildrenIn(s)))), list.Sum(f => f.Children));
        }
    }

    private sealed record ReviewFigures(int Due, int OnTime, int Children)
    {
        public static ReviewFigures None { get; } = new(0, 0, 0);

        public static ReviewFigures Sum(IEnumerable<ReviewFigures> all)
        {
            var list = all.ToList();
            return new ReviewFigures(list.Sum(f => f.Due), list.Sum(f => f.OnTime), list.Sum(f => f.Children));
        }
    }

    private sealed record MeetingFigures(int Meetings, int Children)
    {
        public static MeetingFigures None { get; } = new(0, 0);

        public static MeetingFigures Sum(IEnumerable<MeetingFigures> all)
        {
            var list = all.ToList();
            return new MeetingFigures(list.Sum(f => f.Meetings), list.Sum(f => f.Children));
        }
    }
}
