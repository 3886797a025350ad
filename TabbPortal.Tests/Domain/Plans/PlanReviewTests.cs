using TabbPortal.Domain.Plans;
using static TabbPortal.Tests.Domain.Plans.PlanTestData;

namespace TabbPortal.Tests.Domain.Plans;

public sealed class PlanReviewTests
{
    [Fact]
    public void AReviewJudgesEveryGoalKeepsTheirWordingAndSetsTheNextReview()
    {
        var (plan, need) = PlanWithNeed();
        var reading = plan.AddGoal(need.Id, "Alva läser en kapitelbok.");
        var friends = plan.AddGoal(need.Id, "Alva har en kompis på rasterna.");

        var review = plan.RecordReview(Today, "Karin Ek",
            new Dictionary<Guid, GoalJudgement> { [reading.Id] = GoalJudgement.PartlyReached, [friends.Id] = GoalJudgement.Reached },
            Today.AddDays(90), "  Bra utveckling.\nFortsätt lästräningen.  ", Today);

        Assert.Equal(Today.AddDays(90), plan.NextReviewOn);
        Assert.Equal("Bra utveckling.\nFortsätt lästräningen.", review.Notes);
        Assert.Equal("Karin Ek", review.HeldByName);
        Assert.Equal(
            [("Alva läser en kapitelbok.", GoalJudgement.PartlyReached), ("Alva har en kompis på rasterna.", GoalJudgement.Reached)],
            review.Goals.Select(g => (g.GoalDescription, g.Judgement)));
        Assert.Same(review, Assert.Single(plan.Reviews));
    }

    [Fact]
    public void AGoalLeftUnjudgedIsRefused()
    {
        var (plan, need) = PlanWithNeed();
        var reading = plan.AddGoal(need.Id, "Alva läser en kapitelbok.");
        plan.AddGoal(need.Id, "Alva har en kompis på rasterna.");

        RefusedWith("Review_AllGoalsRequired", () => plan.RecordReview(Today, "Karin Ek",
            new Dictionary<Guid, GoalJudgement> { [reading.Id] = GoalJudgement.Reached }, null, null, Today));
        Assert.Empty(plan.Reviews);
    }

    [Fact]
    public void AJudgementOfAGoalThatIsNotInThePlanIsRefused()
    {
        var (plan, need) = PlanWithNeed();
        var reading = plan.AddGoal(need.Id, "Alva läser en kapitelbok.");

        RefusedWith("Review_AllGoalsRequired", () => plan.RecordReview(Today, "Karin Ek",
            new Dictionary<Guid, GoalJudgement> { [reading.Id] = GoalJudgement.Reached, [Guid.NewGuid()] = GoalJudgement.NotReached },
            null, null, Today));
    }

    [Fact]
    public void APlanWithoutGoalsHasNothingToReview()
    {
        var (plan, _) = PlanWithNeed();

        RefusedWith("Review_NoGoals", () => plan.RecordReview(Today, "Karin Ek", new Dictionary<Guid, GoalJudgement>(), null, null, Today));
    }

    [Fact]
    public void AReviewCannotBeRecordedBeforeItIsHeldNorSetTheNextOneOnOrBeforeIt()
    {
        var (plan, need) = PlanWithNeed();
        var goal = plan.AddGoal(need.Id, "Alva läser en kapitelbok.");
        var judged = new Dictionary<Guid, GoalJudgement> { [goal.Id] = GoalJudgement.Reached };

        RefusedWith("Review_HeldOn_Future", () => plan.RecordReview(Today.AddDays(1), "Karin Ek", judged, null, null, Today));
        RefusedWith("Review_Next_NotAfter", () => plan.RecordReview(Today, "Karin Ek", judged, Today, null, Today));
        Assert.Empty(plan.Reviews);
    }

    [Fact]
    public void AClosedPlanIsNotReviewed()
    {
        var (plan, need) = PlanWithNeed();
        var goal = plan.AddGoal(need.Id, "Alva läser en kapitelbok.");
        plan.Close("Målen är nådda.", Today);

        RefusedWith("Plan_Closed", () => plan.RecordReview(Today, "Karin Ek",
            new Dictionary<Guid, GoalJudgement> { [goal.Id] = GoalJudgement.Reached }, null, null, Today));
    }
}
