using TabbPortal.Domain.FollowUp;

namespace TabbPortal.Tests.Domain.FollowUp;

public class EffectResponseInputValidatorTests
{
    private static readonly EffectResponseInputValidator Validator = new(new FixedClock(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero)));

    private static EffectResponseInput Valid()
    {
        var input = new EffectResponseInput { MunicipalityId = Guid.NewGuid(), Month = "2026-11" };
        input.PrepareFor(RespondentKind.Guardian);
        input.Answers["G1"] = 4;
        return input;
    }

    [Fact]
    public void AcceptsAGuardianWhoAnsweredOneQuestion() => ValidationAssert.Valid(Validator.Validate(Valid()));

    [Fact]
    public void AsksWhoIsAnswering()
    {
        var input = Valid();
        input.Kind = null;

        var result = Validator.Validate(input);

        ValidationAssert.SingleError(result, nameof(EffectResponseInput.Kind), "Effect_Kind_Required");
        Assert.Equal("Välj vem som svarar.", result.Errors.Single(e => e.PropertyName == nameof(EffectResponseInput.Kind)).ErrorMessage);
    }

    [Fact]
    public void AsksForTheMunicipality() =>
        ValidationAssert.SingleError(Validator.Validate(new EffectResponseInput { Kind = RespondentKind.Child, Month = "2026-10", Answers = { ["C1"] = 5 } }),
            nameof(EffectResponseInput.MunicipalityId), "Effect_Municipality_Required");

    [Theory]
    [InlineData(null, "Effect_Month_Required")]
    [InlineData("november", "Effect_Month_Required")]
    [InlineData("2026-12", "Effect_Month_Future")]
    public void TheMonthMustBeAPastOrCurrentMonth(string? month, string code)
    {
        var input = Valid();
        input.Month = month;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(EffectResponseInput.Month), code);
    }

    [Fact]
    public void AtLeastOneQuestionMustBeAnswered()
    {
        var input = Valid();
        input.Answers["G1"] = null;

        var result = Validator.Validate(input);

        ValidationAssert.SingleError(result, nameof(EffectResponseInput.Answers), "Effect_Answers_Required");
        Assert.Equal("Svara på minst en fråga.", result.Errors.Single().ErrorMessage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void AnAnswerIsOneToFive(int value)
    {
        var input = Valid();
        input.Answers["G2"] = value;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(EffectResponseInput.Answers), "Effect_Answer_OutOfRange");
    }

    [Fact]
    public void AnswersMustBelongToTheRespondentsQuestionnaire()
    {
        var input = Valid();
        input.Answers["P4"] = 3;

        ValidationAssert.HasError(Validator.Validate(input), nameof(EffectResponseInput.Answers), "Effect_Answers_WrongQuestionnaire");
    }

    [Fact]
    public void ChangingTheKindKeepsNoAnswersOfTheOtherQuestionnaire()
    {
        var input = Valid();

        input.PrepareFor(RespondentKind.Professional);

        Assert.Equal(["P1", "P2", "P3", "P4", "P5"], input.Answers.Keys.Order());
        Assert.All(input.Answers.Values, Assert.Null);
    }

    [Fact]
    public void EveryQuestionnaireFollowsTheEffectGoals()
    {
        Assert.Contains(EffectQuestionnaire.For(RespondentKind.Guardian), q => q.Goal == EffectGoal.MoreSupport);
        Assert.Contains(EffectQuestionnaire.For(RespondentKind.Child), q => q.Goal == EffectGoal.MoreSupport);
        Assert.Contains(EffectQuestionnaire.For(RespondentKind.Professional), q => q.Goal == EffectGoal.MoreTimeForCoreMission);
        Assert.All(Enum.GetValues<RespondentKind>(), kind => Assert.Contains(EffectQuestionnaire.For(kind), q => q.Goal == EffectGoal.FunctionalCollaboration));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
