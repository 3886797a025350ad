using Bunit;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Web.Components.Pages.Plans;
using TabbPortal.Web.Plans;
using static TabbPortal.Tests.Integration.Children.DemoLookup;
using static TabbPortal.Tests.Integration.Plans.PlanInputs;
using PlanPage = TabbPortal.Tests.Integration.Plans.PlanPageLiveTests.PlanPage;

namespace TabbPortal.Tests.Integration.Plans;

/// <summary>
/// The open plan page (<see cref="PlanSection"/> over the real services and database, rendered by bUnit) renders, on a
/// change saved in a meeting, only the parts that show what changed; what it reads again is shown everywhere; its own
/// events still render; and after its own save it does not read the plan again.
/// </summary>
public sealed class PlanPageRenderTests(PlanPageLiveTests.CountingPortalFactory factory) : IClassFixture<PlanPageLiveTests.CountingPortalFactory>
{
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_colleagues_saved_action_renders_that_actions_row_and_not_the_other_parts()
    {
        var (plan, reading, breaks) = await PlanWithTwoActionsAsync("Alva");
        await using var page = await PlanPage.OpenAsync(factory, Omar, plan.ChildId);
        var before = Renders.Of(page);

        var changed = reading.ToInput();
        changed.Description = "Lästräning varje morgon";
        (await factory.PlansAsAsync(Karin, s => s.SaveActionAsync(plan.Id, changed, reading.Version))).AssertActionSaved();

        page.Cut.WaitForAssertion(() => Assert.Contains("Lästräning varje morgon", page.Cut.Find("article.need tbody").TextContent), WaitTimeout);
        var after = Renders.Of(page);
        Assert.True(after.Rows[reading.Id] > before.Rows[reading.Id], "The changed action's row did not render.");
        Assert.Equal(before.Rows[breaks.Id], after.Rows[breaks.Id]);
        Assert.Equal(before.Unchanged(), after.Unchanged());
        Assert.Equal((before.Views, before.LiveFields), (after.Views, after.LiveFields));
    }

    [Fact]
    public async Task A_colleagues_saved_views_render_the_views_editor_and_not_the_actions()
    {
        var (plan, reading, breaks) = await PlanWithTwoActionsAsync("Ines");
        await using var page = await PlanPage.OpenAsync(factory, Omar, plan.ChildId);
        var before = Renders.Of(page);

        (await factory.PlansAsAsync(Karin, s => s.SaveViewsAsync(plan.Id, Views("Ines vill läsa högt för klassen"), plan.Version))).AssertSaved();

        page.Cut.WaitForAssertion(() => Assert.Equal("Ines vill läsa högt för klassen", page.Cut.Find("#plan-child-views").GetAttribute("value")), WaitTimeout);
        var after = Renders.Of(page);
        Assert.True(after.Views > before.Views, "The views editor did not render.");
        Assert.Equal(before.Rows, after.Rows);
        Assert.Equal(before.Unchanged(), after.Unchanged());
    }

    [Fact]
    public async Task A_change_the_page_reads_again_shows_its_new_values_everywhere()
    {
        var (plan, _, _) = await PlanWithTwoActionsAsync("Juni");
        await using var page = await PlanPage.OpenAsync(factory, Omar, plan.ChildId);
        var need = plan.Needs.Single();

        (await factory.PlansAsAsync(Karin, s => s.AddGoalAsync(plan.Id, need.Id, "Läser en bok i månaden"))).AssertSaved();
        var sara = await UserIdAsync(factory, Sara);
        (await factory.PlansAsAsync(Karin, s => s.SetParticipantAsync(plan.Id, sara))).AssertSaved();

        page.Cut.WaitForAssertion(() =>
        {
            // The needs, the review form's goals, the participants and the history all show the changes read.
            Assert.Contains("Läser en bok i månaden", page.Cut.Find("article.need ul").TextContent);
            Assert.Contains("Läser en bok i månaden", page.Cut.Find("section[aria-labelledby=reviews-title] fieldset legend").TextContent);
            Assert.Contains("Sara Holm", page.Cut.Find("section[aria-labelledby=participants-title] tbody").TextContent);
            Assert.Contains("Sara Holm", page.Cut.Find("[data-testid=plan-history] tbody").TextContent);
        }, WaitTimeout);

        // Fixing a version offers the plan's contact persons as it holds it now, though the list did not render again.
        page.Cut.FindAll("section[aria-labelledby=plan-versions-title] button").Single(b => b.TextContent == "Fastställ planen").Click();
        Assert.Contains(page.Cut.FindAll("[id^=fix-attendee-][id$=-name]"), input => input.GetAttribute("value") == "Sara Holm");
    }

    [Fact]
    public async Task The_pages_own_events_and_live_notices_still_render()
    {
        var (plan, _, _) = await PlanWithTwoActionsAsync("Vide");
        await using var omar = await PlanPage.OpenAsync(factory, Omar, plan.ChildId);
        await using var karin = await PlanPage.OpenAsync(factory, Karin, plan.ChildId);

        // Karin goes into the child's views: Omar sees her there.
        karin.Cut.Find("#plan-child-views").Focus();
        omar.Cut.WaitForAssertion(() => Assert.Equal("Karin Ek skriver här just nu.", omar.Cut.Find("[data-testid=plan-child-views-editing]").TextContent),
            WaitTimeout);
        karin.Cut.Find("#plan-child-views").Blur();
        omar.Cut.WaitForAssertion(() => Assert.Empty(omar.Cut.FindAll("[data-testid=plan-child-views-editing]")), WaitTimeout);

        // Omar is in the summary and types in the guardians' views when Karin saves the summary: his field keeps its
        // text and he is told; leaving it takes her text, and the notice goes.
        omar.Cut.Find("#plan-guardian-views").Input("Pappa vill ha möten efter kl. 15.");
        omar.Cut.Find("#plan-summary").Focus();
        var karins = Views("Vide vill sitta nära fönstret.");
        karins.Summary = "Karin: Vide trivs i den nya gruppen.";
        karins.GuardianViews = plan.GuardianViews;
        (await factory.PlansAsAsync(Karin, s => s.SaveViewsAsync(plan.Id, karins, plan.Version))).AssertSaved();
        omar.Cut.WaitForAssertion(() => Assert.Single(omar.Cut.FindAll("[data-testid=views-changed-underneath]")), WaitTimeout);
        Assert.Equal(plan.Summary ?? string.Empty, omar.Cut.Find("#plan-summary").GetAttribute("value") ?? string.Empty);

        omar.Cut.Find("#plan-summary").Blur();
        omar.Cut.WaitForAssertion(() => Assert.Equal(karins.Summary, omar.Cut.Find("#plan-summary").GetAttribute("value")), WaitTimeout);
        Assert.Empty(omar.Cut.FindAll("[data-testid=views-changed-underneath]"));

        // What Omar typed was kept through all of it: saved next to Karin's summary.
        omar.Cut.Find("form[aria-labelledby=plan-views-title]").Submit();
        await WaitForAsync(async () =>
        {
            var stored = await factory.ReloadPlanAsync(Karin, plan.ChildId);
            return (stored.Summary, stored.GuardianViews) == (karins.Summary, "Pappa vill ha möten efter kl. 15.");
        });
        Assert.Empty(omar.Cut.FindAll("[data-testid=field-conflict]"));
    }

    [Fact]
    public async Task The_saving_page_does_not_read_the_plan_again_after_its_own_save_and_shows_its_message()
    {
        var (plan, reading, _) = await PlanWithTwoActionsAsync("Tyra");
        var told = new List<string>();
        var toldChildChanged = new List<string>();
        await using var page = await PlanPage.OpenAsync(factory, Omar, plan.ChildId, p => p
            .Add(s => s.OnSavedWithoutChildChange, message => told.Add(message))
            .Add(s => s.OnChanged, message => toldChildChanged.Add(message)));

        using (var reads = factory.Commands.Watch())
        {
            page.Cut.Find("#plan-child-views").Input("Tyra vill läsa med en kompis.");
            page.Cut.Find("form[aria-labelledby=plan-views-title]").Submit();

            page.Cut.WaitForAssertion(() => Assert.Equal("Bedömning och synpunkter har sparats.", Assert.Single(told)), WaitTimeout);
            Assert.Empty(toldChildChanged);
            Assert.Empty(reads.OfPlanPage());
        }

        // The page holds the version it saved: a second save is made from it, not refused as a conflict.
        using (var reads = factory.Commands.Watch())
        {
            page.Cut.Find("#plan-child-views").Input("Tyra vill läsa med en kompis varje dag.");
            page.Cut.Find("form[aria-labelledby=plan-views-title]").Submit();

            page.Cut.WaitForAssertion(() => Assert.Equal(2, told.Count), WaitTimeout);
            Assert.Empty(page.Cut.FindAll("[data-testid=field-conflict]"));
            Assert.Empty(reads.OfPlanPage());
        }

        Assert.Equal("Tyra vill läsa med en kompis varje dag.", (await factory.ReloadPlanAsync(Karin, plan.ChildId)).ChildViews);

        // An action saved on the page is shown from its message too; the child page is told (an action's unit connects
        // that unit to the child), with the message.
        using (var reads = factory.Commands.Watch())
        {
            page.Cut.Find($"button[aria-label='Ändra: {reading.Description}']").Click();
            page.Cut.Find("#action-description").Change("Lästräning med en vuxen");
            page.Cut.Find("form[aria-labelledby=action-form-title]").Submit();

            page.Cut.WaitForAssertion(() => Assert.Equal("Insatsen har sparats.", Assert.Single(toldChildChanged)), WaitTimeout);
            Assert.Contains("Lästräning med en vuxen", page.Cut.Find("article.need tbody").TextContent);
            Assert.Empty(reads.OfPlanPage());
        }
    }

    /// <summary>A child of its own with an open plan: one need, two actions (Karin's).</summary>
    private async Task<(PlanDetails Plan, ActionView Reading, ActionView Breaks)> PlanWithTwoActionsAsync(string givenName)
    {
        var plan = await factory.OpenPlanAsync(Karin, await ChildInputs.RegisterInFlenAsync(factory, givenName));
        var need = await factory.AddNeedAsync(Karin, plan, "Stöd i läsning");
        var unit = await UnitIdAsync(factory, Ekskolan);
        var reading = await factory.AddActionAsync(Karin, plan, Action(need, unit, "Lästräning"));
        var breaks = await factory.AddActionAsync(Karin, plan, Action(need, unit, "Pauser under lektionerna", dueInDays: 90));
        return (await factory.ReloadPlanAsync(Karin, plan.ChildId), reading, breaks);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The condition was never met.");
    }

    /// <summary>How often each part of the page has rendered.</summary>
    private sealed record Renders(int Views, IReadOnlyDictionary<Guid, int> Rows, int Participants, int Versions, int Lifecycle, int Review, int Meeting,
        int LiveFields)
    {
        public static Renders Of(PlanPage page)
        {
            var cut = page.Cut;
            return new Renders(
                cut.FindComponent<PlanViewsEditor>().RenderCount,
                cut.FindComponents<ActionRow>().ToDictionary(r => r.Instance.Item.Id, r => r.RenderCount),
                cut.FindComponent<ParticipantsEditor>().RenderCount,
                cut.FindComponent<PlanVersions>().RenderCount,
                cut.FindComponent<PlanLifecycle>().RenderCount,
                cut.FindComponent<ReviewEditor>().RenderCount,
                cut.FindComponent<MeetingPanel>().RenderCount,
                cut.FindComponents<LiveTextArea>().Sum(f => f.RenderCount));
        }

        /// <summary>The parts that show neither the actions nor the views.</summary>
        public (int Participants, int Versions, int Lifecycle, int Review, int Meeting) Unchanged() => (Participants, Versions, Lifecycle, Review, Meeting);
    }
}
