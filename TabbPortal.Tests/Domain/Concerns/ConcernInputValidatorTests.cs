using TabbPortal.Domain.Concerns;
using TabbPortal.Tests.Domain.Children;

namespace TabbPortal.Tests.Domain.Concerns;

public sealed class ConcernInputValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    // Late in the evening, so that "the future" is the calendar day after, not 24 hours later.
    private static readonly ConcernInputValidator Validator =
        new(new FixedClock(new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero)));

    private static ConcernInput Input(ConcernDecision? decision = ConcernDecision.HandleWithinAgency) => new()
    {
        ChildId = Guid.NewGuid(),
        WhatIsInTheWay = "Alva är ofta trött och hungrig på morgonen.",
        Decision = decision,
    };

    private static void Answer(ConcernInput input, string property, string text)
    {
        switch (property)
        {
            case nameof(ConcernInput.WhatIsInTheWay): input.WhatIsInTheWay = text; break;
            case nameof(ConcernInput.InformationNeeded): input.InformationNeeded = text; break;
            case nameof(ConcernInput.WhatICanDo): input.WhatICanDo = text; break;
            case nameof(ConcernInput.WhatMyAgencyCanDo): input.WhatMyAgencyCanDo = text; break;
            case nameof(ConcernInput.HelpNeededFromOthers): input.HelpNeededFromOthers = text; break;
            default: throw new ArgumentOutOfRangeException(nameof(property), property, "Not one of the five questions.");
        }
    }

    [Fact]
    public void AcceptsAConcernWithOnlyWhatIsInTheWayAndADecision()
    {
        ValidationAssert.Valid(Validator.Validate(Input()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t")]
    public void RequiresWhatIsGettingInTheWay(string text)
    {
        var input = Input();
        input.WhatIsInTheWay = text;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(ConcernInput.WhatIsInTheWay), "Concern_WhatIsInTheWay_Required");
    }

    [Theory]
    [InlineData(nameof(ConcernInput.WhatIsInTheWay))]
    [InlineData(nameof(ConcernInput.InformationNeeded))]
    [InlineData(nameof(ConcernInput.WhatICanDo))]
    [InlineData(nameof(ConcernInput.WhatMyAgencyCanDo))]
    [InlineData(nameof(ConcernInput.HelpNeededFromOthers))]
    public void AcceptsAnAnswerOfTheMaximumLength(string property)
    {
        var input = Input();
        Answer(input, property, new string('x', ConcernInputValidator.AnswerMaxLength));

        ValidationAssert.Valid(Validator.Validate(input));
    }

    [Theory]
    [InlineData(nameof(ConcernInput.WhatIsInTheWay))]
    [InlineData(nameof(ConcernInput.InformationNeeded))]
    [InlineData(nameof(ConcernInput.WhatICanDo))]
    [InlineData(nameof(ConcernInput.WhatMyAgencyCanDo))]
    [InlineData(nameof(ConcernInput.HelpNeededFromOthers))]
    public void RefusesAnAnswerLongerThanTheMaximumAtItsOwnQuestion(string property)
    {
        var input = Input();
        Answer(input, property, new string('x', ConcernInputValidator.AnswerMaxLength + 1));

        ValidationAssert.SingleError(Validator.Validate(input), property, "Concern_Answer_TooLong");
    }

    [Fact]
    public void TheMaximumAnswerLengthIsFourThousand()
    {
        Assert.Equal(4000, ConcernInputValidator.AnswerMaxLength);
    }

    [Fact]
    public void RequiresADecision()
    {
        ValidationAssert.SingleError(Validator.Validate(Input(decision: null)), nameof(ConcernInput.Decision), "Concern_Decision_Required");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void RefusesADecisionOutsideTheThreeDecisions(int decision)
    {
        var result = Validator.Validate(Input((ConcernDecision)decision));

        ValidationAssert.SingleError(result, nameof(ConcernInput.Decision), "Concern_Decision_Required");
    }

    [Fact]
    public void AHandOverRequiresTheUnit()
    {
        var result = Validator.Validate(Input(ConcernDecision.HandOverToAnotherAgency));

        ValidationAssert.SingleError(result, nameof(ConcernInput.HandOverToUnitId), "Concern_HandOverUnit_Required");
    }

    [Fact]
    public void AcceptsAHandOverWithTheUnit()
    {
        var input = Input(ConcernDecision.HandOverToAnotherAgency);
        input.HandOverToUnitId = Guid.NewGuid();

        ValidationAssert.Valid(Validator.Validate(input));
    }

    [Theory]
    [InlineData(ConcernDecision.HandleWithinAgency)]
    [InlineData(ConcernDecision.ConsentAndJointMeeting)]
    public void OtherDecisionsNeedNoUnit(ConcernDecision decision)
    {
        ValidationAssert.Valid(Validator.Validate(Input(decision)));
    }

    [Fact]
    public void AReportRequiresItsDate()
    {
        var input = Input();
        input.ReportedToSocialServices = true;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(ConcernInput.ReportedOn), "Concern_ReportedOn_Required");
    }

    [Fact]
    public void NoDateIsNeededWhenNoReportWasMade()
    {
        var input = Input();
        input.ReportedToSocialServices = false;
        input.ReportedOn = null;

        ValidationAssert.Valid(Validator.Validate(input));
    }

    [Fact]
    public void ALeftOverDateIsNotCheckedWhenNoReportWasMade()
    {
        var input = Input();
        input.ReportedToSocialServices = false;
        input.ReportedOn = Today.AddDays(30);

        ValidationAssert.Valid(Validator.Validate(input));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-400)]
    public void AcceptsAReportDatedTodayOrEarlier(int days)
    {
        var input = Input();
        input.ReportedToSocialServices = true;
        input.ReportedOn = Today.AddDays(days);

        ValidationAssert.Valid(Validator.Validate(input));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    public void RefusesAReportDatedInTheFuture(int days)
    {
        var input = Input();
        input.ReportedToSocialServices = true;
        input.ReportedOn = Today.AddDays(days);

        ValidationAssert.SingleError(Validator.Validate(input), nameof(ConcernInput.ReportedOn), "Concern_ReportedOn_Future");
    }
}
