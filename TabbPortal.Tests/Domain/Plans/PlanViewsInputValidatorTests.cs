using TabbPortal.Domain.Plans;

namespace TabbPortal.Tests.Domain.Plans;

public sealed class PlanViewsInputValidatorTests
{
    private const int Max = PlanViewsInputValidator.TextMaxLength;
    private const string Reason = nameof(PlanViewsInput.ChildViewsMissingReason);

    private static readonly PlanViewsInputValidator Validator = new();

    private static PlanViewsInput Complete() => new()
    {
        Summary = "Alva behöver stöd i läsning och trygghet på rasterna.",
        ChildViews = "Jag vill kunna läsa själv.",
        GuardianViews = "Vi tycker att skolan ska ge mer stöd; pappa håller inte med om rasterna.",
    };

    [Fact]
    public void AcceptsTheChildsOwnViews()
    {
        ValidationAssert.Valid(Validator.Validate(Complete()));
    }

    [Fact]
    public void AcceptsAReasonInsteadOfTheChildsViews()
    {
        var input = new PlanViewsInput { ChildViewsMissingReason = "Alva ville inte vara med." };

        ValidationAssert.Valid(Validator.Validate(input));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("   ", " \n ")]
    public void RequiresTheChildsViewsOrAReasonForTheirAbsence(string? childViews, string? reason)
    {
        var input = Complete();
        input.ChildViews = childViews;
        input.ChildViewsMissingReason = reason;

        var result = Validator.Validate(input);

        ValidationAssert.SingleError(result, Reason, "Plan_ChildViews_ReasonRequired");
        Assert.Single(result.Errors);
    }

    [Fact]
    public void AcceptsTextsOfTheMaximumLength()
    {
        var input = new PlanViewsInput
        {
            Summary = new string('s', Max),
            ChildViews = new string('c', Max),
            ChildViewsMissingReason = new string('r', Max),
            GuardianViews = new string('g', Max),
        };

        ValidationAssert.Valid(Validator.Validate(input));
    }

    [Theory]
    [InlineData(nameof(PlanViewsInput.Summary))]
    [InlineData(nameof(PlanViewsInput.ChildViews))]
    [InlineData(nameof(PlanViewsInput.ChildViewsMissingReason))]
    [InlineData(nameof(PlanViewsInput.GuardianViews))]
    public void RefusesATooLongText(string property)
    {
        var input = Complete();
        var text = new string('x', Max + 1);
        switch (property)
        {
            case nameof(PlanViewsInput.Summary): input.Summary = text; break;
            case nameof(PlanViewsInput.ChildViews): input.ChildViews = text; break;
            case nameof(PlanViewsInput.ChildViewsMissingReason): input.ChildViewsMissingReason = text; break;
            default: input.GuardianViews = text; break;
        }

        var result = Validator.Validate(input);

        ValidationAssert.SingleError(result, property, "Plan_LongText_TooLong");
        Assert.Single(result.Errors);
    }
}
