using TabbPortal.Domain.Assessments;
using TabbPortal.Domain.Common;
using static TabbPortal.Tests.Domain.Assessments.AssessmentTestInputs;

namespace TabbPortal.Tests.Domain.Assessments;

public sealed class WellbeingAssessmentTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);
    private static readonly Guid ChildId = Guid.NewGuid();

    private static WellbeingAssessment Record(AssessmentInput input) =>
        WellbeingAssessment.Record(ChildId, input, "karin-id", "Karin Ek", Today);

    private static void AssertRefused(AssessmentInput input, string code)
    {
        var refused = Assert.Throws<DomainException>(() => Record(input));
        Assert.Equal(code, refused.Code);
        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
    }

    [Fact]
    public void RecordsTheChildTheDayThePerspectiveAndWhoRecordedIt()
    {
        var on = Today.AddDays(-3);

        var assessment = Record(Valid(on));

        Assert.NotEqual(Guid.Empty, assessment.Id);
        Assert.Equal(ChildId, assessment.ChildId);
        Assert.Equal(on, assessment.AssessedOn);
        Assert.Equal(Perspective.Professionals, assessment.Perspective);
        Assert.Null(assessment.GuardianName);
        Assert.Equal(("karin-id", "Karin Ek"), (assessment.RecordedByUserId, assessment.RecordedByName));
    }

    [Fact]
    public void EachAssessmentGetsAnIdOfItsOwn()
    {
        Assert.NotEqual(Record(Valid(Today)).Id, Record(Valid(Today)).Id);
    }

    [Fact]
    public void AnAssessmentDatedTodayIsAccepted()
    {
        Assert.Equal(Today, Record(Valid(Today)).AssessedOn);
    }

    [Fact]
    public void AMissingDateIsRefused()
    {
        var input = Valid(Today);
        input.AssessedOn = null;

        AssertRefused(input, "Assessment_Date_Invalid");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(365)]
    public void ADateInTheFutureIsRefused(int daysAhead)
    {
        AssertRefused(Valid(Today.AddDays(daysAhead)), "Assessment_Date_Invalid");
    }

    [Fact]
    public void AMissingPerspectiveIsRefused()
    {
        AssertRefused(Input(Today, null, (WellbeingIndicator.Safe, 3, null)), "Assessment_Perspective_Required");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(-1)]
    public void APerspectiveThatDoesNotExistIsRefused(int perspective)
    {
        AssertRefused(Input(Today, (Perspective)perspective, (WellbeingIndicator.Safe, 3, null)), "Assessment_Perspective_Required");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void AGuardiansAssessmentWithoutTheGuardiansNameIsRefused(string? name)
    {
        var input = Input(Today, Perspective.Guardian, (WellbeingIndicator.Safe, 3, null));
        input.GuardianName = name;

        AssertRefused(input, "Assessment_Guardian_Required");
    }

    [Fact]
    public void AGuardiansAssessmentKeepsTheGuardiansNameTidied()
    {
        var input = Input(Today, Perspective.Guardian, (WellbeingIndicator.Safe, 3, null));
        input.GuardianName = "  Johanna   Lindgren ";

        var assessment = Record(input);

        Assert.Equal(Perspective.Guardian, assessment.Perspective);
        Assert.Equal("Johanna Lindgren", assessment.GuardianName);
    }

    [Theory]
    [InlineData(Perspective.Child)]
    [InlineData(Perspective.Professionals)]
    public void OtherPerspectivesDropAGuardiansName(Perspective perspective)
    {
        // The form keeps the typed name when the perspective is changed away from the guardian's.
        var input = Input(Today, perspective, (WellbeingIndicator.Safe, 3, null));
        input.GuardianName = "Johanna Lindgren";

        var assessment = Record(input);

        Assert.Equal(perspective, assessment.Perspective);
        Assert.Null(assessment.GuardianName);
    }

    [Fact]
    public void AnAssessmentWithoutAnyScoreIsRefused()
    {
        var input = Input(Today, Perspective.Child);
        input.Ratings[0].Comment = "En kommentar utan skattning";

        AssertRefused(input, "Assessment_Ratings_Required");
    }

    [Fact]
    public void AnAssessmentWithoutAnyRatingsIsRefused()
    {
        var input = Input(Today, Perspective.Child);
        input.Ratings.Clear();

        AssertRefused(input, "Assessment_Ratings_Required");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-3)]
    [InlineData(int.MaxValue)]
    public void AScoreOutsideOneToFiveIsRefused(int score)
    {
        AssertRefused(Input(Today, Perspective.Child, (WellbeingIndicator.Safe, 3, null), (WellbeingIndicator.Active, score, null)), "Assessment_Score_Invalid");
    }

    [Fact]
    public void AnIndicatorRatedTwiceIsRefused()
    {
        var input = Input(Today, Perspective.Child, (WellbeingIndicator.Safe, 3, null));
        input.Ratings.Add(new RatingInput { Indicator = WellbeingIndicator.Safe, Score = 5 });

        AssertRefused(input, "Assessment_Score_Invalid");
    }

    [Fact]
    public void AnIndicatorListedTwiceButRatedOnceIsAccepted()
    {
        // Only scores count: an extra, unrated row for the same indicator is not a second rating.
        var input = Input(Today, Perspective.Child, (WellbeingIndicator.Safe, 3, null));
        input.Ratings.Add(new RatingInput { Indicator = WellbeingIndicator.Safe });

        var rating = Assert.Single(Record(input).Ratings);

        Assert.Equal((WellbeingIndicator.Safe, 3), (rating.Indicator, rating.Score));
    }

    [Fact]
    public void TheLowestAndHighestScoresAreAccepted()
    {
        var assessment = Record(Input(Today, Perspective.Child, (WellbeingIndicator.Safe, 1, null), (WellbeingIndicator.Included, 5, null)));

        Assert.Equal(
            [(WellbeingIndicator.Safe, 1), (WellbeingIndicator.Included, 5)],
            assessment.Ratings.Select(r => (r.Indicator, r.Score)).OrderBy(r => r.Indicator));
    }

    [Fact]
    public void EveryIndicatorMayBeRated()
    {
        var input = Input(Today, Perspective.Child);
        foreach (var rating in input.Ratings)
        {
            rating.Score = (int)rating.Indicator % 5 + 1;
        }

        var assessment = Record(input);

        Assert.Equal(
            Enum.GetValues<WellbeingIndicator>().Select(i => (i, (int)i % 5 + 1)),
            assessment.Ratings.Select(r => (r.Indicator, r.Score)).OrderBy(r => r.Item1));
    }

    [Fact]
    public void UnratedIndicatorsAreNotStoredEvenWithAComment()
    {
        var input = Input(Today, Perspective.Child, (WellbeingIndicator.Healthy, 2, "Sover dåligt"));
        Rating(input, WellbeingIndicator.Safe).Comment = "Kommentar men ingen skattning";

        var rating = Assert.Single(Record(input).Ratings);

        Assert.Equal((WellbeingIndicator.Healthy, 2, "Sover dåligt"), (rating.Indicator, rating.Score, rating.Comment));
        Assert.NotEqual(Guid.Empty, rating.Id);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("  Trivs i klassen  ", "Trivs i klassen")]
    public void ARatingsCommentIsTrimmedAndABlankOneIsDropped(string? comment, string? expected)
    {
        var rating = Assert.Single(Record(Input(Today, Perspective.Child, (WellbeingIndicator.Safe, 4, comment))).Ratings);

        Assert.Equal(expected, rating.Comment);
    }

    [Fact]
    public void TheMyWorldTriangleIsTrimmedAndBlankSidesBecomeNull()
    {
        var input = Valid(Today);
        input.MyWorld = new MyWorld
        {
            GrowingStrengths = "  Läser gärna  ",
            GrowingConcerns = " ",
            CareStrengths = "\tMamma hämtar varje dag\n",
            CareConcerns = string.Empty,
            WorldStrengths = " Fotbollslaget ",
            WorldConcerns = null,
        };

        var world = Record(input).MyWorld;

        Assert.Equal(
            new MyWorld { GrowingStrengths = "Läser gärna", CareStrengths = "Mamma hämtar varje dag", WorldStrengths = "Fotbollslaget" },
            world);
    }

    [Fact]
    public void TheOtherSidesOfTheMyWorldTriangleAreTrimmedToo()
    {
        var input = Valid(Today);
        input.MyWorld = new MyWorld
        {
            GrowingStrengths = "\n",
            GrowingConcerns = " Oroar sig för prov ",
            CareStrengths = null,
            CareConcerns = " Pappa reser mycket ",
            WorldStrengths = "  ",
            WorldConcerns = " Långt till skolan ",
        };

        var world = Record(input).MyWorld;

        Assert.Equal(
            new MyWorld { GrowingConcerns = "Oroar sig för prov", CareConcerns = "Pappa reser mycket", WorldConcerns = "Långt till skolan" },
            world);
    }

    [Fact]
    public void TheMyWorldTextsKeepTheirLineBreaksInside()
    {
        var input = Valid(Today);
        input.MyWorld = new MyWorld { GrowingStrengths = " Läser gärna.\nRäknar bra. " };

        Assert.Equal("Läser gärna.\nRäknar bra.", Record(input).MyWorld.GrowingStrengths);
    }

    [Fact]
    public void TheResilienceMatrixIsTrimmedAndBlankCellsBecomeNull()
    {
        var input = Valid(Today);
        input.Resilience = new ResilienceMatrix
        {
            Resilience = "  Nyfiken och envis ",
            Vulnerability = "   ",
            ProtectiveEnvironment = "\tMorfar bor nära ",
            Adversity = string.Empty,
        };

        Assert.Equal(
            new ResilienceMatrix { Resilience = "Nyfiken och envis", ProtectiveEnvironment = "Morfar bor nära" },
            Record(input).Resilience);
    }

    [Fact]
    public void TheOtherCellsOfTheResilienceMatrixAreTrimmedToo()
    {
        var input = Valid(Today);
        input.Resilience = new ResilienceMatrix
        {
            Resilience = null,
            Vulnerability = " Lätt att bli ledsen ",
            ProtectiveEnvironment = " ",
            Adversity = " Flyttat tre gånger ",
        };

        Assert.Equal(
            new ResilienceMatrix { Vulnerability = "Lätt att bli ledsen", Adversity = "Flyttat tre gånger" },
            Record(input).Resilience);
    }

    [Fact]
    public void WithoutTextsTheTriangleAndTheMatrixAreEmptyButPresent()
    {
        var assessment = Record(Valid(Today));

        Assert.Equal(new MyWorld(), assessment.MyWorld);
        Assert.Equal(new ResilienceMatrix(), assessment.Resilience);
    }

    [Fact]
    public void TheInputIsNotChangedByRecording()
    {
        // The form keeps showing its input after saving or failing; recording must not tidy it behind its back.
        var input = Input(Today, Perspective.Child, (WellbeingIndicator.Safe, 4, "  Trivs  "));
        input.GuardianName = " Johanna ";
        input.MyWorld = new MyWorld { GrowingStrengths = " Läser " };

        Record(input);

        Assert.Equal(8, input.Ratings.Count);
        Assert.Equal("  Trivs  ", Rating(input, WellbeingIndicator.Safe).Comment);
        Assert.Equal(" Johanna ", input.GuardianName);
        Assert.Equal(" Läser ", input.MyWorld.GrowingStrengths);
    }

    [Fact]
    public void ANullInputIsRefused()
    {
        Assert.Throws<ArgumentNullException>(() => WellbeingAssessment.Record(ChildId, null!, "karin-id", "Karin Ek", Today));
    }
}
