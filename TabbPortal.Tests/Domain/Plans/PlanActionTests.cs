using TabbPortal.Domain.Plans;
using static TabbPortal.Tests.Domain.Plans.PlanTestData;

namespace TabbPortal.Tests.Domain.Plans;

/// <summary>The rules an action keeps by itself, whether it is added or changed.</summary>
public sealed class PlanActionTests
{
    private readonly Plan _plan;
    private readonly PlanNeed _need;

    public PlanActionTests()
    {
        (_plan, _need) = PlanWithNeed();
    }

    [Fact]
    public void ADueDateOnTheStartDateIsAccepted()
    {
        var input = Action(_need.Id);
        input.DueOn = input.StartOn;

        var action = _plan.AddAction(input);

        Assert.Equal(action.StartOn, action.DueOn);
    }

    [Fact]
    public void ADueDateBeforeTheStartDateIsRefused()
    {
        var input = Action(_need.Id);
        input.DueOn = input.StartOn!.Value.AddDays(-1);

        RefusedWith("Action_DueBeforeStart", () => _plan.AddAction(input));
    }

    [Fact]
    public void ADueDateBeforeTheStartDateIsRefusedOnAChangeToo()
    {
        var action = _plan.AddAction(Action(_need.Id));
        var input = Action(_need.Id);
        input.StartOn = Today.AddDays(10);
        input.DueOn = Today.AddDays(9);

        RefusedWith("Action_DueBeforeStart", () => _plan.ChangeAction(action.Id, input));

        Assert.Equal((Today, Today.AddDays(60)), (action.StartOn, action.DueOn));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void BothDatesAreRequired(bool withoutStart, bool withoutDue)
    {
        var input = Action(_need.Id);
        if (withoutStart)
        {
            input.StartOn = null;
        }

        if (withoutDue)
        {
            input.DueOn = null;
        }

        RefusedWith("Action_Dates_Required", () => _plan.AddAction(input));
        Assert.Empty(_plan.Actions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void ADescriptionIsRequired(string description)
    {
        var input = Action(_need.Id);
        input.Description = description;

        RefusedWith("Action_Description_Required", () => _plan.AddAction(input));
    }

    [Fact]
    public void AResponsibleUnitIsRequired()
    {
        var input = Action(_need.Id);
        input.ResponsibleUnitId = null;

        RefusedWith("Action_Unit_Required", () => _plan.AddAction(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ADesiredOutcomeIsRequired(string outcome)
    {
        var input = Action(_need.Id);
        input.DesiredOutcome = outcome;

        RefusedWith("Action_Outcome_Required", () => _plan.AddAction(input));
    }

    [Fact]
    public void APersonAndEvidenceAreOptionalAndBlankMeansNone()
    {
        var input = Action(_need.Id);
        input.ResponsiblePerson = "  ";
        input.Evidence = string.Empty;

        var action = _plan.AddAction(input);

        Assert.Null(action.ResponsiblePerson);
        Assert.Null(action.Evidence);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(99)]
    public void AMissingOrUnknownStatusBecomesPlanned(int? status)
    {
        var input = Action(_need.Id);
        input.Status = (ActionStatus?)status;

        Assert.Equal(ActionStatus.Planned, _plan.AddAction(input).Status);
    }

    [Fact]
    public void ARefusedChangeLeavesTheActionAsItWas()
    {
        // The aggregate must not half-apply a change it refuses: description and dates are checked
        // and assigned before the unit and the desired outcome.
        var action = _plan.AddAction(Action(_need.Id));
        var withoutUnit = Action(_need.Id);
        withoutUnit.Description = "Ändrad beskrivning.";
        withoutUnit.StartOn = Today.AddDays(1);
        withoutUnit.DueOn = Today.AddDays(2);
        withoutUnit.ResponsiblePerson = "Någon annan";
        withoutUnit.DesiredOutcome = string.Empty;

        RefusedWith("Action_Outcome_Required", () => _plan.ChangeAction(action.Id, withoutUnit));
        withoutUnit.DesiredOutcome = "Ändrat resultat.";
        withoutUnit.ResponsibleUnitId = null;
        RefusedWith("Action_Unit_Required", () => _plan.ChangeAction(action.Id, withoutUnit));

        Assert.Equal("Lästräning med speciallärare två gånger i veckan.", action.Description);
        Assert.Equal(("Omar Haddad", Today, Today.AddDays(60)), (action.ResponsiblePerson, action.StartOn, action.DueOn));
        Assert.Equal("Alva läser en kapitelbok på egen hand.", action.DesiredOutcome);
    }

    [Fact]
    public void TheTextsOfAnActionKeepTheirLineBreaks()
    {
        // The action's texts are typed in text areas, like the plan's views and a concern's answers, which keep theirs.
        var input = Action(_need.Id);
        input.Description = " Lästräning:\n- måndag\n- torsdag ";
        input.DesiredOutcome = "Läser själv.\n\nLäser högt i klassen.";
        input.Evidence = "Lästest i februari.\nLärarens bedömning i maj.";

        var action = _plan.AddAction(input);

        Assert.Equal("Lästräning:\n- måndag\n- torsdag", action.Description);
        Assert.Equal("Läser själv.\n\nLäser högt i klassen.", action.DesiredOutcome);
        Assert.Equal("Lästest i februari.\nLärarens bedömning i maj.", action.Evidence);
    }

    [Theory]
    [InlineData(ActionStatus.Planned, -1, true)]
    [InlineData(ActionStatus.InProgress, -1, true)]
    [InlineData(ActionStatus.Planned, 0, false)]
    [InlineData(ActionStatus.InProgress, 1, false)]
    [InlineData(ActionStatus.Done, -1, false)]
    [InlineData(ActionStatus.Cancelled, -30, false)]
    public void AnActionIsOverdueOnlyWhenStillPlannedOrInProgressAfterItsDueDate(ActionStatus status, int dueInDays, bool overdue)
    {
        var input = Action(_need.Id);
        input.StartOn = Today.AddDays(-60);
        input.DueOn = Today.AddDays(dueInDays);
        input.Status = status;

        Assert.Equal(overdue, _plan.AddAction(input).IsOverdueOn(Today));
    }
}
