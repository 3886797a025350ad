using TabbPortal.Domain.Retention;

namespace TabbPortal.Tests.Domain.Retention;

public sealed class RetentionRuleTests
{
    private static readonly DateOnly Closed = new(2020, 6, 30);
    private static readonly RetentionRule FiveYears = new(5);

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(400, true)]
    public void AppliesOnlyWhenTheLastPlanClosedMoreThanTheRulesYearsAgo(int daysAfterFiveYears, bool applies)
    {
        var today = Closed.AddYears(5).AddDays(daysAfterFiveYears);

        Assert.Equal(applies, FiveYears.Applies(new ChildRetentionFacts(Guid.NewGuid(), false, Closed, Closed), today));
    }

    [Fact]
    public void DoesNotApplyToAChildWithAnOpenPlan() =>
        Assert.False(FiveYears.Applies(new ChildRetentionFacts(Guid.NewGuid(), true, Closed, null), Closed.AddYears(30)));

    [Fact]
    public void DoesNotApplyToAChildWithoutPlans() =>
        Assert.False(FiveYears.Applies(new ChildRetentionFacts(Guid.NewGuid(), false, null, null), Closed.AddYears(30)));

    [Fact]
    public void DoesNotApplyWhenSomethingHappenedAfterTheLastPlanClosed() =>
        Assert.False(FiveYears.Applies(new ChildRetentionFacts(Guid.NewGuid(), false, Closed, Closed.AddDays(1)), Closed.AddYears(30)));

    [Fact]
    public void ActivityOnTheClosingDayItselfDoesNotKeepTheChild() =>
        Assert.True(FiveYears.Applies(new ChildRetentionFacts(Guid.NewGuid(), false, Closed, Closed), Closed.AddYears(30)));

    [Fact]
    public void NamesItsSettingAndRefusesLessThanAYear()
    {
        Assert.Equal("Retention:ClosedPlanYears=5", FiveYears.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetentionRule(0));
    }
}

public sealed class RetentionRunTests
{
    [Fact]
    public void KeepsTheChildIdsSortedWithTheirCountAndTheRule()
    {
        var ids = new[] { Guid.Parse("bbbbbbbb-0000-0000-0000-000000000000"), Guid.Parse("aaaaaaaa-0000-0000-0000-000000000000") };
        var at = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

        var run = RetentionRun.Record(new RetentionRule(3), dryRun: true, ids, planCount: 4, "admin-id", "Nils Dahl", at);

        Assert.Equal([ids[1], ids[0]], run.ChildIds);
        Assert.Equal((2, 4, true, 3, "Retention:ClosedPlanYears=3", at), (run.ChildCount, run.PlanCount, run.DryRun, run.ClosedPlanYears, run.Rule, run.At));
    }
}

public sealed class RemovedPlanStatisticsTests
{
    [Fact]
    public void KeepsMonthsNotDaysAndCountsTheActionsPerSector()
    {
        var municipality = Guid.NewGuid();

        var row = RemovedPlanStatistics.Of(municipality, TabbPortal.Domain.Plans.PlanType.Sip, new DateOnly(2019, 3, 17), new DateOnly(2020, 6, 30),
            TabbPortal.Domain.Children.SupportLevel.Coordinated, childViewsRecorded: false,
            [TabbPortal.Domain.Organisations.Sector.School, TabbPortal.Domain.Organisations.Sector.HealthCare, TabbPortal.Domain.Organisations.Sector.School],
            meetings: 2);

        Assert.Equal((new DateOnly(2019, 3, 1), new DateOnly(2020, 6, 1)), (row.OpenedMonth, row.ClosedMonth));
        Assert.Equal((2, 0, 1, 2, false), (row.SchoolActions, row.SocialServicesActions, row.HealthCareActions, row.Meetings, row.ChildViewsRecorded));
        Assert.Equal(municipality, row.MunicipalityId);
    }
}
