using TabbPortal.Domain.Plans;
using TabbPortal.Tests.Integration.Children;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Plans;

public sealed class PlanReviewTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AReviewWithEveryGoalJudgedIsSavedAndComesBackWithTheNextReviewDate()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Majken");
        var plan = await factory.OpenPlanAsync(Karin, childId);
        var needId = await factory.AddNeedAsync(Karin, plan, "Majken behöver komma igång med läsningen.");
        (await factory.PlansAsAsync(Karin, s => s.AddGoalAsync(plan.Id, needId, "Majken läser korta texter själv."))).AssertSaved();
        plan = await factory.ReloadPlanAsync(Karin, childId);
        var goal = Assert.Single(plan.Needs.SelectMany(n => n.Goals));
        var today = DateOnly.FromDateTime(DateTime.Now);

        var saved = await factory.PlansAsAsync(Omar, s => s.RecordReviewAsync(plan.Id, new ReviewInput
        {
            HeldOn = today,
            Judgements = new() { [goal.Id] = GoalJudgement.PartlyReached },
            NextReviewOn = today.AddDays(60),
            Notes = "Läser bättre, behöver mer tid.",
        }, plan.Version));

        saved.AssertSaved();
        var reloaded = await factory.ReloadPlanAsync(Karin, childId);
        Assert.Equal(today.AddDays(60), reloaded.NextReviewOn);
        var review = Assert.Single(reloaded.Reviews);
        Assert.Equal("Omar Haddad", review.HeldBy);
        Assert.Equal([("Majken läser korta texter själv.", GoalJudgement.PartlyReached)], review.Goals);
        Assert.Equal("Läser bättre, behöver mer tid.", review.Notes);
    }

    [Fact]
    public async Task AReviewWithAGoalUnjudgedIsRefusedAtTheJudgementsAndNothingIsSaved()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Tage");
        var plan = await factory.OpenPlanAsync(Karin, childId);
        var needId = await factory.AddNeedAsync(Karin, plan, "Tage behöver vänner.");
        (await factory.PlansAsAsync(Karin, s => s.AddGoalAsync(plan.Id, needId, "Tage leker med andra på rasten."))).AssertSaved();
        plan = await factory.ReloadPlanAsync(Karin, childId);
        var goal = Assert.Single(plan.Needs.SelectMany(n => n.Goals));

        var refused = await factory.PlansAsAsync(Karin, s => s.RecordReviewAsync(plan.Id, new ReviewInput
        {
            HeldOn = DateOnly.FromDateTime(DateTime.Now),
            Judgements = new() { [goal.Id] = null },
        }, plan.Version));

        refused.AssertFailedWith(nameof(ReviewInput.Judgements), "Review_AllGoalsRequired");
        Assert.Empty((await factory.ReloadPlanAsync(Karin, childId)).Reviews);
    }

    [Fact]
    public async Task APractitionerWhoMayNotSeeTheChildCannotRecordAReview()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Signe");
        var plan = await factory.OpenPlanAsync(Karin, childId);

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => factory.PlansAsAsync(Maria, s => s.RecordReviewAsync(plan.Id, new ReviewInput
        {
            HeldOn = DateOnly.FromDateTime(DateTime.Now),
        }, plan.Version)));
    }
}
