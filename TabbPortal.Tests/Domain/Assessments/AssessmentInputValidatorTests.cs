using TabbPortal.Domain.Assessments;
using TabbPortal.Tests.Domain.Children;
using static TabbPortal.Tests.Domain.Assessments.AssessmentTestInputs;

namespace TabbPortal.Tests.Domain.Assessments;

public sealed class AssessmentInputValidatorTests
{
    /// <summary>"Today": a fixed day in the past, so that a rule reading the real clock would fail the tests.</summary>
    private static readonly DateOnly Today = new(2024, 3, 15);

    private static readonly AssessmentInputValidator Validator =
        new(new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero)));

    [Fact]
    public void ANewInputListsEveryIndicatorOnceUnrated()
    {
        var input = new AssessmentInput();

        Assert.Equal(Enum.GetValues<WellbeingIndicator>(), input.Ratings.Select(r => r.Indicator));
        Assert.All(input.Ratings, r => Assert.Null(r.Score));
        Assert.Null(input.AssessedOn);
        Assert.Null(input.Perspective);
    }

    [Fact]
    public void AcceptsACompleteAssessment()
    {
        ValidationAssert.Valid(Validator.Validate(Valid(Today.AddDays(-10))));
    }

    [Fact]
    public void LimitsEveryMyWorldAndResilienceTextTo2000CharactersAtItsOwnField()
    {
        var fits = Valid(Today);
        var text = new string('a', AssessmentInputValidator.TextMaxLength);
        fits.MyWorld = new MyWorld { GrowingStrengths = text, WorldConcerns = text };
        fits.Resilience = new ResilienceMatrix { Adversity = text };
        ValidationAssert.Valid(Validator.Validate(fits));

        var tooLong = Valid(Today);
        tooLong.MyWorld = new MyWorld { CareConcerns = text + "a" };
        tooLong.Resilience = new ResilienceMatrix { ProtectiveEnvironment = text + "a" };
        var result = Validator.Validate(tooLong);

        Assert.Equal(["MyWorld.CareConcerns", "Resilience.ProtectiveEnvironment"], result.Errors.Select(e => e.PropertyName));
        Assert.All(result.Errors, e => Assert.Equal("Plan_Text_TooLong", e.ErrorCode));
    }

    [Fact]
    public void AcceptsAnAssessmentDatedToday()
    {
        ValidationAssert.Valid(Validator.Validate(Valid(Today)));
    }

    [Fact]
    public void RequiresTheDate()
    {
        var input = Valid(Today);
        input.AssessedOn = null;

        var result = Validator.Validate(input);

        ValidationAssert.SingleError(result, nameof(AssessmentInput.AssessedOn), "Assessment_Date_Required");
        Assert.Single(result.Errors);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(400)]
    public void RefusesADateInTheFuture(int daysAhead)
    {
        var result = Validator.Validate(Valid(Today.AddDays(daysAhead)));

        ValidationAssert.SingleError(result, nameof(AssessmentInput.AssessedOn), "Assessment_Date_Invalid");
        Assert.Single(result.Errors);
    }

    [Fact]
    public void TodayIsTheClocksLocalDay()
    {
        // 23:30 UTC on the 14th is already the 15th in Stockholm: an assessment dated the 15th is not in the future.
        var stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        var validator = new AssessmentInputValidator(new ZonedClock(new DateTimeOffset(2024, 3, 14, 23, 30, 0, TimeSpan.Zero), stockholm));

        ValidationAssert.Valid(validator.Validate(Valid(new DateOnly(2024, 3, 15))));
        ValidationAssert.SingleError(validator.Validate(Valid(new DateOnly(2024, 3, 16))), nameof(AssessmentInput.AssessedOn), "Assessment_Date_Invalid");
    }

    [Fact]
    public void RequiresThePerspective()
    {
        var result = Validator.Validate(Input(Today, null, (WellbeingIndicator.Safe, 3, null)));

        ValidationAssert.SingleError(result, nameof(AssessmentInput.Perspective), "Assessment_Perspective_Required");
        Assert.Single(result.Errors);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void RefusesAPerspectiveThatDoesNotExist(int perspective)
    {
        var result = Validator.Validate(Input(Today, (Perspective)perspective, (WellbeingIndicator.Safe, 3, null)));

        ValidationAssert.SingleError(result, nameof(AssessmentInput.Perspective), "Assessment_Perspective_Required");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void AGuardiansAssessmentRequiresTheGuardiansName(string? name)
    {
        var input = Input(Today, Perspective.Guardian, (WellbeingIndicator.Safe, 3, null));
        input.GuardianName = name;

        var result = Validator.Validate(input);

        ValidationAssert.SingleError(result, nameof(AssessmentInput.GuardianName), "Assessment_Guardian_Required");
        Assert.Single(result.Errors);
    }

    [Fact]
    public void AcceptsAGuardiansAssessmentWithTheGuardiansName()
    {
        var input = Input(Today, Perspective.Guardian, (WellbeingIndicator.Safe, 3, null));
        input.GuardianName = "Johanna Lindgren";

        ValidationAssert.Valid(Validator.Validate(input));
    }

    [Theory]
    [InlineData(Perspective.Child)]
    [InlineData(Perspective.Professionals)]
    public void OtherPerspectivesNeedNoGuardiansName(Perspective perspective)
    {
        ValidationAssert.Valid(Validator.Validate(Input(Today, perspective, (WellbeingIndicator.Safe, 3, null))));
    }

    [Fact]
    public void RequiresAtLeastOneScore()
    {
        var input = Input(Today, Perspective.Child);
        input.Ratings[2].Comment = "Bara en kommentar";

        var result = Validator.Validate(input);

        ValidationAssert.SingleError(result, nameof(AssessmentInput.Ratings), "Assessment_Ratings_Required");
        Assert.Single(result.Errors);
    }

    [Fact]
    public void RequiresAtLeastOneScoreWhenTheListIsEmpty()
    {
        var input = Input(Today, Perspective.Child);
        input.Ratings.Clear();

        ValidationAssert.SingleError(Validator.Validate(input), nameof(AssessmentInput.Ratings), "Assessment_Ratings_Required");
    }

    [Fact]
    public void OneScoreIsEnough()
    {
        ValidationAssert.Valid(Validator.Validate(Input(Today, Perspective.Child, (WellbeingIndicator.Included, 1, null))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void RefusesAScoreOutsideOneToFiveAtThatRating(int score)
    {
        var input = Input(Today, Perspective.Child, (WellbeingIndicator.Safe, 3, null), (WellbeingIndicator.Active, score, null));
        var index = input.Ratings.FindIndex(r => r.Indicator == WellbeingIndicator.Active);

        var result = Validator.Validate(input);

        ValidationAssert.SingleError(result, $"Ratings[{index}].Score", "Assessment_Score_Invalid");
        Assert.Single(result.Errors);
    }

    [Fact]
    public void NamesEveryRatingWithAnInvalidScore()
    {
        var input = Input(Today, Perspective.Child, (WellbeingIndicator.Safe, 0, null), (WellbeingIndicator.Included, 9, null));

        var result = Validator.Validate(input);

        ValidationAssert.SingleError(result, "Ratings[0].Score", "Assessment_Score_Invalid");
        ValidationAssert.SingleError(result, "Ratings[7].Score", "Assessment_Score_Invalid");
        Assert.Equal(2, result.Errors.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void AcceptsTheLowestAndHighestScore(int score)
    {
        ValidationAssert.Valid(Validator.Validate(Input(Today, Perspective.Child, (WellbeingIndicator.Safe, score, null))));
    }

    [Fact]
    public void AcceptsACommentOfTheMaximumLength()
    {
        var input = Input(Today, Perspective.Child, (WellbeingIndicator.Safe, 3, new string('k', AssessmentInputValidator.TextMaxLength)));

        ValidationAssert.Valid(Validator.Validate(input));
    }

    [Fact]
    public void RefusesALongerCommentAtThatRating()
    {
        var input = Input(Today, Perspective.Child, (WellbeingIndicator.Safe, 3, null), (WellbeingIndicator.Nurtured, 4, new string('k', AssessmentInputValidator.TextMaxLength + 1)));
        var index = input.Ratings.FindIndex(r => r.Indicator == WellbeingIndicator.Nurtured);

        var result = Validator.Validate(input);

        ValidationAssert.SingleError(result, $"Ratings[{index}].Comment", "Plan_Text_TooLong");
        Assert.Single(result.Errors);
    }

    [Fact]
    public void NamesEveryMissingFieldAtOnce()
    {
        var input = new AssessmentInput { Perspective = Perspective.Guardian };

        var result = Validator.Validate(input);

        ValidationAssert.HasError(result, nameof(AssessmentInput.AssessedOn), "Assessment_Date_Required");
        ValidationAssert.HasError(result, nameof(AssessmentInput.GuardianName), "Assessment_Guardian_Required");
        ValidationAssert.HasError(result, nameof(AssessmentInput.Ratings), "Assessment_Ratings_Required");
        Assert.Equal(3, result.Errors.Count);
    }

    [Fact]
    public void TheMessagesAreInSwedish()
    {
        var input = new AssessmentInput { Perspective = Perspective.Guardian };
        input.Ratings[0].Score = 7;

        var messages = Validator.Validate(input).Errors.ToDictionary(e => e.ErrorCode, e => e.ErrorMessage);

        Assert.Equal("Ange datum för bedömningen.", messages["Assessment_Date_Required"]);
        Assert.Equal("Ange vilken vårdnadshavare bedömningen kommer från.", messages["Assessment_Guardian_Required"]);
        Assert.Equal("Skatta varje område med ett värde från 1 till 5.", messages["Assessment_Score_Invalid"]);
        Assert.Equal("Välj vems bedömning det är.", Validator.Validate(new AssessmentInput()).Errors.Single(e => e.ErrorCode == "Assessment_Perspective_Required").ErrorMessage);
    }

    [Fact]
    public void ANullClockIsRefused()
    {
        Assert.Throws<ArgumentNullException>(() => new AssessmentInputValidator(null!));
    }

    /// <summary>A stopped clock in a real time zone, for the local-day rule.</summary>
    private sealed class ZonedClock(DateTimeOffset utcNow, TimeZoneInfo zone) : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => zone;

        public override DateTimeOffset GetUtcNow() => utcNow;
    }
}
