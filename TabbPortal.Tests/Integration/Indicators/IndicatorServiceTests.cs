using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Plans;
using TabbPortal.Domain.Reporting;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Web.Indicators;
using B = TabbPortal.Tests.Integration.Indicators.IndicatorDataBuilder;

namespace TabbPortal.Tests.Integration.Indicators;

/// <summary>
/// Every indicator on a known data set in a municipality of its own: four children with a plan in March, five in April,
/// six in May, so that the small-number rule is seen at 4, 5 and 6 children.
/// </summary>
public sealed class IndicatorServiceTests(IndicatorServiceTests.KnownDataFactory factory) : IClassFixture<IndicatorServiceTests.KnownDataFactory>
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    [Fact]
    public async Task ChildrenWithAPlanPerLevelAreSuppressedBelowFiveChildren()
    {
        var report = await ReportAsync();

        var levels = report.Table(IndicatorService.LevelsTable);
        Assert.Equal(["<5", "<5", "<5", "<5"], Row(levels, 3));
        Assert.Equal(["<5", "<5", "5", "5"], Row(levels, 4));
        Assert.Equal(["<5", "<5", "5", "6"], Row(levels, 5));
    }

    [Fact]
    public async Task ChildViewsValidConsentAndReviewsOnTimeAreSharesOfTheMonthsPlans()
    {
        var report = await ReportAsync();

        var plans = report.Table(IndicatorService.PlansTable);
        Assert.Equal(["<5", "<5", "<5", "<5", "<5"], Row(plans, 3));
        Assert.Equal(["5", "60 %", "0 %", "<5", "<5"], Row(plans, 4));
        Assert.Equal(["6", "100 %", "50 %", "5", "60 %"], Row(plans, 5));
    }

    [Fact]
    public async Task JointMeetingsAndTheMedianDaysFromConcernToFirstMeetingAreCounted()
    {
        var report = await ReportAsync();

        var meetings = report.Table(IndicatorService.MeetingsTable);
        Assert.Equal(["<5", "<5"], Row(meetings, 4));
        Assert.Equal(["6", "7"], Row(meetings, 5));
        Assert.Equal(7m, meetings.Rows.Single(r => r.Month.Month == 5).Cells[1].Value);
    }

    [Fact]
    public async Task ActionsArePerSectorOfTheResponsibleUnitAndSuppressedByTheChildrenTheyConcern()
    {
        var report = await ReportAsync();

        var actions = report.Table(IndicatorService.ActionsTable);
        Assert.Equal(["<5", "<5", "<5", "<5"], Row(actions, 3));
        Assert.Equal(["<5", "10", "<5", "10"], Row(actions, 4));
        Assert.Equal(["6", "<5", "<5", "6"], Row(actions, 5));
    }

    [Fact]
    public async Task TheCountyHasATotalRowPerMonthWithTheSameRuleAndNoLineThatCanBeSolvedForOneHiddenFigure()
    {
        var report = await ReportAsync(ReportFilter.County);

        var levels = report.Table(IndicatorService.LevelsTable);
        var may = levels.Rows.Where(r => r.Month == new YearMonth(2026, 5)).ToList();
        Assert.Equal(11, may.Count);
        Assert.True(may[^1].IsTotal);
        Assert.Contains(may, r => r.Municipality == "Provkommun kommun");
        foreach (var row in may.Where(r => r.Cells[3].IsShown))
        {
            Assert.NotEqual(1, row.Cells.Take(3).Count(c => !c.IsShown));
        }
    }

    [Fact]
    public async Task TheCsvHasTheSameFiguresAndMarksAsThePage()
    {
        var report = await ReportAsync();
        var localizer = factory.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<TabbPortal.Web.Resources.SharedResource>>();

        var csv = System.Text.Encoding.UTF8.GetString(ReportCsv.Write(report.Table(IndicatorService.PlansTable), localizer)[3..]);

        Assert.Contains("2026-05;Provkommun kommun;6;100;50;5;60\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("2026-03;Provkommun kommun;<5;<5;<5;<5;<5\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyProcessLeadersGetIndicators()
    {
        var (scope, _) = await SignedInScope.StartAsync(factory, DemoLookup.Karin);
        await using (scope)
        {
            var service = scope.ServiceProvider.GetRequiredService<IndicatorService>();
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.GetAsync(ReportFilter.Default(service.Today)));
        }
    }

    private async Task<IndicatorReport> ReportAsync(string? area = null)
    {
        var (scope, _) = await SignedInScope.StartAsync(factory, DemoLookup.Eva);
        await using (scope)
        {
            var service = scope.ServiceProvider.GetRequiredService<IndicatorService>();
            return await service.GetAsync(new ReportFilter(new YearMonth(2026, 3), new YearMonth(2026, 5), area ?? factory.Municipality.ToString()));
        }
    }

    private static string[] Row(ReportTable table, int month) =>
        [.. table.Rows.Single(r => r.Month == new YearMonth(2026, month) && !r.IsTotal).Cells.Select(c => c.Display(Swedish))];

    /// <summary>The demo portal with the known data set added once for the class.</summary>
    public sealed class KnownDataFactory : PortalFactory, IAsyncLifetime
    {
        public Guid Municipality { get; private set; }

        public async Task InitializeAsync()
        {
            var b = await B.InNewMunicipalityAsync(this);
            Municipality = b.Municipality.Id;

            // March: four children, each with a plan for two weeks, without the child's views.
            for (var i = 0; i < 4; i++)
            {
                b.Plan(b.Child(new DateOnly(2026, 2, 1), SupportLevel.Coordinated), new DateOnly(2026, 3, 5), childViews: false, closedOn: new DateOnly(2026, 3, 20));
            }

            // April: five children, three with their views recorded, each with two actions at social services.
            for (var i = 0; i < 5; i++)
            {
                b.Plan(b.Child(new DateOnly(2026, 3, 25), SupportLevel.Coordinated), new DateOnly(2026, 4, 2), childViews: i < 3, closedOn: new DateOnly(2026, 4, 25),
                    more: (plan, need) =>
                    {
                        B.Action(plan, need, b.SocialServices, new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 20));
                        B.Action(plan, need, b.SocialServices, new DateOnly(2026, 4, 5), new DateOnly(2026, 4, 22));
                    });
            }

            // May: six children (five coordinated, one targeted) with their views, a school action, a first joint meeting on
            // 10 May, 2–12 days after their first concern (median 7), and a review due on 20 May for five of them: three
            // held on time, one late, one not at all. A cancelled action is not counted.
            for (var i = 1; i <= 6; i++)
            {
                var index = i;
                var child = b.Child(new DateOnly(2026, 4, 26), i == 6 ? SupportLevel.Targeted : SupportLevel.Coordinated, concernOn: new DateOnly(2026, 5, 10).AddDays(-2 * i));
                var plan = b.Plan(child, new DateOnly(2026, 5, 3), childViews: true, more: (plan, need) =>
                {
                    B.Action(plan, need, b.School, new DateOnly(2026, 5, 3), new DateOnly(2026, 6, 30));
                    B.Action(plan, need, b.HealthCare, new DateOnly(2026, 5, 3), new DateOnly(2026, 6, 30), ActionStatus.Cancelled);
                    if (index <= 5)
                    {
                        B.Review(plan, new DateOnly(2026, 5, 5), new DateOnly(2026, 5, 20));
                    }

                    if (index <= 3)
                    {
                        B.Review(plan, new DateOnly(2026, 5, 18), null);
                    }
                    else if (index == 4)
                    {
                        B.Review(plan, new DateOnly(2026, 5, 25), null);
                    }
                });
                b.Meeting(plan, new DateOnly(2026, 5, 10));

                // Valid consent at the end of May for three of the six: one consent is withdrawn, one ran out, one is missing.
                if (index <= 4)
                {
                    b.Consent(child, new DateOnly(2026, 5, 1), new DateOnly(2026, 12, 31), withdrawn: index == 4);
                }
                else if (index == 5)
                {
                    b.Consent(child, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 30));
                }
            }

            await b.SaveAsync(this);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }
}
