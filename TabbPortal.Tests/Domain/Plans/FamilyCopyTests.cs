using TabbPortal.Domain.Plans;
using static TabbPortal.Tests.Domain.Plans.PlanTestData;

namespace TabbPortal.Tests.Domain.Plans;

/// <summary>What the family's copy leaves out: the passages marked as withheld from the family, and nothing else.</summary>
public sealed class FamilyCopyTests
{
    private static ActionSnapshot Action(string description, bool withheld) =>
        new(Guid.NewGuid(), description, "Ekskolan", null, Today, Today.AddDays(30), "Resultat", null, ActionStatus.Planned, withheld);

    private static PlanSnapshot Plan(bool summaryWithheld) => new(PlanType.Sip, "Flens kommun", "Professionell bedömning", summaryWithheld,
        "Alva vill läsa.", null, "Vårdnadshavarna håller med.", Today.AddDays(30),
        [
            new NeedSnapshot(Guid.NewGuid(), "Stöd i läsning", false, [new GoalSnapshot(Guid.NewGuid(), "Läser själv")],
                [Action("Lästräning", false), Action("Utredning av neuropsykiatriska svårigheter", true)]),
            new NeedSnapshot(Guid.NewGuid(), "Skydd i hemmet", true, [new GoalSnapshot(Guid.NewGuid(), "Tryggt hemma")], [Action("Hembesök", false)]),
        ],
        [new ParticipantSnapshot("Ekskolan", "Flens kommun", "Karin Ek")]);

    [Fact]
    public void LeavesOutAWithheldNeedWithItsGoalsAndActions()
    {
        var copy = Plan(summaryWithheld: false).ForFamily();

        var need = Assert.Single(copy.Needs);
        Assert.Equal("Stöd i läsning", need.Description);
        Assert.DoesNotContain(copy.Needs.SelectMany(n => n.Actions), a => a.Description == "Hembesök");
    }

    [Fact]
    public void LeavesOutAWithheldActionAndKeepsTheOthersOfItsNeed()
    {
        var copy = Plan(summaryWithheld: false).ForFamily();

        Assert.Equal(["Lästräning"], copy.Needs.Single().Actions.Select(a => a.Description));
        Assert.Equal(["Läser själv"], copy.Needs.Single().Goals.Select(g => g.Description));
    }

    [Fact]
    public void LeavesOutTheSummaryOnlyWhenItIsWithheld()
    {
        Assert.Equal("Professionell bedömning", Plan(summaryWithheld: false).ForFamily().Summary);
        Assert.Null(Plan(summaryWithheld: true).ForFamily().Summary);
    }

    [Fact]
    public void KeepsTheViewsTheParticipantsAndTheReviewDate()
    {
        var plan = Plan(summaryWithheld: true);

        var copy = plan.ForFamily();

        Assert.Equal((plan.ChildViews, plan.GuardianViews, plan.NextReviewOn, plan.OverallResponsible), (copy.ChildViews, copy.GuardianViews, copy.NextReviewOn, copy.OverallResponsible));
        Assert.Equal(plan.Participants, copy.Participants);
    }

    [Fact]
    public void MarksOnThePlanAreKeptUntilChanged()
    {
        var (plan, need) = PlanWithNeed();
        var action = plan.AddAction(new ActionInput
        {
            NeedId = need.Id, Description = "Utredning", ResponsibleUnitId = EkskolanId, StartOn = Today, DueOn = Today, DesiredOutcome = "Svar",
            WithheldFromFamily = true,
        });

        plan.WithholdNeedFromFamily(need.Id, true);
        plan.RecordViews("Bedömning", "Alva vill läsa.", null, null, summaryWithheldFromFamily: true);

        Assert.True(action.WithheldFromFamily);
        Assert.True(need.WithheldFromFamily);
        Assert.True(plan.SummaryWithheldFromFamily);

        plan.WithholdNeedFromFamily(need.Id, false);
        Assert.False(need.WithheldFromFamily);
    }

    [Fact]
    public void AClosedPlansNeedsCannotBeMarked()
    {
        var (plan, need) = PlanWithNeed();
        plan.Close("Klart.", Today);

        RefusedWith("Plan_Closed", () => plan.WithholdNeedFromFamily(need.Id, true));
    }
}
