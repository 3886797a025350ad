using TabbPortal.Domain.Organisations;
using TabbPortal.Domain.Plans;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Plans;
using static TabbPortal.Tests.Integration.Children.DemoLookup;
using static TabbPortal.Tests.Integration.Plans.PlanInputs;
using static TabbPortal.Tests.Integration.Plans.PlanTestExtensions;

namespace TabbPortal.Tests.Integration.Plans;

/// <summary>
/// The child's plan through <see cref="PlanService"/> on the real SQLite database: built, saved and read back in new
/// scopes, one open plan per child, rules refused with their codes, closed plans read-only. Only the first test uses
/// the demo child Alva; the others register a child of their own so that they share the factory without sharing a plan.
/// </summary>
public sealed class PlanLifecycleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_full_plan_for_Alva_is_saved_and_comes_back_whole_in_a_new_scope()
    {
        var alvaId = await ChildIdAsync(factory, "Alva", "Lindgren");
        var ekskolan = await UnitIdAsync(factory, Ekskolan);
        var social = await UnitIdAsync(factory, SocialServices);
        var bup = await UnitIdAsync(factory, "BUP Sörmland");
        var region = await OrganisationIdAsync(factory, Region);

        var plan = await factory.OpenPlanAsync(Karin, alvaId);
        Assert.Equal((alvaId, PlanType.ChildsPlan, PlanStatus.Open), (plan.ChildId, plan.Type, plan.Status));
        Assert.Empty(plan.Needs);
        Assert.Empty(plan.Participants);

        var views = new PlanViewsInput
        {
            Summary = "Alva behöver stöd i läsning och trygghet på rasterna.",
            ChildViews = "Jag vill kunna läsa själv.\nJag vill inte vara ensam på rasten.",
            GuardianViews = "Mamma vill ha mer stöd i skolan; pappa tycker att rasterna är viktigast.",
        };
        (await factory.PlansAsAsync(Karin, s => s.SaveViewsAsync(plan.Id, views, plan.Version))).AssertSaved();

        var reading = await factory.AddNeedAsync(Karin, plan, "Stöd i läsning och skrivning");
        var breaks = await factory.AddNeedAsync(Karin, plan, "Trygghet på rasterna");
        (await factory.PlansAsAsync(Karin, s => s.AddGoalAsync(plan.Id, reading, "Läser en kapitelbok på egen hand"))).AssertSaved();
        (await factory.PlansAsAsync(Karin, s => s.AddGoalAsync(plan.Id, reading, "Skriver en egen berättelse"))).AssertSaved();
        (await factory.PlansAsAsync(Karin, s => s.AddGoalAsync(plan.Id, breaks, "Har någon att vara med på rasterna"))).AssertSaved();

        var readingInput = Action(reading, ekskolan, "Lästräning med speciallärare", dueInDays: 90);
        var breaksInput = Action(breaks, social, "Samtal med familjen om tiden efter skolan", dueInDays: 30);
        breaksInput.ResponsiblePerson = "Sara Holm";
        breaksInput.Evidence = null;
        breaksInput.Status = ActionStatus.InProgress;
        var readingAction = await factory.AddActionAsync(Karin, plan, readingInput);
        var breaksAction = await factory.AddActionAsync(Karin, plan, breaksInput);

        foreach (var email in new[] { Karin, Sara, Jonas })
        {
            var contact = await UserIdAsync(factory, email);
            (await factory.PlansAsAsync(Karin, s => s.SetParticipantAsync(plan.Id, contact))).AssertSaved();
        }

        var beforeSip = await factory.ReloadPlanAsync(Karin, alvaId);
        (await factory.PlansAsAsync(Karin, s => s.EscalateToSipAsync(plan.Id, region, beforeSip.Version))).AssertSaved();
        var beforeReview = await factory.ReloadPlanAsync(Karin, alvaId);
        (await factory.PlansAsAsync(Karin, s => s.ScheduleReviewAsync(plan.Id, Today.AddDays(42), beforeReview.Version))).AssertSaved();

        // Read back by a colleague, in a scope of its own.
        var stored = await factory.ReloadPlanAsync(Omar, alvaId);

        Assert.Equal((plan.Id, alvaId, PlanType.Sip, PlanStatus.Open), (stored.Id, stored.ChildId, stored.Type, stored.Status));
        Assert.Equal(plan.CreatedAt, stored.CreatedAt);
        Assert.Equal(views.Summary, stored.Summary);
        Assert.Equal(views.ChildViews, stored.ChildViews);
        Assert.Null(stored.ChildViewsMissingReason);
        Assert.Equal(views.GuardianViews, stored.GuardianViews);
        Assert.Equal(Region, stored.OverallResponsibleOrganisation);
        Assert.Equal(Today.AddDays(42), stored.NextReviewOn);
        Assert.Null(stored.ClosedOn);
        Assert.Null(stored.ClosedReason);

        Assert.Equal(2, stored.Needs.Count);
        var storedReading = Assert.Single(stored.Needs, n => n.Id == reading);
        Assert.Equal("Stöd i läsning och skrivning", storedReading.Description);
        Assert.Equal(
            ["Läser en kapitelbok på egen hand", "Skriver en egen berättelse"],
            storedReading.Goals.Select(g => g.Description).Order(StringComparer.Ordinal));
        var storedBreaks = Assert.Single(stored.Needs, n => n.Id == breaks);
        Assert.Equal("Trygghet på rasterna", storedBreaks.Description);
        Assert.Equal("Har någon att vara med på rasterna", Assert.Single(storedBreaks.Goals).Description);

        var a1 = Assert.Single(storedReading.Actions);
        Assert.Equal(readingAction.Id, a1.Id);
        Assert.Equal(Values(readingInput), Values(a1.ToInput()));
        Assert.Equal((Ekskolan, Sector.School, false), (a1.ResponsibleUnit, a1.Sector, a1.IsOverdue));
        Assert.Equal(readingAction.Version, a1.Version);
        var a2 = Assert.Single(storedBreaks.Actions);
        Assert.Equal(breaksAction.Id, a2.Id);
        Assert.Equal(Values(breaksInput), Values(a2.ToInput()));
        Assert.Equal((SocialServices, Sector.SocialServices), (a2.ResponsibleUnit, a2.Sector));
        Assert.NotEqual(a1.Version, a2.Version);

        Assert.Equal(
            [
                new ParticipantView(ekskolan, Ekskolan, "Flen kommun", Sector.School, "Karin Ek"),
                new ParticipantView(social, SocialServices, "Flen kommun", Sector.SocialServices, "Sara Holm"),
                new ParticipantView(bup, "BUP Sörmland", Region, Sector.HealthCare, "Jonas Nyberg"),
            ],
            stored.Participants);

        // The SIP points at the organisation itself, not only at its name.
        var row = Assert.Single(await PlansInDatabaseAsync(factory, alvaId));
        Assert.Equal((PlanType.Sip, (Guid?)region), (row.Type, row.OverallResponsibleOrganisationId));
        Assert.Equal(2, row.Actions.Count);
    }

    [Fact]
    public async Task A_second_open_plan_for_the_same_child_is_refused()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Ines");
        var plan = await factory.OpenPlanAsync(Karin, childId);

        var again = await factory.PlansAsAsync(Karin, s => s.OpenAsync(childId));
        var byColleague = await factory.PlansAsAsync(Omar, s => s.OpenAsync(childId));

        again.AssertFailedWith(string.Empty, "Plan_AlreadyOpen");
        byColleague.AssertFailedWith(string.Empty, "Plan_AlreadyOpen");
        Assert.Equal(plan.Id, Assert.Single(await PlansInDatabaseAsync(factory, childId)).Id);
    }

    [Fact]
    public async Task A_closed_plan_refuses_every_further_change()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Cleo");
        var ekskolan = await UnitIdAsync(factory, Ekskolan);
        var region = await OrganisationIdAsync(factory, Region);
        var sara = await UserIdAsync(factory, Sara);
        var plan = await factory.OpenPlanAsync(Karin, childId);
        var need = await factory.AddNeedAsync(Karin, plan, "Stöd i matematik");
        var action = await factory.AddActionAsync(Karin, plan, Action(need, ekskolan, "Mattestöd"));
        var open = await factory.ReloadPlanAsync(Karin, childId);

        (await factory.PlansAsAsync(Karin, s => s.CloseAsync(plan.Id, "  Målen är nådda. ", open.Version))).AssertSaved();
        var closed = await factory.ReloadPlanAsync(Karin, childId);
        Assert.Equal((PlanStatus.Closed, "Målen är nådda.", (DateOnly?)Today), (closed.Status, closed.ClosedReason, closed.ClosedOn));

        var changed = action.ToInput();
        changed.Description = "Mattestöd varje dag";
        var refusals = new Dictionary<string, SaveResult>
        {
            ["views"] = await factory.PlansAsAsync(Omar, s => s.SaveViewsAsync(plan.Id, Views("Jag vill ha mattestöd."), closed.Version)),
            ["need"] = await factory.PlansAsAsync(Omar, s => s.AddNeedAsync(plan.Id, "Ett nytt behov")),
            ["goal"] = await factory.PlansAsAsync(Omar, s => s.AddGoalAsync(plan.Id, need, "Ett nytt mål")),
            ["new action"] = (await factory.PlansAsAsync(Omar, s => s.SaveActionAsync(plan.Id, Action(need, ekskolan, "Ny insats"), null))).Result,
            ["changed action"] = (await factory.PlansAsAsync(Omar, s => s.SaveActionAsync(plan.Id, changed, action.Version))).Result,
            ["removed action"] = await factory.PlansAsAsync(Omar, s => s.RemoveActionAsync(plan.Id, action.Id)),
            ["participant"] = await factory.PlansAsAsync(Omar, s => s.SetParticipantAsync(plan.Id, sara)),
            ["sip"] = await factory.PlansAsAsync(Omar, s => s.EscalateToSipAsync(plan.Id, region, closed.Version)),
            ["review"] = await factory.PlansAsAsync(Omar, s => s.ScheduleReviewAsync(plan.Id, Today.AddDays(7), closed.Version)),
            ["close"] = await factory.PlansAsAsync(Omar, s => s.CloseAsync(plan.Id, "Igen.", closed.Version)),
        };

        foreach (var (change, result) in refusals)
        {
            Assert.True(
                !result.Succeeded && result.Errors.Count == 1 && result.Errors[0].Code == "Plan_Closed",
                $"{change}: expected Plan_Closed, got " + (result.Succeeded ? "success" : string.Join("; ", result.Errors.Select(e => e.Code))));
        }

        var after = await factory.ReloadPlanAsync(Karin, childId);
        Assert.Equal(closed.Version, after.Version);
        Assert.Equal((PlanType.ChildsPlan, PlanStatus.Closed, "Målen är nådda."), (after.Type, after.Status, after.ClosedReason));
        Assert.Null(after.ChildViews);
        Assert.Null(after.NextReviewOn);
        Assert.Empty(after.Participants);
        var keptNeed = Assert.Single(after.Needs);
        Assert.Empty(keptNeed.Goals);
        var keptAction = Assert.Single(keptNeed.Actions);
        Assert.Equal((action.Id, "Mattestöd", action.Version), (keptAction.Id, keptAction.Description, keptAction.Version));
    }

    [Fact]
    public async Task After_closing_a_new_plan_can_be_opened_and_is_the_one_shown_for_the_child()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Nova");
        var first = await factory.OpenPlanAsync(Karin, childId);
        (await factory.PlansAsAsync(Karin, s => s.CloseAsync(first.Id, "Familjen flyttade.", first.Version))).AssertSaved();
        Assert.Equal(first.Id, (await factory.ReloadPlanAsync(Karin, childId)).Id);

        var reopened = await factory.PlansAsAsync(Omar, s => s.OpenAsync(childId));

        reopened.AssertSaved();
        Assert.NotEqual(first.Id, reopened.Id);
        var shown = await factory.ReloadPlanAsync(Karin, childId);
        Assert.Equal((reopened.Id, PlanStatus.Open), (shown.Id, shown.Status));
        var rows = await PlansInDatabaseAsync(factory, childId);
        Assert.Equal(2, rows.Count);
        Assert.Equal(PlanStatus.Closed, Assert.Single(rows, p => p.Id == first.Id).Status);

        // And still only one open at a time.
        (await factory.PlansAsAsync(Karin, s => s.OpenAsync(childId))).AssertFailedWith(string.Empty, "Plan_AlreadyOpen");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Closing_requires_a_reason(string? reason)
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Rut");
        var plan = await factory.OpenPlanAsync(Karin, childId);

        var result = await factory.PlansAsAsync(Karin, s => s.CloseAsync(plan.Id, reason, plan.Version));

        result.AssertFailedWith("Reason", "Plan_CloseReason_Required");
        var after = await factory.ReloadPlanAsync(Karin, childId);
        Assert.Equal((PlanStatus.Open, plan.Version), (after.Status, after.Version));
    }

    [Fact]
    public async Task Views_without_the_childs_views_need_a_reason_and_the_reason_alone_is_enough()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Vera");
        var plan = await factory.OpenPlanAsync(Karin, childId);

        var refused = await factory.PlansAsAsync(Karin, s => s.SaveViewsAsync(
            plan.Id, new PlanViewsInput { Summary = "Sammanfattning.", ChildViews = "  ", GuardianViews = "Föräldrarna." }, plan.Version));

        refused.AssertFailedWith(nameof(PlanViewsInput.ChildViewsMissingReason), "Plan_ChildViews_ReasonRequired");
        var unchanged = await factory.ReloadPlanAsync(Karin, childId);
        Assert.Equal((plan.Version, (string?)null, (string?)null), (unchanged.Version, unchanged.Summary, unchanged.GuardianViews));

        var withReason = new PlanViewsInput { Summary = "Sammanfattning.", ChildViewsMissingReason = "Vera är två år.", GuardianViews = "Föräldrarna." };
        (await factory.PlansAsAsync(Karin, s => s.SaveViewsAsync(plan.Id, withReason, plan.Version))).AssertSaved();
        var saved = await factory.ReloadPlanAsync(Karin, childId);
        Assert.Equal((null, "Vera är två år."), (saved.ChildViews, saved.ChildViewsMissingReason));
    }

    [Fact]
    public async Task Escalating_to_a_SIP_requires_the_overall_responsible_organisation()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Sam");
        var plan = await factory.OpenPlanAsync(Karin, childId);

        var result = await factory.PlansAsAsync(Karin, s => s.EscalateToSipAsync(plan.Id, null, plan.Version));

        result.AssertFailedWith("OrganisationId", "Plan_Sip_ResponsibleRequired");
        var after = await factory.ReloadPlanAsync(Karin, childId);
        Assert.Equal((PlanType.ChildsPlan, (string?)null), (after.Type, after.OverallResponsibleOrganisation));
    }

    [Fact]
    public async Task Escalating_to_a_SIP_with_an_organisation_that_does_not_exist_is_refused_with_an_answer()
    {
        // An unknown id must give the user a message, not an unhandled database error from the foreign key.
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Siv");
        var plan = await factory.OpenPlanAsync(Karin, childId);

        var result = await factory.PlansAsAsync(Karin, s => s.EscalateToSipAsync(plan.Id, Guid.NewGuid(), plan.Version));

        Assert.False(result.Succeeded);
        Assert.Single(result.Errors);
        var after = await factory.ReloadPlanAsync(Karin, childId);
        Assert.Equal((PlanType.ChildsPlan, plan.Version), (after.Type, after.Version));
    }

    [Fact]
    public async Task A_review_must_have_a_date_that_is_not_in_the_past()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Alice");
        var plan = await factory.OpenPlanAsync(Karin, childId);

        var past = await factory.PlansAsAsync(Karin, s => s.ScheduleReviewAsync(plan.Id, Today.AddDays(-1), plan.Version));
        var none = await factory.PlansAsAsync(Karin, s => s.ScheduleReviewAsync(plan.Id, null, plan.Version));

        past.AssertFailedWith(string.Empty, "Plan_Review_InPast");
        none.AssertFailedWith(string.Empty, "Plan_Review_Required");
        Assert.Null((await factory.ReloadPlanAsync(Karin, childId)).NextReviewOn);

        (await factory.PlansAsAsync(Karin, s => s.ScheduleReviewAsync(plan.Id, Today, plan.Version))).AssertSaved();
        Assert.Equal(Today, (await factory.ReloadPlanAsync(Karin, childId)).NextReviewOn);
    }

    [Fact]
    public async Task A_unit_has_one_contact_in_the_plan_and_naming_a_colleague_replaces_the_first()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Otto");
        var plan = await factory.OpenPlanAsync(Karin, childId);
        var karin = await UserIdAsync(factory, Karin);
        var omar = await UserIdAsync(factory, Omar);

        (await factory.PlansAsAsync(Karin, s => s.SetParticipantAsync(plan.Id, karin))).AssertSaved();
        (await factory.PlansAsAsync(Karin, s => s.SetParticipantAsync(plan.Id, omar))).AssertSaved();

        var participant = Assert.Single((await factory.ReloadPlanAsync(Karin, childId)).Participants);
        Assert.Equal((Ekskolan, "Omar Haddad"), (participant.Unit, participant.ContactName));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("no-such-user")]
    public async Task A_participant_must_be_an_active_staff_member_with_a_unit(string? contactUserId)
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Iris");
        var plan = await factory.OpenPlanAsync(Karin, childId);

        var result = await factory.PlansAsAsync(Karin, s => s.SetParticipantAsync(plan.Id, contactUserId));

        result.AssertFailedWith("ContactUserId", "Role_Staff_Required");
        Assert.Empty((await factory.ReloadPlanAsync(Karin, childId)).Participants);
    }

    [Fact]
    public async Task A_process_leader_without_a_unit_cannot_be_a_participant()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Ebba");
        var plan = await factory.OpenPlanAsync(Karin, childId);
        var eva = await UserIdAsync(factory, Eva);

        var result = await factory.PlansAsAsync(Karin, s => s.SetParticipantAsync(plan.Id, eva));

        result.AssertFailedWith("ContactUserId", "Role_Staff_Required");
    }

    [Fact]
    public async Task A_removed_action_is_deleted_from_the_database_and_a_later_save_of_it_is_told_so()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Leo");
        var ekskolan = await UnitIdAsync(factory, Ekskolan);
        var plan = await factory.OpenPlanAsync(Karin, childId);
        var need = await factory.AddNeedAsync(Karin, plan, "Stöd i engelska");
        var kept = await factory.AddActionAsync(Karin, plan, Action(need, ekskolan, "Läxhjälp"));
        var removed = await factory.AddActionAsync(Karin, plan, Action(need, ekskolan, "Extra lektion"));

        (await factory.PlansAsAsync(Karin, s => s.RemoveActionAsync(plan.Id, removed.Id))).AssertSaved();

        var after = await factory.ReloadPlanAsync(Karin, childId);
        Assert.Equal(kept.Id, Assert.Single(Assert.Single(after.Needs).Actions).Id);
        // The plan is sensitive: a removed action must not linger in the database, detached from its plan.
        Assert.Equal("none", await ActionRowInDatabaseAsync(factory, removed.Id));

        var late = removed.ToInput();
        late.Description = "Extra lektion varje vecka";
        var save = await factory.PlansAsAsync(Omar, s => s.SaveActionAsync(plan.Id, late, removed.Version));
        save.AssertFailedWith(string.Empty, "Action_NotFound");
        Assert.Null(save.Theirs);
    }

    [Fact]
    public async Task An_action_is_refused_with_the_field_that_is_wrong()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Alex");
        var otherChildId = await ChildInputs.RegisterInFlenAsync(factory, "Kim");
        var ekskolan = await UnitIdAsync(factory, Ekskolan);
        var plan = await factory.OpenPlanAsync(Karin, childId);
        var need = await factory.AddNeedAsync(Karin, plan, "Stöd i svenska");
        var otherPlan = await factory.OpenPlanAsync(Karin, otherChildId);
        var otherNeed = await factory.AddNeedAsync(Karin, otherPlan, "Ett annat barns behov");

        var dueBeforeStart = Action(need, ekskolan, "Baklänges");
        dueBeforeStart.DueOn = Today.AddDays(-1);
        var unknownUnit = Action(need, Guid.NewGuid(), "Okänd enhet");
        var noOutcome = Action(need, ekskolan, "Utan resultat");
        noOutcome.DesiredOutcome = " ";

        (await factory.PlansAsAsync(Karin, s => s.SaveActionAsync(plan.Id, dueBeforeStart, null)))
            .AssertFailedWith(nameof(ActionInput.DueOn), "Action_DueBeforeStart");
        (await factory.PlansAsAsync(Karin, s => s.SaveActionAsync(plan.Id, unknownUnit, null)))
            .AssertFailedWith(nameof(ActionInput.ResponsibleUnitId), "Action_Unit_Required");
        (await factory.PlansAsAsync(Karin, s => s.SaveActionAsync(plan.Id, noOutcome, null)))
            .AssertFailedWith(nameof(ActionInput.DesiredOutcome), "Action_Outcome_Required");
        (await factory.PlansAsAsync(Karin, s => s.SaveActionAsync(plan.Id, Action(otherNeed, ekskolan, "Fel plan"), null)))
            .AssertFailedWith(string.Empty, "Need_NotFound");

        Assert.Empty(Assert.Single((await factory.ReloadPlanAsync(Karin, childId)).Needs).Actions);
        Assert.Empty(Assert.Single((await factory.ReloadPlanAsync(Karin, otherChildId)).Needs).Actions);
    }
}
