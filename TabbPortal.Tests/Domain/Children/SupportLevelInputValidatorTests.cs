using TabbPortal.Domain.Children;

namespace TabbPortal.Tests.Domain.Children;

public sealed class SupportLevelInputValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    // Late in the evening, so that "tomorrow" is the calendar day after, not 24 hours later.
    private static readonly SupportLevelInputValidator Validator =
        new(new FixedClock(new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero)));

    private static SupportLevelInput Coordinated(DateOnly? from = null, string? reason = "Skola och socialtjänst behöver en gemensam plan.") =>
        new() { Level = SupportLevel.Coordinated, From = from ?? Today, Reason = reason };

    [Fact]
    public void AcceptsALevelFromToday()
    {
        ValidationAssert.Valid(Validator.Validate(Coordinated()));
    }

    [Fact]
    public void AcceptsALevelWithoutAReason()
    {
        ValidationAssert.Valid(Validator.Validate(Coordinated(reason: null)));
    }

    [Fact]
    public void RequiresTheLevel()
    {
        var input = Coordinated();
        input.Level = null;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(SupportLevelInput.Level), "SupportLevel_Level_Required");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void RefusesALevelOutsideTheThreeLevels(int level)
    {
        var input = Coordinated();
        input.Level = (SupportLevel)level;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(SupportLevelInput.Level), "SupportLevel_Level_Required");
    }

    [Fact]
    public void RequiresTheDateFrom()
    {
        var input = Coordinated();
        input.From = null;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(SupportLevelInput.From), "SupportLevel_From_Required");
    }

    [Fact]
    public void AcceptsAPastDate()
    {
        ValidationAssert.Valid(Validator.Validate(Coordinated(Today.AddYears(-1))));
    }

    [Fact]
    public void AcceptsTomorrow()
    {
        ValidationAssert.Valid(Validator.Validate(Coordinated(Today.AddDays(1))));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(365)]
    public void RefusesADateBeyondTomorrow(int daysAhead)
    {
        var result = Validator.Validate(Coordinated(Today.AddDays(daysAhead)));

        ValidationAssert.SingleError(result, nameof(SupportLevelInput.From), "SupportLevel_From_Future");
    }

    [Fact]
    public void AcceptsAReasonOfAThousandCharactersCountedAfterNormalising()
    {
        ValidationAssert.Valid(Validator.Validate(Coordinated(reason: "  " + new string('r', 1000) + "\n")));
    }

    [Fact]
    public void RefusesAReasonLongerThanAThousandCharacters()
    {
        var result = Validator.Validate(Coordinated(reason: new string('r', 1001)));

        ValidationAssert.SingleError(result, nameof(SupportLevelInput.Reason), "SupportLevel_Reason_TooLong");
    }
}
