using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Plans;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Web.Live;
using TabbPortal.Web.Plans;
using static TabbPortal.Tests.Integration.Children.DemoLookup;
using static TabbPortal.Tests.Integration.Plans.PlanInputs;
using static TabbPortal.Tests.Integration.Plans.PlanTestExtensions;

namespace TabbPortal.Tests.Integration.Plans;

/// <summary>
/// The changes a plan page takes in from their messages (actions saved and removed, the views, a need's family mark),
/// with the messages the service really publishes: the page then shows what a reading of the plan shows, versions
/// included, so the editors see the same conflicts as before.
/// </summary>
public sealed class PlanLiveTakeInTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Each_change_taken_in_from_its_message_shows_what_a_reading_of_the_plan_shows()
    {
        var (plan, reading, sleep) = await PlanWithNeedsAsync("Signe");
        var ekskolan = await UnitIdAsync(factory, Ekskolan);
        var social = await UnitIdAsync(factory, SocialServices);
        var lessons = await factory.AddActionAsync(Karin, plan, Action(reading, ekskolan, "Lästräning", dueInDays: 60));
        var library = await factory.AddActionAsync(Karin, plan, Action(reading, ekskolan, "Biblioteksbesök", dueInDays: 30));
        using var messages = new Messages(factory, plan.Id);
        var shown = await factory.ReloadPlanAsync(Omar, plan.ChildId);

        var lessonsChanged = lessons.ToInput();
        lessonsChanged.Description = "Lästräning varje morgon";
        lessonsChanged.DueOn = Today.AddDays(20);
        lessonsChanged.Status = ActionStatus.InProgress;
        shown = await SaveAndTakeInAsync(shown, messages, s => s.SaveActionAsync(plan.Id, lessonsChanged, lessons.Version));

        var libraryMoved = library.ToInput();
        libraryMoved.ResponsibleUnitId = social;
        libraryMoved.ResponsiblePerson = "Sara Holm";
        shown = await SaveAndTakeInAsync(shown, messages, s => s.SaveActionAsync(plan.Id, libraryMoved, library.Version));

        shown = await SaveAndTakeInAsync(shown, messages, s => s.SaveActionAsync(plan.Id, Action(sleep, social, "Kvällsrutin", dueInDays: 45), null));
        // Started long ago and due yesterday: overdue, as a reading of the plan judges it.
        var late = Action(sleep, ekskolan, "Samtal med mentor", dueInDays: -1);
        late.StartOn = Today.AddDays(-30);
        shown = await SaveAndTakeInAsync(shown, messages, s => s.SaveActionAsync(plan.Id, late, null));
        Assert.Contains(shown.Needs.SelectMany(n => n.Actions), a => a is { Description: "Samtal med mentor", IsOverdue: true });

        shown = await SaveAndTakeInAsync(shown, messages, s => s.RemoveActionAsync(plan.Id, library.Id));
        shown = await SaveAndTakeInAsync(shown, messages, s => s.SaveViewsAsync(plan.Id, Views("Jag vill läsa själv"), shown.Version));
        shown = await SaveAndTakeInAsync(shown, messages, s => s.WithholdNeedFromFamilyAsync(plan.Id, sleep, true));

        Assert.Equal("Jag vill läsa själv", shown.ChildViews);
        Assert.True(shown.Needs.Single(n => n.Id == sleep).WithheldFromFamily);
    }

    [Fact]
    public async Task After_changes_taken_in_the_editors_see_the_same_conflicts_as_after_a_reading()
    {
        var (plan, reading, _) = await PlanWithNeedsAsync("Elsa");
        var lessons = await factory.AddActionAsync(Karin, plan, Action(reading, await UnitIdAsync(factory, Ekskolan), "Lästräning"));
        using var messages = new Messages(factory, plan.Id);
        var omars = await factory.ReloadPlanAsync(Omar, plan.ChildId);

        var karinsAction = lessons.ToInput();
        karinsAction.Description = "Karins lästräning";
        omars = await SaveAndTakeInAsync(omars, messages, s => s.SaveActionAsync(plan.Id, karinsAction, lessons.Version));
        omars = await SaveAndTakeInAsync(omars, messages, s => s.SaveViewsAsync(plan.Id, Views("Karin skrev barnets ord"), plan.Version));

        // From the version he started from before Karin's saves: refused, as ever.
        var omarsAction = lessons.ToInput();
        omarsAction.Description = "Omars lästräning";
        (await factory.PlansAsAsync(Omar, s => s.SaveActionAsync(plan.Id, omarsAction, lessons.Version))).AssertFailedWith(string.Empty, "Action_Conflict");
        (await factory.PlansAsAsync(Omar, s => s.SaveViewsAsync(plan.Id, Views("Omars ord"), plan.Version))).AssertFailedWith(string.Empty, "Concurrency_Conflict");

        // From the versions his page took in: saved, as after a reading of the plan.
        (await factory.PlansAsAsync(Omar, s => s.SaveActionAsync(plan.Id, omarsAction, Action(omars, lessons.Id).Version))).AssertActionSaved();
        (await factory.PlansAsAsync(Omar, s => s.SaveViewsAsync(plan.Id, Views("Omars ord"), omars.Version))).AssertSaved();
    }

    /// <summary>Karin saves; Omar's page takes the published message in, and then shows what a reading of the plan gives him.</summary>
    private async Task<PlanDetails> SaveAndTakeInAsync<T>(PlanDetails shown, Messages messages, Func<PlanService, Task<T>> save)
    {
        var result = await factory.PlansAsAsync(Karin, save);
        switch (result)
        {
            case ActionSaveResult action:
                action.AssertActionSaved();
                break;
            case Web.Administration.SaveResult saved:
                saved.AssertSaved();
                break;
        }

        var change = messages.Single();
        var (taken, updated) = await factory.PlansAsAsync(Omar, s => Task.FromResult((s.TryTakeIn(shown, change, out var u), u)));
        Assert.True(taken, $"The {change.Part} {change.Kind} message was not taken in.");
        Assert.Equal(Json(await factory.ReloadPlanAsync(Omar, shown.ChildId)), Json(updated!));
        return updated!;
    }

    private async Task<(PlanDetails Plan, Guid Reading, Guid Sleep)> PlanWithNeedsAsync(string givenName)
    {
        var plan = await factory.OpenPlanAsync(Karin, await ChildInputs.RegisterInFlenAsync(factory, givenName));
        var reading = await factory.AddNeedAsync(Karin, plan, "Stöd i läsning");
        var sleep = await factory.AddNeedAsync(Karin, plan, "Sömn");
        return (await factory.ReloadPlanAsync(Karin, plan.ChildId), reading, sleep);
    }

    private static string Json(PlanDetails plan) => JsonSerializer.Serialize(plan);

    /// <summary>The messages published on one plan, as a plan page's live session hears them.</summary>
    private sealed class Messages : IDisposable
    {
        private readonly List<PlanChangeMessage> _received = [];
        private readonly IDisposable _subscription;

        public Messages(PortalFactory factory, Guid planId) =>
            _subscription = factory.Services.GetRequiredService<PlanSubscriptions>().Subscribe(planId, message =>
            {
                lock (_received)
                {
                    _received.Add(message);
                }

                return Task.CompletedTask;
            });

        /// <summary>The one message published since the last call.</summary>
        public PlanChangeMessage Single()
        {
            lock (_received)
            {
                var message = Assert.Single(_received);
                _received.Clear();
                return message;
            }
        }

        public void Dispose() => _subscription.Dispose();
    }
}
