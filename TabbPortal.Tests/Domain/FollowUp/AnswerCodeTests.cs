using TabbPortal.Domain.Common;
using TabbPortal.Domain.FollowUp;
using TabbPortal.Domain.Reporting;

namespace TabbPortal.Tests.Domain.FollowUp;

public class AnswerCodeTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Fact]
    public void IsIssuedForTheMunicipalityAndMonthWithAnEightCharacterCode()
    {
        var municipality = Guid.NewGuid();

        var code = AnswerCode.Issue(municipality, 4, Today);

        Assert.Equal(8, code.Code.Length);
        Assert.Equal(code.Code, AnswerCode.Normalise(AnswerCode.Format(code.Code).ToLowerInvariant()));
        Assert.Equal(new DateOnly(2026, 11, 1), code.Month);
        Assert.Equal(4, code.AnswersLeft);
        Assert.True(code.CanBeUsedOn(Today.AddDays(AnswerCode.DaysValid)));
        Assert.False(code.CanBeUsedOn(Today.AddDays(AnswerCode.DaysValid + 1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public void TakesOneToThirtyAnswers(int answers) =>
        Assert.Equal("AnswerCode_Answers_OutOfRange", Assert.Throws<DomainException>(() => AnswerCode.Issue(Guid.NewGuid(), answers, Today)).Code);

    [Theory]
    [InlineData("abcd-efgh", "ABCDEFGH")]
    [InlineData(" ABCD EFGH ", "ABCDEFGH")]
    [InlineData("ABCD-EFG", null)]
    [InlineData("ABCD-EFG0", null)]
    [InlineData(null, null)]
    public void ReadsTheCodeAsTyped(string? typed, string? expected) => Assert.Equal(expected, AnswerCode.Normalise(typed));

    [Theory]
    [InlineData("", "AnswerCode_Required")]
    [InlineData("ABC", "AnswerCode_Format")]
    public void TheCodeValidatorExplainsAtTheField(string typed, string code) =>
        ValidationAssert.SingleError(new AnswerCodeInputValidator().Validate(new AnswerCodeInput { Code = typed }), nameof(AnswerCodeInput.Code), code);

    [Fact]
    public void AnAnswerKeepsOnlyMunicipalityMonthKindAndTheGivenAnswers()
    {
        var municipality = Guid.NewGuid();

        var response = EffectResponse.Record(RespondentKind.Professional, municipality, new YearMonth(2026, 10),
            new Dictionary<string, int?> { ["P1"] = 4, ["P2"] = null, ["P5"] = 2 }, new YearMonth(2026, 11));

        Assert.Equal(new DateOnly(2026, 10, 1), response.Month);
        Assert.Equal(municipality, response.MunicipalityId);
        Assert.Equal(["P1", "P5"], response.Answers.Select(a => a.QuestionCode));
        Assert.DoesNotContain(typeof(EffectResponse).GetProperties(), p => p.Name.Contains("User", StringComparison.Ordinal) || p.Name.Contains("Code", StringComparison.Ordinal));
    }

    [Fact]
    public void AnAnswerForAFutureMonthIsRefused() =>
        Assert.Equal("Effect_Month_Future", Assert.Throws<DomainException>(() => EffectResponse.Record(RespondentKind.Guardian, Guid.NewGuid(),
            new YearMonth(2026, 12), new Dictionary<string, int?> { ["G1"] = 3 }, new YearMonth(2026, 11))).Code);
}
