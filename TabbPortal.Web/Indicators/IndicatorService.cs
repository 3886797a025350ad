using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Consent;
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
        // The whole county needs no filter on the municipality, which lets SQLite start from the plans.
        var ids = municipalities.Count == all.Count ? null : municipalities.Select(m => m.Id).ToList();
        var months = filter.Months;

        var plans = await PlanFiguresAsync(context, ids, months, cancellationToken);
        var actions = await ActionFiguresAsync(context, ids, months, cancellationToken);
        var consents = await ConsentFiguresAsync(context, ids, months, Today, cancellationToken);
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
                    new("Indicators_ConsentShare", FigureKind.Share, false), new("Indicators_ReviewsDue", FigureKind.Count, true), new("Indicators_ReviewsOnTimeShare", FigureKind.Share, false),
                ],
                months, municipalities,
                (month, m) =>
                {
                    var f = Plans(month, m);
                    var r = Of(reviews, month, m, ReviewFigures.None, ReviewFigures.Sum);
                    var c = Of(consents, month, m, ConsentFigures.None, ConsentFigures.Sum);
                    return
                    [
                        SmallNumbers.Count(f.Plans, f.Children), SmallNumbers.Share(f.WithChildViews, f.Plans, f.Children),
                        SmallNumbers.Share(c.WithConsent, c.Plans, c.Plans),
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

    /// <summary>
    /// Plans open at some time in each month, by municipality and the child's level of support at the month's end, in
    /// one grouped query: each plan is paired with its child's level periods, and the months (0 = the period's first)
    /// in which both hold are counted as a span (first, last). Summing the spans per month happens on those few grouped
    /// rows. A child whose plan was closed and a new one opened in the same month is counted once per plan.
    /// </summary>
    private static async Task<Dictionary<(YearMonth, Guid), PlanFigures>> PlanFiguresAsync(
        PortalDbContext context, List<Guid>? municipalities, IReadOnlyList<YearMonth> months, CancellationToken cancellationToken)
    {
        var first = months[0].Year * 12 + months[0].Month;
        var periodStart = months[0].FirstDay;
        var periodEnd = months[^1].LastDay;
        const int Open = 100_000;
        var rows = await CreatedInMonth(context.Plans, months)
            .Where(p => p.CreatedIndex < months.Count && (p.ClosedOn == null || p.ClosedOn >= periodStart))
            .Join(context.Children, p => p.ChildId, c => c.Id, (p, c) => new { Plan = p, c.MunicipalityId })
            .Where(x => municipalities == null || municipalities.Contains(x.MunicipalityId))
            .Join(context.Set<SupportLevelPeriod>(), x => x.Plan.ChildId, l => EF.Property<Guid>(l, "ChildId"), (x, l) => new
            {
                x.MunicipalityId,
                x.Plan.HasViews,
                l.Level,
                PlanFrom = x.Plan.CreatedIndex,
                PlanTo = x.Plan.ClosedOn == null ? Open : x.Plan.ClosedOn.Value.Year * 12 + x.Plan.ClosedOn.Value.Month - first,
                LevelFrom = l.From.Year * 12 + l.From.Month - first,
                // The level at a month's end: a period ending (To) in a later month covers the month.
                LevelTo = l.To == null ? Open : l.To.Value.Year * 12 + l.To.Value.Month - first - 1,
                Relevant = l.From <= periodEnd && (l.To == null || l.To > periodStart),
            })
            .Where(x => x.Relevant)
            .Select(x => new
            {
                x.MunicipalityId,
                x.HasViews,
                x.Level,
                From = x.PlanFrom > x.LevelFrom ? x.PlanFrom : x.LevelFrom,
                To = x.PlanTo < x.LevelTo ? x.PlanTo : x.LevelTo,
            })
            .Where(x => x.From <= x.To)
            .GroupBy(x => new { x.MunicipalityId, x.HasViews, x.Level, x.From, x.To })
            .Select(g => new { g.Key.MunicipalityId, g.Key.HasViews, g.Key.Level, g.Key.From, g.Key.To, Plans = g.Count() })
            .ToListAsync(cancellationToken);
        var figures = new Dictionary<(YearMonth, Guid), PlanFigures>();
        for (var m = 0; m < months.Count; m++)
        {
            var month = m;
            foreach (var municipality in rows.Where(r => r.From <= month && r.To >= month).GroupBy(r => r.MunicipalityId))
            {
                var plans = municipality.Sum(r => r.Plans);
                figures[(months[m], municipality.Key)] = new PlanFigures(plans, plans, municipality.Where(r => r.HasViews).Sum(r => r.Plans),
                    municipality.GroupBy(r => r.Level).ToDictionary(l => l.Key, l => l.Sum(r => r.Plans)));
            }
        }

        return figures;
    }

    /// <summary>
    /// Actions running at some time in each month (not cancelled), by the sector of the responsible unit. The actions are
    /// first grouped by child, sector and span of months, then crossed with the months, so that the children can be
    /// counted distinctly per month and sector. The total's basis is the largest sector's number of children, a lower
    /// bound of the distinct children, so that it never shows a figure that should be suppressed.
    /// </summary>
    private static async Task<Dictionary<(YearMonth, Guid), ActionFigures>> ActionFiguresAsync(
        PortalDbContext context, List<Guid>? municipalities, IReadOnlyList<YearMonth> months, CancellationToken cancellationToken)
    {
        var first = months[0].Year * 12 + months[0].Month;
        var periodStart = months[0].FirstDay;
        var periodEnd = months[^1].LastDay;
        var spans = context.Set<PlanAction>()
            .Where(a => a.Status != ActionStatus.Cancelled && a.StartOn <= periodEnd && a.DueOn >= periodStart)
            .Join(context.Plans, a => EF.Property<Guid>(a, "PlanId"), p => p.Id, (a, p) => new { a.ResponsibleUnitId, a.StartOn, a.DueOn, p.ChildId })
            .Join(context.Children, x => x.ChildId, c => c.Id, (x, c) => new { x.ResponsibleUnitId, x.StartOn, x.DueOn, x.ChildId, c.MunicipalityId })
            .Where(x => municipalities == null || municipalities.Contains(x.MunicipalityId))
            .Join(context.Units, x => x.ResponsibleUnitId, u => u.Id, (x, u) => new
            {
                x.ChildId,
                x.MunicipalityId,
                From = x.StartOn.Year * 12 + x.StartOn.Month - first,
                To = x.DueOn.Year * 12 + x.DueOn.Month - first,
                Sector = u.Type == UnitType.Preschool || u.Type == UnitType.School || u.Type == UnitType.StudentHealth ? Sector.School
                    : u.Type == UnitType.SocialServices || u.Type == UnitType.YouthActivity ? Sector.SocialServices
                    : Sector.HealthCare,
            })
            .GroupBy(x => new { x.ChildId, x.MunicipalityId, x.Sector, x.From, x.To })
            .Select(g => new { g.Key.ChildId, g.Key.MunicipalityId, g.Key.Sector, g.Key.From, g.Key.To, Actions = g.Count() });
        var rows = await spans
            .SelectMany(x => MonthIndexes(context, months.Count), (x, m) => new { x.ChildId, x.MunicipalityId, x.Sector, x.From, x.To, x.Actions, Month = m })
            .Where(x => x.From <= x.Month && x.To >= x.Month)
            .GroupBy(x => new { x.Month, x.MunicipalityId, x.Sector })
            .Select(g => new { g.Key.Month, g.Key.MunicipalityId, g.Key.Sector, Actions = g.Sum(x => x.Actions), Children = g.Select(x => x.ChildId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => (r.Month, r.MunicipalityId)).ToDictionary(g => (months[g.Key.Month], g.Key.MunicipalityId), g => new ActionFigures(
            g.ToDictionary(r => r.Sector, r => (r.Actions, r.Children)), g.Max(r => r.Children)));
    }

    /// <summary>
    /// Plans open at some time in each month and how many of them had valid consent on the month's last day (today, for
    /// the current month), by municipality: the consent ledger's rule (ConsentLedger) in SQL, for any agency. Everyone
    /// whose consent is needed (each guardian with custody; the child when no guardian has custody, or when the child's own
    /// consent has been asked) has an entry in force that day that has not been withdrawn.
    /// </summary>
    private static async Task<Dictionary<(YearMonth, Guid), ConsentFigures>> ConsentFiguresAsync(
        PortalDbContext context, List<Guid>? municipalities, IReadOnlyList<YearMonth> months, DateOnly today, CancellationToken cancellationToken)
    {
        var periodStart = months[0].FirstDay;
        var consents = context.Consents;
        var withdrawals = context.ConsentWithdrawals;
        var rows = await CreatedInMonth(context.Plans, months)
            .Where(p => p.CreatedIndex < months.Count && (p.ClosedOn == null || p.ClosedOn >= periodStart))
            .Join(context.Children, p => p.ChildId, c => c.Id, (p, c) => new { Plan = p, Child = c })
            .Where(x => municipalities == null || municipalities.Contains(x.Child.MunicipalityId))
            .SelectMany(x => MonthDays(context, months, today), (x, m) => new { x.Plan, x.Child, Month = m })
            .Where(x => x.Month.Index >= x.Plan.CreatedIndex && (x.Plan.ClosedOn == null || x.Plan.ClosedOn >= x.Month.First))
            .Select(x => new
            {
                x.Month.Index,
                x.Child.MunicipalityId,
                Valid =
                    !x.Child.Guardians.Any(g => g.HasCustody && !consents.Any(e => e.ChildId == x.Child.Id && e.Giver == ConsentGiver.Guardian && e.GuardianId == g.Id
                        && e.ValidFrom <= x.Month.Day && e.ValidTo >= x.Month.Day && !withdrawals.Any(w => w.ConsentId == e.Id)))
                    && ((x.Child.Guardians.Any(g => g.HasCustody) && !consents.Any(e => e.ChildId == x.Child.Id && e.Giver == ConsentGiver.Child))
                        || consents.Any(e => e.ChildId == x.Child.Id && e.Giver == ConsentGiver.Child
                            && e.ValidFrom <= x.Month.Day && e.ValidTo >= x.Month.Day && !withdrawals.Any(w => w.ConsentId == e.Id))),
            })
            .GroupBy(x => new { x.Index, x.MunicipalityId })
            .Select(g => new { g.Key.Index, g.Key.MunicipalityId, Plans = g.Count(), Valid = g.Count(x => x.Valid) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (months[r.Index], r.MunicipalityId), r => new ConsentFigures(r.Plans, r.Valid));
    }

    /// <summary>The period's months as a small table: index, first day and the day consent is judged on (the last day, or today).</summary>
    private static IQueryable<MonthDay> MonthDays(PortalDbContext context, IReadOnlyList<YearMonth> months, DateOnly today) =>
        context.Database.SqlQueryRaw<MonthDay>(string.Join(" UNION ALL ", months.Select((m, i) => string.Create(CultureInfo.InvariantCulture,
            $"SELECT {i} AS \"Index\", '{m.FirstDay:yyyy-MM-dd}' AS \"First\", '{(m.LastDay < today ? m.LastDay : today):yyyy-MM-dd}' AS \"Day\""))));

    private sealed class MonthDay
    {
        public int Index { get; init; }

        public DateOnly First { get; init; }

        public DateOnly Day { get; init; }
    }

    private sealed record ConsentFigures(int Plans, int WithConsent)
    {
        public static ConsentFigures None { get; } = new(0, 0);

        public static ConsentFigures Sum(IEnumerable<ConsentFigures> all)
        {
            var list = all.ToList();
            return new ConsentFigures(list.Sum(f => f.Plans), list.Sum(f => f.WithConsent));
        }
    }

    /// <summary>
    /// Each plan with the index of the month (0 = the period's first) in which it was created: the creation time is a
    /// DateTimeOffset that SQLite cannot take apart, so it is compared with each month's end (constants) in one CASE.
    /// Plans created before the period get 0, after it the number of months.
    /// </summary>
    private static IQueryable<PlanSpan> CreatedInMonth(IQueryable<Plan> plans, IReadOnlyList<YearMonth> months)
    {
        var plan = Expression.Parameter(typeof(Plan), "p");
        Expression index = Expression.Constant(months.Count);
        for (var i = months.Count - 1; i >= 0; i--)
        {
            var end = new DateTimeOffset(months[i].LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            index = Expression.Condition(Expression.LessThan(Expression.Property(plan, nameof(Plan.CreatedAt)), Expression.Constant(end)), Expression.Constant(i), index);
        }

        var span = Expression.MemberInit(
            Expression.New(typeof(PlanSpan)),
            Expression.Bind(typeof(PlanSpan).GetProperty(nameof(PlanSpan.ChildId))!, Expression.Property(plan, nameof(Plan.ChildId))),
            Expression.Bind(typeof(PlanSpan).GetProperty(nameof(PlanSpan.HasViews))!,
                Expression.NotEqual(Expression.Property(plan, nameof(Plan.ChildViews)), Expression.Constant(null, typeof(string)))),
            Expression.Bind(typeof(PlanSpan).GetProperty(nameof(PlanSpan.ClosedOn))!, Expression.Property(plan, nameof(Plan.ClosedOn))),
            Expression.Bind(typeof(PlanSpan).GetProperty(nameof(PlanSpan.CreatedIndex))!, index));
        return plans.Select(Expression.Lambda<Func<Plan, PlanSpan>>(span, plan));
    }

    /// <summary>The month indexes 0 … count−1 as a table the database can cross with the plans (an uncorrelated subquery).</summary>
    /// <remarks>Ordered, so that SQLite materialises it once instead of reading the JSON again for every row it is crossed with.</remarks>
    private static IQueryable<int> MonthIndexes(PortalDbContext context, int count) =>
        context.Database.SqlQueryRaw<int>(
            "SELECT CAST(\"value\" AS INTEGER) AS \"Value\" FROM json_each({0}) ORDER BY 1", "[" + string.Join(",", Enumerable.Range(0, count)) + "]");

    private sealed class PlanSpan
    {
        public Guid ChildId { get; init; }

        public bool HasViews { get; init; }

        public DateOnly? ClosedOn { get; init; }

        public int CreatedIndex { get; init; }
    }

    /// <summary>
    /// Reviews due in each month up to today: the next review set at a review, or a plan's first review date while it has
    /// had none. On time: a review of the plan was held after the one that set the date and no later than the date.
    /// Plans closed before the date are left out.
    /// </summary>
    private async Task<Dictionary<(YearMonth, Guid), ReviewFigures>> ReviewFiguresAsync(
        PortalDbContext context, List<Guid>? municipalities, ReportFilter filter, CancellationToken cancellationToken)
    {
        var first = filter.From.FirstDay;
        var last = filter.To.LastDay < Today ? filter.To.LastDay : Today;
        var children = context.Children;
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
            .Where(x => municipalities == null || municipalities.Contains(x.MunicipalityId))
            .GroupBy(x => new { x.MunicipalityId, x.Due.Year, x.Due.Month })
            .Select(g => new { g.Key.MunicipalityId, g.Key.Year, g.Key.Month, Due = g.Count(), OnTime = g.Count(x => x.OnTime), Children = g.Select(x => x.ChildId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var firstReviews = await context.Plans
            .Where(p => p.NextReviewOn != null && p.NextReviewOn >= first && p.NextReviewOn <= last
                && (p.ClosedOn == null || p.ClosedOn > p.NextReviewOn) && !reviews.Any(r => EF.Property<Guid>(r, "PlanId") == p.Id))
            .Join(children, p => p.ChildId, c => c.Id, (p, c) => new { c.MunicipalityId, p.ChildId, Due = p.NextReviewOn!.Value })
            .Where(x => municipalities == null || municipalities.Contains(x.MunicipalityId))
            .GroupBy(x => new { x.MunicipalityId, x.Due.Year, x.Due.Month })
            .Select(g => new { g.Key.MunicipalityId, g.Key.Year, g.Key.Month, Due = g.Count(), OnTime = 0, Children = g.Select(x => x.ChildId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        return setAtReviews.Concat(firstReviews)
            .GroupBy(r => (new YearMonth(r.Year, r.Month), r.MunicipalityId))
            .ToDictionary(g => g.Key, g => new ReviewFigures(g.Sum(r => r.Due), g.Sum(r => r.OnTime), g.Sum(r => r.Children)));
    }

    /// <summary>Joint meetings held in each month, and how many children they concerned.</summary>
    private static async Task<Dictionary<(YearMonth, Guid), MeetingFigures>> MeetingFiguresAsync(
        PortalDbContext context, List<Guid>? municipalities, ReportFilter filter, CancellationToken cancellationToken)
    {
        var first = filter.From.FirstDay;
        var last = filter.To.LastDay;
        var rows = await context.Meetings
            .Where(m => m.HeldOn >= first && m.HeldOn <= last)
            .Join(context.Plans, m => m.PlanId, p => p.Id, (m, p) => new { m.HeldOn, p.ChildId })
            .Join(context.Children, x => x.ChildId, c => c.Id, (x, c) => new { x.HeldOn, x.ChildId, c.MunicipalityId })
            .Where(x => municipalities == null || municipalities.Contains(x.MunicipalityId))
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
        PortalDbContext context, List<Guid>? municipalities, ReportFilter filter, CancellationToken cancellationToken)
    {
        var first = filter.From.FirstDay;
        var last = filter.To.LastDay;
        var rows = await context.Meetings
            .Join(context.Plans, m => m.PlanId, p => p.Id, (m, p) => new { m.HeldOn, p.ChildId })
            .GroupBy(x => x.ChildId)
            .Select(g => new { ChildId = g.Key, FirstMeeting = g.Min(x => x.HeldOn) })
            .Where(x => x.FirstMeeting >= first && x.FirstMeeting <= last)
            .Join(context.Children, x => x.ChildId, c => c.Id, (x, c) => new
            {
                c.MunicipalityId,
                x.FirstMeeting,
                FirstConcern = context.Concerns.Where(k => k.ChildId == x.ChildId).OrderBy(k => k.RaisedAt).Select(k => (DateTimeOffset?)k.RaisedAt).FirstOrDefault(),
            })
            .Where(x => municipalities == null || municipalities.Contains(x.MunicipalityId))
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
