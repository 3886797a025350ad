using TabbPortal.Domain.Assessments;

namespace TabbPortal.Web.Assessments;

public sealed record RatingView(WellbeingIndicator Indicator, int Score, string? Comment);

public sealed record AssessmentView(
    Guid Id, DateOnly AssessedOn, Perspective Perspective, string? GuardianName, string RecordedBy, IReadOnlyList<RatingView> Ratings,
    MyWorld MyWorld, ResilienceMatrix Resilience)
{
    public int? ScoreOf(WellbeingIndicator indicator) => Ratings.FirstOrDefault(r => r.Indicator == indicator)?.Score;
}
