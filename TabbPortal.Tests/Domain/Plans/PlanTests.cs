using TabbPortal.Domain.Plans;
using static TabbPortal.Tests.Domain.Plans.PlanTestData;

namespace TabbPortal.Tests.Domain.Plans;

public sealed class PlanTests
{
    [Fact]
    public void OpenStartsAnEmptyOpenChildsPlanForTheChild()
    {
        var plan = OpenPlan();

        Assert.NotEqual(Guid.Empty, plan.Id);
        Assert.Equal(AlvasId, plan.ChildId);
        Assert.Equal(PlanType.ChildsPlan, plan.Type);
        Assert.Equal(PlanStatus.Open, plan.Status);
        Assert.Equal((Now, KarinId), (plan.CreatedAt, plan.CreatedByUserId));
        Assert.Empty(plan.Needs);
        Assert.Empty(plan.Actions);
        Assert.Empty(plan.Participants);
        Assert.Null(plan.OverallResponsibleOrganisationId);
        Assert.Null(plan.NextReviewOn);
        Assert.Null(plan.ClosedOn);
        Assert.Null(plan.ClosedReason);
    }

    [Fact]
    public void EveryOpenedPlanHasItsOwnId()
    {
        Assert.NotEqual(OpenPlan().Id, OpenPlan().Id);
    }

    // ---- Views of the child and the guardians

    [Fact]
    public void RecordViewsKeepsTheChildsAndTheGuardiansViewsApart()
    {
        var plan = OpenPlan();

        plan.RecordViews("  Behov av stöd i läsning. ", " Jag vill läsa själv.\nMen inte högt. ", null, " Vi vill ha mer stöd hemma. ");

        Assert.Equal("Behov av stöd i läsning.", plan.Summary);
        Assert.Equal("Jag vill läsa själv.\nMen inte högt.", plan.ChildViews);
        Assert.Null(plan.ChildViewsMissingReason);
        Assert.Equal("Vi vill ha mer stöd hemma.", plan.GuardianViews);
    }

    [Fact]
    public void RecordViewsAcceptsAReasonWhenTheChildsViewsAreMissing()
    {
        var plan = OpenPlan();

        plan.RecordViews(null, "   ", "Alva ville inte vara med på mötet.", null);

        Assert.Null(plan.ChildViews);
        Assert.Equal("Alva ville inte vara med på mötet.", plan.ChildViewsMissingReason);
        Assert.Null(plan.Summary);
        Assert.Null(plan.GuardianViews);
    }

    [Fact]
    public void RecordViewsDropsTheReasonOnceTheChildsViewsAreThere()
    {
        var plan = OpenPlan();
        plan.RecordViews(null, null, "Alva var sjuk.", null);

        plan.RecordViews(null, "Jag vill ha en lugn plats att läsa på.", "Alva var sjuk.", null);

        Assert.Equal("Jag vill ha en lugn plats att läsa på.", plan.ChildViews);
        Assert.Null(plan.ChildViewsMissingReason);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("  ", "\t\n")]
    public void RecordViewsRequiresTheChildsViewsOrAReasonForTheirAbsence(string? childViews, string? reason)
    {
        var plan = OpenPlan();
        plan.RecordViews("Sammanfattning.", "Jag vill läsa.", null, "Föräldrarna håller med.");

        RefusedWith("Plan_ChildViews_ReasonRequired", () => plan.RecordViews("Ny sammanfattning.", childViews, reason, "Nya synpunkter."));

        // Nothing of the refused change is kept.
        Assert.Equal(("Sammanfattning.", "Jag vill läsa.", "Föräldrarna håller med."), (plan.Summary, plan.ChildViews, plan.GuardianViews));
    }

    // ---- SIP

    [Fact]
    public void EscalateToSipKeepsEverythingAndNamesTheOverallResponsibleOrganisation()
    {
        var (plan, need) = PlanWithNeed();
        plan.AddAction(Action(need.Id));
        plan.RecordViews(null, "Jag vill läsa.", null, null);

        plan.EscalateToSip(RegionId);

        Assert.Equal(PlanType.Sip, plan.Type);
        Assert.Equal(RegionId, plan.OverallResponsibleOrganisationId);
        Assert.Equal(PlanStatus.Open, plan.Status);
        Assert.Equal(need.Id, Assert.Single(plan.Needs).Id);
        Assert.Single(plan.Actions);
        Assert.Equal("Jag vill läsa.", plan.ChildViews);
    }

    [Fact]
    public void EscalateToSipRequiresTheOverallResponsibleOrganisation()
    {
        var plan = OpenPlan();

        RefusedWith("Plan_Sip_ResponsibleRequired", () => plan.EscalateToSip(Guid.Empty));

        Assert.Equal(PlanType.ChildsPlan, plan.Type);
        Assert.Null(plan.OverallResponsibleOrganisationId);
    }

    // ---- Needs and goals

    [Fact]
    public void AddNeedAndAddGoalKeepTheGoalsUnderTheirNeed()
    {
        var plan = OpenPlan();
        var reading = plan.AddNeed("  Stöd i läsning ");
        var breaks = plan.AddNeed("Trygghet på rasterna");

        var goal = plan.AddGoal(reading.Id, " Läser en kapitelbok själv ");
        plan.AddGoal(breaks.Id, "Har någon att vara med på rasterna");
        plan.AddGoal(breaks.Id, "Berättar för en vuxen när något händer");

        Assert.Equal(2, plan.Needs.Count);
        Assert.Equal("Stöd i läsning", reading.Description);
        Assert.NotEqual(reading.Id, breaks.Id);
        Assert.Equal(("Läser en kapitelbok själv", goal.Id), (Assert.Single(reading.Goals).Description, Assert.Single(reading.Goals).Id));
        Assert.Equal(2, breaks.Goals.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AddNeedRequiresADescription(string description)
    {
        var plan = OpenPlan();

        RefusedWith("Need_Description_Required", () => plan.AddNeed(description));

        Assert.Empty(plan.Needs);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n ")]
    public void AddGoalRequiresADescription(string description)
    {
        var (plan, need) = PlanWithNeed();

        RefusedWith("Goal_Description_Required", () => plan.AddGoal(need.Id, description));

        Assert.Empty(need.Goals);
    }

    [Fact]
    public void AddGoalRefusesANeedThatIsNotInThePlan()
    {
        var (plan, need) = PlanWithNeed();
        var (_, otherPlansNeed) = PlanWithNeed();

        RefusedWith("Need_NotFound", () => plan.AddGoal(otherPlansNeed.Id, "Ett mål"));
        RefusedWith("Need_NotFound", () => plan.AddGoal(Guid.NewGuid(), "Ett mål"));

        Assert.Empty(need.Goals);
        Assert.Empty(otherPlansNeed.Goals);
    }

    // ---- Actions

    [Fact]
    public void AddActionKeepsWhatWhoWhenAndHowUnderItsNeed()
    {
        var (plan, need) = PlanWithNeed();

        var action = plan.AddAction(Action(need.Id));

        Assert.Same(action, Assert.Single(plan.Actions));
        Assert.NotEqual(Guid.Empty, action.Id);
        Assert.Equal(need.Id, action.NeedId);
        Assert.Equal("Lästräning med speciallärare två gånger i veckan.", action.Description);
        Assert.Equal((EkskolanId, "Omar Haddad"), (action.ResponsibleUnitId, action.ResponsiblePerson));
        Assert.Equal((Today, Today.AddDays(60)), (action.StartOn, action.DueOn));
        Assert.Equal(("Alva läser en kapitelbok på egen hand.", "Lästest i februari."), (action.DesiredOutcome, action.Evidence));
        Assert.Equal(ActionStatus.Planned, action.Status);
    }

    [Fact]
    public void AddActionRefusesANeedThatIsNotInThePlan()
    {
        var (plan, _) = PlanWithNeed();
        var (_, otherPlansNeed) = PlanWithNeed();

        RefusedWith("Need_NotFound", () => plan.AddAction(Action(otherPlansNeed.Id)));
        RefusedWith("Need_NotFound", () => plan.AddAction(Action(null)));

        Assert.Empty(plan.Actions);
    }

    [Fact]
    public void AddActionRefusesAnActionThatBreaksARuleAndAddsNothing()
    {
        var (plan, need) = PlanWithNeed();
        var input = Action(need.Id);
        input.DueOn = Today.AddDays(-1);

        RefusedWith("Action_DueBeforeStart", () => plan.AddAction(input));

        Assert.Empty(plan.Actions);
    }

    [Fact]
    public void ChangeActionChangesTheValuesButNotTheIdOrTheNeed()
    {
        var (plan, need) = PlanWithNeed();
        var other = plan.AddNeed("Trygghet på rasterna");
        var action = plan.AddAction(Action(need.Id));
        var change = Action(other.Id);
        change.Description = "Lästräning varje dag.";
        change.ResponsibleUnitId = SocialServicesId;
        change.ResponsiblePerson = null;
        change.StartOn = Today.AddDays(1);
        change.DueOn = Today.AddDays(1);
        change.DesiredOutcome = "Alva läser högt i klassen.";
        change.Evidence = "  ";
        change.Status = ActionStatus.InProgress;

        var changed = plan.ChangeAction(action.Id, change);

        Assert.Same(action, changed);
        Assert.Equal(need.Id, changed.NeedId);
        Assert.Equal(("Lästräning varje dag.", SocialServicesId, (string?)null), (changed.Description, changed.ResponsibleUnitId, changed.ResponsiblePerson));
        Assert.Equal((Today.AddDays(1), Today.AddDays(1)), (changed.StartOn, changed.DueOn));
        Assert.Equal(("Alva läser högt i klassen.", (string?)null, ActionStatus.InProgress), (changed.DesiredOutcome, changed.Evidence, changed.Status));
    }

    [Fact]
    public void ChangeActionRefusesAnActionThatIsNotInThePlan()
    {
        var (plan, need) = PlanWithNeed();
        plan.AddAction(Action(need.Id));

        RefusedWith("Action_NotFound", () => plan.ChangeAction(Guid.NewGuid(), Action(need.Id)));
    }

    [Fact]
    public void RemoveActionRemovesOnlyThatAction()
    {
        var (plan, need) = PlanWithNeed();
        var first = plan.AddAction(Action(need.Id));
        var second = plan.AddAction(Action(need.Id));

        plan.RemoveAction(first.Id);

        Assert.Equal(second.Id, Assert.Single(plan.Actions).Id);
    }

    [Fact]
    public void RemoveActionOfAnActionNotInThePlanChangesNothing()
    {
        var (plan, need) = PlanWithNeed();
        var action = plan.AddAction(Action(need.Id));

        plan.RemoveAction(Guid.NewGuid());

        Assert.Equal(action.Id, Assert.Single(plan.Actions).Id);
    }

    // ---- Participants

    [Fact]
    public void SetParticipantAddsOneContactPerUnit()
    {
        var plan = OpenPlan();

        plan.SetParticipant(EkskolanId, "karin-id", "Karin Ek");
        plan.SetParticipant(SocialServicesId, "sara-id", "Sara Holm");

        Assert.Equal(2, plan.Participants.Count);
        var school = Assert.Single(plan.Participants, p => p.UnitId == EkskolanId);
        Assert.Equal(("karin-id", "Karin Ek"), (school.ContactUserId, school.ContactName));
        var social = Assert.Single(plan.Participants, p => p.UnitId == SocialServicesId);
        Assert.Equal(("sara-id", "Sara Holm"), (social.ContactUserId, social.ContactName));
        Assert.NotEqual(Guid.Empty, school.Id);
    }

    [Fact]
    public void SetParticipantForAUnitThatTakesPartReplacesItsContact()
    {
        var plan = OpenPlan();
        plan.SetParticipant(EkskolanId, "karin-id", "Karin Ek");
        var participantId = Assert.Single(plan.Participants).Id;

        plan.SetParticipant(EkskolanId, "omar-id", "Omar Haddad");

        var participant = Assert.Single(plan.Participants);
        Assert.Equal((participantId, EkskolanId, "omar-id", "Omar Haddad"),
            (participant.Id, participant.UnitId, participant.ContactUserId, participant.ContactName));
    }

    // ---- Review

    [Fact]
    public void ScheduleReviewAcceptsTodayAndLaterDates()
    {
        var plan = OpenPlan();

        plan.ScheduleReview(Today, Today);
        Assert.Equal(Today, plan.NextReviewOn);

        plan.ScheduleReview(Today.AddMonths(3), Today);
        Assert.Equal(Today.AddMonths(3), plan.NextReviewOn);
    }

    [Fact]
    public void ScheduleReviewRefusesADateInThePastAndKeepsTheOldOne()
    {
        var plan = OpenPlan();
        plan.ScheduleReview(Today.AddDays(30), Today);

        RefusedWith("Plan_Review_InPast", () => plan.ScheduleReview(Today.AddDays(-1), Today));

        Assert.Equal(Today.AddDays(30), plan.NextReviewOn);
    }

    // ---- Closing

    [Fact]
    public void CloseKeepsTheReasonAndTheDay()
    {
        var plan = OpenPlan();

        plan.Close("  Målen   är nådda. ", Today);

        Assert.Equal(PlanStatus.Closed, plan.Status);
        Assert.Equal("Målen är nådda.", plan.ClosedReason);
        Assert.Equal(Today, plan.ClosedOn);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public void CloseRequiresAReason(string reason)
    {
        var plan = OpenPlan();

        RefusedWith("Plan_CloseReason_Required", () => plan.Close(reason, Today));

        Assert.Equal(PlanStatus.Open, plan.Status);
        Assert.Null(plan.ClosedOn);
        Assert.Null(plan.ClosedReason);
    }

    public static TheoryData<string> Changes => [.. ClosedPlanChanges.Keys];

    private static readonly Dictionary<string, Action<Plan, PlanNeed, PlanAction>> ClosedPlanChanges = new()
    {
        ["RecordViews"] = (plan, _, _) => plan.RecordViews("Ny sammanfattning.", "Nya synpunkter.", null, null),
        ["EscalateToSip"] = (plan, _, _) => plan.EscalateToSip(RegionId),
        ["AddNeed"] = (plan, _, _) => plan.AddNeed("Ett nytt behov"),
        ["AddGoal"] = (plan, need, _) => plan.AddGoal(need.Id, "Ett nytt mål"),
        ["AddAction"] = (plan, need, _) => plan.AddAction(Action(need.Id)),
        ["ChangeAction"] = (plan, need, action) => plan.ChangeAction(action.Id, Action(need.Id)),
        ["RemoveAction"] = (plan, _, action) => plan.RemoveAction(action.Id),
        ["SetParticipant (new unit)"] = (plan, _, _) => plan.SetParticipant(SocialServicesId, "sara-id", "Sara Holm"),
        ["SetParticipant (same unit)"] = (plan, _, _) => plan.SetParticipant(EkskolanId, "omar-id", "Omar Haddad"),
        ["ScheduleReview"] = (plan, _, _) => plan.ScheduleReview(Today.AddDays(10), Today),
        ["Close"] = (plan, _, _) => plan.Close("Igen.", Today),
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void AClosedPlanRefusesEveryChangeAndStaysAsItWas(string change)
    {
        var (plan, need) = PlanWithNeed();
        var goal = plan.AddGoal(need.Id, "Läser själv");
        var action = plan.AddAction(Action(need.Id));
        plan.SetParticipant(EkskolanId, "karin-id", "Karin Ek");
        plan.RecordViews("Sammanfattning.", "Jag vill läsa.", null, null);
        plan.ScheduleReview(Today.AddDays(5), Today);
        plan.Close("Familjen har flyttat.", Today);

        RefusedWith("Plan_Closed", () => ClosedPlanChanges[change](plan, need, action));

        Assert.Equal((PlanStatus.Closed, PlanType.ChildsPlan, "Familjen har flyttat."), (plan.Status, plan.Type, plan.ClosedReason));
        Assert.Equal(("Sammanfattning.", "Jag vill läsa.", (DateOnly?)Today.AddDays(5)), (plan.Summary, plan.ChildViews, plan.NextReviewOn));
        Assert.Equal(goal.Id, Assert.Single(Assert.Single(plan.Needs).Goals).Id);
        var kept = Assert.Single(plan.Actions);
        Assert.Equal((action.Id, "Lästräning med speciallärare två gånger i veckan."), (kept.Id, kept.Description));
        var participant = Assert.Single(plan.Participants);
        Assert.Equal((EkskolanId, "Karin Ek"), (participant.UnitId, participant.ContactName));
    }
}
