using TabbPortal.Domain.Access;
using TabbPortal.Domain.Plans;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Tests.Integration.Consent;
using TabbPortal.Web.Plans;
using static TabbPortal.Tests.Integration.Children.DemoLookup;
using static TabbPortal.Tests.Integration.Plans.PlanInputs;
using static TabbPortal.Tests.Integration.Plans.PlanTestExtensions;

namespace TabbPortal.Tests.Integration.Plans;

/// <summary>
/// Only practitioners who may see the child may read or change its plan (the same rule as for the child). Every
/// refused call is checked to have changed nothing: if one got through, the test fails.
/// </summary>
public sealed class PlanAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_colleague_of_the_same_unit_reads_and_changes_the_plan()
    {
        var (alvaId, plan, action) = await AlvasPlanAsync();

        var seen = await factory.PlansAsAsync(Omar, s => s.GetForChildAsync(alvaId));
        Assert.Equal(plan.Id, seen?.Id);
        var changed = action.ToInput();
        changed.Evidence = "Omar följer upp.";
        (await factory.PlansAsAsync(Omar, s => s.SaveActionAsync(plan.Id, changed, action.Version))).AssertActionSaved();
        Assert.Equal("Omar följer upp.", Action(await factory.ReloadPlanAsync(Karin, alvaId), action.Id).Evidence);
    }

    [Fact]
    public async Task A_practitioner_may_open_a_plan_for_a_child_of_their_own_unit_once_the_family_has_consented()
    {
        // Maria (BVC Flen) is refused Alva below because of the rule, not because she can do nothing at all.
        var ellaId = await ChildIdAsync(factory, "Ella", "Åkesson");
        // Without consent her unit sees only its own information about Ella: the joint plan is not part of it.
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => factory.PlansAsAsync(Maria, s => s.OpenAsync(ellaId)));
        await factory.GiveConsentAsync(Maria, ellaId);

        var opened = await factory.PlansAsAsync(Maria, s => s.OpenAsync(ellaId));

        opened.AssertSaved();
        Assert.Equal(opened.Id, (await factory.ReloadPlanAsync(Maria, ellaId)).Id);
    }

    [Fact]
    public async Task A_practitioner_who_may_not_see_the_child_is_refused_its_plan()
    {
        var (alvaId, plan, action) = await AlvasPlanAsync();
        await using var session = await PlanServiceSession.StartAsync(factory, Maria);
        await session.AssertSignedInAsync(PortalRoles.Practitioner);

        await AssertEveryPlanOperationRefusedAsync(session.Plans, alvaId, plan, action);
        await AssertUnchangedAsync(alvaId, plan, action);
    }

    [Theory]
    [InlineData(Eva, PortalRoles.ProcessLeader)]
    [InlineData(Nils, PortalRoles.Administrator)]
    public async Task A_process_leader_or_administrator_is_refused_every_plan_operation(string email, string role)
    {
        var (alvaId, plan, action) = await AlvasPlanAsync();
        await using var session = await PlanServiceSession.StartAsync(factory, email);
        await session.AssertSignedInAsync(role);

        await AssertEveryPlanOperationRefusedAsync(session.Plans, alvaId, plan, action);
        await AssertUnchangedAsync(alvaId, plan, action);
    }

    [Fact]
    public async Task A_practitioner_who_may_not_see_the_child_is_refused_before_the_action_is_validated()
    {
        // Validation errors before the refusal would let her probe the plan with half-filled forms.
        var (_, plan, action) = await AlvasPlanAsync();
        var invalid = action.ToInput();
        invalid.Description = string.Empty;
        invalid.DueOn = Today.AddYears(-1);

        await using var session = await PlanServiceSession.StartAsync(factory, Maria);

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => session.Plans.SaveActionAsync(plan.Id, invalid, action.Version));
    }

    [Theory]
    [InlineData(Eva)]
    [InlineData(Maria)]
    public async Task Saving_views_is_refused_before_the_views_are_validated(string email)
    {
        // The same order as the children's service: first who you are, then what you typed.
        var (_, plan, _) = await AlvasPlanAsync();
        var invalid = new PlanViewsInput { Summary = "Utan barnets synpunkter och utan skäl." };

        await using var session = await PlanServiceSession.StartAsync(factory, email);

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => session.Plans.SaveViewsAsync(plan.Id, invalid, plan.Version));
    }

    [Fact]
    public async Task A_process_leader_is_refused_naming_a_participant_before_the_contact_is_looked_up()
    {
        var (_, plan, _) = await AlvasPlanAsync();
        await using var session = await PlanServiceSession.StartAsync(factory, Eva);

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => session.Plans.SetParticipantAsync(plan.Id, "no-such-user"));
    }

    [Fact]
    public async Task A_plan_id_that_does_not_exist_is_refused_like_a_plan_that_may_not_be_seen()
    {
        await using var session = await PlanServiceSession.StartAsync(factory, Karin);
        var ekskolan = await UnitIdAsync(factory, Ekskolan);
        var unknown = Guid.NewGuid();

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => session.Plans.AddNeedAsync(unknown, "Behov"));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => session.Plans.SaveActionAsync(unknown, Action(Guid.NewGuid(), ekskolan, "Insats"), null));
    }

    private async Task AssertEveryPlanOperationRefusedAsync(PlanService plans, Guid childId, PlanDetails plan, ActionView action)
    {
        var sara = await UserIdAsync(factory, Sara);
        var ekskolan = action.ResponsibleUnitId;
        var needId = action.NeedId;
        var changed = action.ToInput();
        changed.Description = "Ändrad av någon som inte får se barnet";
        var region = Guid.NewGuid();

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => plans.GetForChildAsync(childId));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => plans.OpenAsync(childId));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => plans.SaveActionAsync(plan.Id, Action(needId, ekskolan, "Ny insats"), null));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => plans.SaveActionAsync(plan.Id, changed, action.Version));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => plans.SaveViewsAsync(plan.Id, Views("Inte mina ord."), plan.Version));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => plans.AddNeedAsync(plan.Id, "Ett behov"));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => plans.AddGoalAsync(plan.Id, needId, "Ett mål"));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => plans.RemoveActionAsync(plan.Id, action.Id));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => plans.SetParticipantAsync(plan.Id, sara));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => plans.EscalateToSipAsync(plan.Id, region, plan.Version));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => plans.ScheduleReviewAsync(plan.Id, Today.AddDays(3), plan.Version));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => plans.CloseAsync(plan.Id, "Avslutas av fel person.", plan.Version));
    }

    /// <summary>Alva's plan with one need and one action, opened by Karin the first time a test needs it.</summary>
    private async Task<(Guid ChildId, PlanDetails Plan, ActionView Action)> AlvasPlanAsync()
    {
        var alvaId = await ChildIdAsync(factory, "Alva", "Lindgren");
        var plan = await factory.PlansAsAsync(Karin, s => s.GetForChildAsync(alvaId)) ?? await factory.OpenPlanAsync(Karin, alvaId);
        if (plan.Needs.Count == 0)
        {
            var need = await factory.AddNeedAsync(Karin, plan, "Stöd i läsning");
            await factory.AddActionAsync(Karin, plan, Action(need, await UnitIdAsync(factory, Ekskolan), "Lästräning"));
        }

        var current = await factory.ReloadPlanAsync(Karin, alvaId);
        return (alvaId, current, current.Needs.SelectMany(n => n.Actions).First());
    }

    private async Task AssertUnchangedAsync(Guid childId, PlanDetails before, ActionView actionBefore)
    {
        var after = await factory.ReloadPlanAsync(Karin, childId);
        Assert.Equal((before.Id, before.Version, PlanStatus.Open, PlanType.ChildsPlan), (after.Id, after.Version, after.Status, after.Type));
        Assert.Equal((before.ChildViews, before.NextReviewOn), (after.ChildViews, after.NextReviewOn));
        Assert.Equal(before.Needs.Count, after.Needs.Count);
        Assert.Equal(before.Needs.Sum(n => n.Goals.Count), after.Needs.Sum(n => n.Goals.Count));
        var actions = after.Needs.SelectMany(n => n.Actions).ToList();
        Assert.Equal(before.Needs.Sum(n => n.Actions.Count), actions.Count);
        var action = Assert.Single(actions, a => a.Id == actionBefore.Id);
        Assert.Equal((actionBefore.Version, actionBefore.Description), (action.Version, action.Description));
        Assert.Equal(before.Participants.Count, after.Participants.Count);
        Assert.Single(await PlansInDatabaseAsync(factory, childId));
    }
}
