using TabbPortal.Domain.Plans;
using static TabbPortal.Tests.Domain.Plans.PlanTestData;

namespace TabbPortal.Tests.Domain.Plans;

public sealed class ActionInputValidatorTests
{
    private const int Max = ActionInputValidator.TextMaxLength;

    private static readonly ActionInputValidator Validator = new();

    private static ActionInput Valid() => Action(Guid.NewGuid());

    [Fact]
    public void AcceptsACompleteAction()
    {
        ValidationAssert.Valid(Validator.Validate(Valid()));
    }

    [Fact]
    public void AcceptsAnActionWithoutPersonAndEvidence()
    {
        var input = Valid();
        input.ResponsiblePerson = null;
        input.Evidence = null;

        ValidationAssert.Valid(Validator.Validate(input));
    }

    [Fact]
    public void AcceptsTextsOfTheMaximumLengthAndADueDateOnTheStartDate()
    {
        var input = Valid();
        input.Description = new string('a', Max);
        input.DesiredOutcome = new string('b', Max);
        input.Evidence = new string('c', Max);
        input.ResponsiblePerson = new string('d', 200);
        input.DueOn = input.StartOn;

        ValidationAssert.Valid(Validator.Validate(input));
    }

    [Fact]
    public void RequiresTheNeed()
    {
        var input = Valid();
        input.NeedId = null;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(ActionInput.NeedId), "Action_Need_Required");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public void RequiresADescription(string description)
    {
        var input = Valid();
        input.Description = description;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(ActionInput.Description), "Action_Description_Required");
    }

    [Fact]
    public void RefusesATooLongDescription()
    {
        var input = Valid();
        input.Description = new string('a', Max + 1);

        ValidationAssert.SingleError(Validator.Validate(input), nameof(ActionInput.Description), "Plan_Text_TooLong");
    }

    [Fact]
    public void RequiresTheResponsibleUnit()
    {
        var input = Valid();
        input.ResponsibleUnitId = null;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(ActionInput.ResponsibleUnitId), "Action_Unit_Required");
    }

    [Fact]
    public void RefusesATooLongResponsiblePerson()
    {
        var input = Valid();
        input.ResponsiblePerson = new string('p', 201);

        ValidationAssert.SingleError(Validator.Validate(input), nameof(ActionInput.ResponsiblePerson), "Action_Person_TooLong");
    }

    [Fact]
    public void RequiresTheStartDate()
    {
        var input = Valid();
        input.StartOn = null;

        var result = Validator.Validate(input);

        ValidationAssert.SingleError(result, nameof(ActionInput.StartOn), "Action_Start_Required");
        ValidationAssert.NoErrorFor(result, nameof(ActionInput.DueOn));
    }

    [Fact]
    public void RequiresTheDueDate()
    {
        var input = Valid();
        input.DueOn = null;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(ActionInput.DueOn), "Action_Due_Required");
    }

    [Fact]
    public void RefusesADueDateBeforeTheStartDate()
    {
        var input = Valid();
        input.DueOn = input.StartOn!.Value.AddDays(-1);

        var result = Validator.Validate(input);

        ValidationAssert.SingleError(result, nameof(ActionInput.DueOn), "Action_DueBeforeStart");
        ValidationAssert.NoErrorFor(result, nameof(ActionInput.StartOn));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void RequiresTheDesiredOutcome(string outcome)
    {
        var input = Valid();
        input.DesiredOutcome = outcome;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(ActionInput.DesiredOutcome), "Action_Outcome_Required");
    }

    [Fact]
    public void RefusesATooLongDesiredOutcome()
    {
        var input = Valid();
        input.DesiredOutcome = new string('o', Max + 1);

        ValidationAssert.SingleError(Validator.Validate(input), nameof(ActionInput.DesiredOutcome), "Plan_Text_TooLong");
    }

    [Fact]
    public void RefusesTooLongEvidence()
    {
        var input = Valid();
        input.Evidence = new string('e', Max + 1);

        ValidationAssert.SingleError(Validator.Validate(input), nameof(ActionInput.Evidence), "Plan_Text_TooLong");
    }

    [Fact]
    public void RefusesAnUnknownStatus()
    {
        var input = Valid();
        input.Status = (ActionStatus)99;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(ActionInput.Status), "Action_Status_Required");
    }

    [Fact]
    public void RequiresTheStatusWithItsOwnCode()
    {
        // The code names the localised message; without it the user sees FluentValidation's default text.
        var input = Valid();
        input.Status = null;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(ActionInput.Status), "Action_Status_Required");
    }

    [Fact]
    public void ReportsEveryMissingFieldAtOnce()
    {
        var result = Validator.Validate(new ActionInput());

        ValidationAssert.HasError(result, nameof(ActionInput.NeedId), "Action_Need_Required");
        ValidationAssert.HasError(result, nameof(ActionInput.Description), "Action_Description_Required");
        ValidationAssert.HasError(result, nameof(ActionInput.ResponsibleUnitId), "Action_Unit_Required");
        ValidationAssert.HasError(result, nameof(ActionInput.StartOn), "Action_Start_Required");
        ValidationAssert.HasError(result, nameof(ActionInput.DueOn), "Action_Due_Required");
        ValidationAssert.HasError(result, nameof(ActionInput.DesiredOutcome), "Action_Outcome_Required");
        ValidationAssert.NoErrorFor(result, nameof(ActionInput.Status));
    }

    [Fact]
    public void CopyIsIndependentOfTheOriginal()
    {
        var input = Valid();

        var copy = input.Copy();
        copy.Description = "Ändrad";

        Assert.NotSame(input, copy);
        Assert.Equal("Lästräning med speciallärare två gånger i veckan.", input.Description);
        Assert.Equal((input.NeedId, input.DueOn), (copy.NeedId, copy.DueOn));
    }
}
