using TabbPortal.Domain.Assessments;

namespace TabbPortal.Tests.Domain.Assessments;

/// <summary>Assessment inputs for the tests: the form's shape (all eight indicators, unrated) with some of them rated.</summary>
internal static class AssessmentTestInputs
{
    /// <summary>A valid input: the professionals' view on <paramref name="on"/>, with Safe rated 4 and Included rated 2.</summary>
    public static AssessmentInput Valid(DateOnly on) =>
        Input(on, Perspective.Professionals, (WellbeingIndicator.Safe, 4, "Trivs i klassen"), (WellbeingIndicator.Included, 2, null));

    /// <summary>All eight indicators in the form's order, with the given ones rated (and commented).</summary>
    public static AssessmentInput Input(DateOnly? on, Perspective? perspective, params (WellbeingIndicator Indicator, int? Score, string? Comment)[] rated)
    {
        var input = new AssessmentInput { AssessedOn = on, Perspective = perspective };
        foreach (var (indicator, score, comment) in rated)
        {
            var rating = input.Ratings.Single(r => r.Indicator == indicator);
            rating.Score = score;
            rating.Comment = comment;
        }

        return input;
    }

    /// <summary>The score of the indicator as entered; fails if the indicator is not in the input exactly once.</summary>
    public static RatingInput Rating(AssessmentInput input, WellbeingIndicator indicator) =>
        Assert.Single(input.Ratings, r => r.Indicator == indicator);
}
