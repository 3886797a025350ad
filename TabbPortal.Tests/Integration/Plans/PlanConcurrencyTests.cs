using TabbPortal.Domain.Plans;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Plans;
using static TabbPortal.Tests.Integration.Children.DemoLookup;
using static TabbPortal.Tests.Integration.Plans.PlanInputs;
using static TabbPortal.Tests.Integration.Plans.PlanTestExtensions;

namespace TabbPortal.Tests.Integration.Plans;

/// <summary>
/// Colleagues building one plan at the same time. Each action has its own version: two saves of the same action from
/// the same version give the second a conflict with the first's values (nothing overwritten); different actions never
/// conflict. Plan-wide fields are guarded by the plan's version. Each test has a child and a plan of its own.
/// </summary>
public sealed class PlanConcurrencyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string ActionConflict = "Action_Conflict";
    private const string PlanConflict = "Concurrency_Conflict";

    [Fact]
    public async Task Of_two_saves_of_the_same_action_from_the_same_version_the_second_gets_the_firsts_values_and_overwrites_nothing()
    {
        var (plan, need, action) = await PlanWithActionAsync("Moa");
        var social = await UnitIdAsync(factory, SocialServices);
        var karins = action.ToInput();
        karins.Description = "Lästräning varje morgon";
        karins.ResponsiblePerson = "Karin Ek";
        karins.DueOn = Today.AddDays(90);
        karins.Evidence = "Lästest i maj.";
        karins.Status = ActionStatus.InProgress;
        var omars = action.ToInput();
        omars.Description = "Lästräning med socialtjänstens stöd";
        omars.ResponsibleUnitId = social;
        omars.ResponsiblePerson = "Sara Holm";
        omars.StartOn = Today.AddDays(7);
        omars.DueOn = Today.AddDays(120);
        omars.DesiredOutcome = "Familjen läser tillsammans.";
        omars.Evidence = null;
        omars.Status = ActionStatus.Planned;

        var first = await factory.PlansAsAsync(Karin, s => s.SaveActionAsync(plan.Id, karins, action.Version));
        var second = await factory.PlansAsAsync(Omar, s => s.SaveActionAsync(plan.Id, omars, action.Version));

        first.AssertActionSaved();
        Assert.Equal(action.Id, first.Result.Id);
        second.AssertFailedWith(string.Empty, ActionConflict);
        Assert.NotNull(second.Theirs);
        Assert.Equal(action.Id, second.Theirs.Id);
        Assert.Equal(Values(karins), Values(second.Theirs));

        var stored = Action(await factory.ReloadPlanAsync(Karin, plan.ChildId), action.Id);
        Assert.Equal(Values(karins), Values(stored.ToInput()));
        Assert.Equal(stored.Version, second.TheirVersion);
        Assert.NotEqual(action.Version, stored.Version);
        Assert.Equal(need, stored.NeedId);
    }

    [Fact]
    public async Task After_a_conflict_keeping_mine_with_their_version_saves_mine()
    {
        var (plan, _, action) = await PlanWithActionAsync("Ylva");
        var karins = action.ToInput();
        karins.Description = "Karins beskrivning";
        var omars = action.ToInput();
        omars.Description = "Omars beskrivning";
        omars.Status = ActionStatus.Done;
        (await factory.PlansAsAsync(Karin, s => s.SaveActionAsync(plan.Id, karins, action.Version))).AssertActionSaved();
        var conflict = await factory.PlansAsAsync(Omar, s => s.SaveActionAsync(plan.Id, omars, action.Version));
        conflict.AssertFailedWith(string.Empty, ActionConflict);

        var keepMine = await factory.PlansAsAsync(Omar, s => s.SaveActionAsync(plan.Id, omars, conflict.TheirVersion));

        keepMine.AssertActionSaved();
        var stored = Action(await factory.ReloadPlanAsync(Karin, plan.ChildId), action.Id);
        Assert.Equal(Values(omars), Values(stored.ToInput()));
        Assert.NotEqual(conflict.TheirVersion, stored.Version);

        // Karin's form still holds the version she saved from; a save from it now conflicts with Omar's values.
        var karinsAgain = await factory.PlansAsAsync(Karin, s => s.SaveActionAsync(plan.Id, karins, conflict.TheirVersion));
        karinsAgain.AssertFailedWith(string.Empty, ActionConflict);
        Assert.Equal(Values(omars), Values(karinsAgain.Theirs!));
        Assert.Equal(stored.Version, karinsAgain.TheirVersion);
    }

    [Fact]
    public async Task A_save_of_an_existing_action_without_a_version_is_a_conflict_not_an_overwrite()
    {
        var (plan, _, action) = await PlanWithActionAsync("Edit");
        var blind = action.ToInput();
        blind.Description = "Utan version";

        var result = await factory.PlansAsAsync(Omar, s => s.SaveActionAsync(plan.Id, blind, null));

        result.AssertFailedWith(string.Empty, ActionConflict);
        Assert.Equal(Values(action.ToInput()), Values(result.Theirs!));
        Assert.Equal(action.Version, Action(await factory.ReloadPlanAsync(Karin, plan.ChildId), action.Id).Version);
    }

    [Fact]
    public async Task Two_users_saving_different_actions_of_the_same_plan_both_succeed()
    {
        var (plan, need, first) = await PlanWithActionAsync("Lova");
        var ekskolan = await UnitIdAsync(factory, Ekskolan);
        var second = await factory.AddActionAsync(Karin, plan, Action(need, ekskolan, "Rastvärd", dueInDays: 20));
        var opened = await factory.ReloadPlanAsync(Karin, plan.ChildId);
        var karins = Action(opened, first.Id).ToInput();
        karins.Description = "Karin ändrade den första";
        var omars = Action(opened, second.Id).ToInput();
        omars.Description = "Omar ändrade den andra";

        var karinSaved = await factory.PlansAsAsync(Karin, s => s.SaveActionAsync(plan.Id, karins, Action(opened, first.Id).Version));
        var omarSaved = await factory.PlansAsAsync(Omar, s => s.SaveActionAsync(plan.Id, omars, Action(opened, second.Id).Version));

        karinSaved.AssertActionSaved();
        omarSaved.AssertActionSaved();
        var stored = await factory.ReloadPlanAsync(Karin, plan.ChildId);
        Assert.Equal(Values(karins), Values(Action(stored, first.Id).ToInput()));
        Assert.Equal(Values(omars), Values(Action(stored, second.Id).ToInput()));
    }

    [Fact]
    public async Task Of_two_saves_of_the_views_from_the_same_plan_version_the_second_is_refused_and_the_first_is_kept()
    {
        var (plan, _, _) = await PlanWithActionAsync("Tea");
        var opened = await factory.ReloadPlanAsync(Karin, plan.ChildId);

        var first = await factory.PlansAsAsync(Karin, s => s.SaveViewsAsync(plan.Id, Views("Karin skrev Teas ord."), opened.Version));
        var second = await factory.PlansAsAsync(Omar, s => s.SaveViewsAsync(plan.Id, Views("Omar skrev Teas ord."), opened.Version));

        first.AssertSaved();
        second.AssertFailedWith(string.Empty, PlanConflict);
        var stored = await factory.ReloadPlanAsync(Karin, plan.ChildId);
        Assert.Equal(("Karin skrev Teas ord.", "Sammanfattning: Karin skrev Teas ord."), (stored.ChildViews, stored.Summary));
        Assert.NotEqual(opened.Version, stored.Version);
    }

    public static TheoryData<string> PlanLevelChanges => ["views", "sip", "review", "close"];

    [Theory]
    [MemberData(nameof(PlanLevelChanges))]
    public async Task A_plan_level_change_from_an_old_plan_version_is_refused(string change)
    {
        var (plan, _, _) = await PlanWithActionAsync("Gry");
        var region = await OrganisationIdAsync(factory, Region);
        var old = await factory.ReloadPlanAsync(Karin, plan.ChildId);
        (await factory.PlansAsAsync(Karin, s => s.SaveViewsAsync(plan.Id, Views("Nyare synpunkter."), old.Version))).AssertSaved();
        var current = await factory.ReloadPlanAsync(Karin, plan.ChildId);

        var result = await factory.PlansAsAsync(Omar, s => change switch
        {
            "views" => s.SaveViewsAsync(plan.Id, Views("Gamla synpunkter."), old.Version),
            "sip" => s.EscalateToSipAsync(plan.Id, region, old.Version),
            "review" => s.ScheduleReviewAsync(plan.Id, Today.AddDays(14), old.Version),
            _ => s.CloseAsync(plan.Id, "Avslutas från en gammal version.", old.Version),
        });

        result.AssertFailedWith(string.Empty, PlanConflict);
        var stored = await factory.ReloadPlanAsync(Karin, plan.ChildId);
        Assert.Equal(current.Version, stored.Version);
        Assert.Equal((PlanType.ChildsPlan, PlanStatus.Open, (DateOnly?)null), (stored.Type, stored.Status, stored.NextReviewOn));
        Assert.Equal("Nyare synpunkter.", stored.ChildViews);
    }

    [Fact]
    public async Task Every_plan_level_save_gives_the_plan_a_new_version()
    {
        var (plan, _, _) = await PlanWithActionAsync("Siri");
        var region = await OrganisationIdAsync(factory, Region);
        var saves = new Func<PlanService, PlanDetails, Task<SaveResult>>[]
        {
            (s, p) => s.SaveViewsAsync(p.Id, Views("Siris ord."), p.Version),
            (s, p) => s.EscalateToSipAsync(p.Id, region, p.Version),
            (s, p) => s.ScheduleReviewAsync(p.Id, Today.AddDays(30), p.Version),
            (s, p) => s.CloseAsync(p.Id, "Klar.", p.Version),
        };
        var versions = new List<Guid> { (await factory.ReloadPlanAsync(Karin, plan.ChildId)).Version };

        foreach (var save in saves)
        {
            var current = await factory.ReloadPlanAsync(Karin, plan.ChildId);
            (await factory.PlansAsAsync(Karin, s => save(s, current))).AssertSaved();
            versions.Add((await factory.ReloadPlanAsync(Karin, plan.ChildId)).Version);
        }

        Assert.Equal(versions.Count, versions.Distinct().Count());
    }

    [Fact]
    public async Task Saving_an_action_does_not_block_a_plan_level_save_and_the_other_way_round()
    {
        var (plan, _, action) = await PlanWithActionAsync("Ivar");
        var opened = await factory.ReloadPlanAsync(Karin, plan.ChildId);
        var changed = action.ToInput();
        changed.Description = "Omar ändrade insatsen";

        (await factory.PlansAsAsync(Omar, s => s.SaveActionAsync(plan.Id, changed, Action(opened, action.Id).Version))).AssertActionSaved();
        (await factory.PlansAsAsync(Karin, s => s.SaveViewsAsync(plan.Id, Views("Ivars ord."), opened.Version))).AssertSaved();
        var again = action.ToInput();
        again.Description = "Karin ändrade insatsen";
        var afterViews = await factory.ReloadPlanAsync(Karin, plan.ChildId);
        (await factory.PlansAsAsync(Karin, s => s.SaveActionAsync(plan.Id, again, Action(afterViews, action.Id).Version))).AssertActionSaved();

        var stored = await factory.ReloadPlanAsync(Karin, plan.ChildId);
        Assert.Equal("Ivars ord.", stored.ChildViews);
        Assert.Equal("Karin ändrade insatsen", Action(stored, action.Id).Description);
    }

    /// <summary>A child of its own with an open plan, one need and one action.</summary>
    private async Task<(PlanDetails Plan, Guid NeedId, ActionView Action)> PlanWithActionAsync(string givenName)
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, givenName);
        var ekskolan = await UnitIdAsync(factory, Ekskolan);
        var plan = await factory.OpenPlanAsync(Karin, childId);
        var need = await factory.AddNeedAsync(Karin, plan, "Stöd i läsning");
        var action = await factory.AddActionAsync(Karin, plan, Action(need, ekskolan, "Lästräning"));
        return (plan, need, action);
    }
}
