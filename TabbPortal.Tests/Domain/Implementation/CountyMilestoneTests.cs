using TabbPortal.Domain.Common;
using TabbPortal.Domain.Implementation;

namespace TabbPortal.Tests.Domain.Implementation;

public sealed class CountyMilestoneTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly CountyProgress Nothing = new(12, 0, 0, 0);

    private static CountyMilestone Manual(DateOnly due) =>
        CountyMilestone.Create("plan-2027", "Implementeringsplan för 2027 och framåt finns", null, 5, due, MilestoneRule.Manual);

    [Theory]
    [InlineData(0, StepStatus.NotStarted)]
    [InlineData(5, StepStatus.InProgress)]
    [InlineData(12, StepStatus.Done)]
    public void Implementation_started_is_done_when_every_organisation_has_begun(int started, StepStatus expected)
    {
        var milestone = CountyMilestone.Create("implementation-started", "Påbörjat", null, 3, new(2024, 12, 31), MilestoneRule.ImplementationStarted);

        Assert.Equal(expected, milestone.StatusFor(new CountyProgress(12, started, 0, 0)));
    }

    [Theory]
    [InlineData(0, 0, StepStatus.NotStarted)]
    [InlineData(3, 0, StepStatus.InProgress)]
    [InlineData(12, 11, StepStatus.InProgress)]
    [InlineData(12, 12, StepStatus.Done)]
    public void Implementation_carried_out_is_done_when_every_organisation_has_done_every_step(int anyDone, int allDone, StepStatus expected)
    {
        var milestone = CountyMilestone.Create("implementation-carried-out", "Utfört", null, 4, new(2026, 12, 31), MilestoneRule.ImplementationCarriedOut);

        Assert.Equal(expected, milestone.StatusFor(new CountyProgress(12, 12, anyDone, allDone)));
    }

    [Fact]
    public void No_organisations_means_nothing_is_derived_as_done()
    {
        Assert.Equal(StepStatus.NotStarted, CountyMilestone.Derive(MilestoneRule.ImplementationStarted, new CountyProgress(0, 0, 0, 0)));
        Assert.Equal(StepStatus.NotStarted, CountyMilestone.Derive(MilestoneRule.ImplementationCarriedOut, new CountyProgress(0, 0, 0, 0)));
    }

    [Fact]
    public void A_milestone_not_done_after_its_date_is_overdue_but_not_on_the_date()
    {
        Assert.True(Manual(Today.AddDays(-1)).IsOverdue(Nothing, Today));
        Assert.False(Manual(Today).IsOverdue(Nothing, Today));
    }

    [Fact]
    public void A_done_milestone_is_never_overdue()
    {
        var milestone = Manual(new(2024, 12, 31));
        milestone.Update(new MilestoneInput { Status = StepStatus.Done, DueOn = new(2024, 12, 31), CompletedOn = new(2025, 2, 1) }, "Eva Strand", Now, Today);

        Assert.Equal(StepStatus.Done, milestone.StatusFor(Nothing));
        Assert.False(milestone.IsOverdue(Nothing, Today));
        Assert.Equal("Eva Strand", milestone.ChangedByName);
    }

    [Fact]
    public void Setting_done_needs_the_date_it_was_reached_and_not_a_future_one()
    {
        var milestone = Manual(new(2026, 12, 31));

        Assert.Equal("Milestone_CompletedOn_Required", Assert.Throws<DomainException>(() =>
            milestone.Update(new MilestoneInput { Status = StepStatus.Done, DueOn = new(2026, 12, 31) }, "Eva", Now, Today)).Code);
        Assert.Equal("Milestone_CompletedOn_Future", Assert.Throws<DomainException>(() =>
            milestone.Update(new MilestoneInput { Status = StepStatus.Done, DueOn = new(2026, 12, 31), CompletedOn = Today.AddDays(1) }, "Eva", Now, Today)).Code);
        Assert.Equal(StepStatus.NotStarted, milestone.StatusFor(Nothing));
    }

    [Fact]
    public void A_derived_milestone_can_be_set_by_hand_and_handed_back_to_the_derivation()
    {
        var milestone = CountyMilestone.Create("implementation-started", "Påbörjat", null, 3, new(2024, 12, 31), MilestoneRule.ImplementationStarted);
        var allStarted = new CountyProgress(12, 12, 0, 0);
        Assert.False(milestone.IsSetManually);

        milestone.Update(new MilestoneInput { Status = StepStatus.InProgress, DueOn = new(2024, 12, 31), UseDerivedStatus = false }, "Eva", Now, Today);
        Assert.Equal(StepStatus.InProgress, milestone.StatusFor(allStarted));
        Assert.True(milestone.IsOverdue(allStarted, Today));

        milestone.Update(new MilestoneInput { DueOn = new(2024, 12, 31), UseDerivedStatus = true }, "Eva", Now, Today);
        Assert.Equal(StepStatus.Done, milestone.StatusFor(allStarted));
        Assert.False(milestone.IsOverdue(allStarted, Today));
    }

    [Fact]
    public void A_manual_milestone_ignores_a_request_to_derive()
    {
        var milestone = Manual(new(2026, 12, 31));

        milestone.Update(new MilestoneInput { Status = StepStatus.InProgress, DueOn = new(2026, 12, 31), UseDerivedStatus = true }, "Eva", Now, Today);

        Assert.True(milestone.IsSetManually);
        Assert.Equal(StepStatus.InProgress, milestone.StatusFor(Nothing));
    }
}
