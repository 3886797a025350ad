using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Assessments;

/// <summary>
/// One perspective's view of the child's wellbeing on a day: a rating from 1 (very poor) to 5 (very good) with a
/// comment for each indicator, the My World triangle and the resilience matrix. Ratings are compared over time.
/// </summary>
public sealed class WellbeingAssessment
{
    public const int MinScore = 1;
    public const int MaxScore = 5;

    private readonly List<WellbeingRating> _ratings = [];

    private WellbeingAssessment()
    {
        RecordedByUserId = string.Empty;
        RecordedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ChildId { get; private set; }

    public DateOnly AssessedOn { get; private set; }

    public Perspective Perspective { get; private set; }

    /// <summary>Which guardian, for a guardian's perspective.</summary>
    public string? GuardianName { get; private set; }

    public string RecordedByUserId { get; private set; }

    public string RecordedByName { get; private set; }

    public IReadOnlyCollection<WellbeingRating> Ratings => _ratings.AsReadOnly();

    public MyWorld MyWorld { get; private set; } = new();

    public ResilienceMatrix Resilience { get; private set; } = new();

    public static WellbeingAssessment Record(Guid childId, AssessmentInput input, string recordedByUserId, string recordedByName, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.AssessedOn is not { } on || on > today)
        {
            throw new DomainException("Assessment_Date_Invalid", "Ange ett datum som inte ligger i framtiden.");
        }

        if (input.Perspective is not { } perspective || !Enum.IsDefined(perspective))
        {
            throw new DomainException("Assessment_Perspective_Required", "Välj vems bedömning det är.");
        }

        var guardian = Text.OrNull(input.GuardianName);
        if (perspective == Perspective.Guardian && guardian is null)
        {
            throw new DomainException("Assessment_Guardian_Required", "Ange vilken vårdnadshavare bedömningen kommer från.");
        }

        var rated = input.Ratings.Where(r => r.Score is not null).ToList();
        if (rated.Count == 0)
        {
            throw new DomainException("Assessment_Ratings_Required", "Skatta minst ett område i hjulet.");
        }

        if (rated.Any(r => r.Score is < MinScore or > MaxScore) || rated.GroupBy(r => r.Indicator).Any(g => g.Count() > 1))
        {
            throw new DomainException("Assessment_Score_Invalid", "Skatta varje område med ett värde från 1 till 5.");
        }

        var assessment = new WellbeingAssessment
        {
            Id = Guid.NewGuid(),
            ChildId = childId,
            AssessedOn = on,
            Perspective = perspective,
            GuardianName = perspective == Perspective.Guardian ? guardian : null,
            RecordedByUserId = recordedByUserId,
            RecordedByName = recordedByName,
            MyWorld = input.MyWorld.Trimmed(),
            Resilience = input.Resilience.Trimmed(),
        };
        assessment._ratings.AddRange(rated.Select(r => new WellbeingRating(r.Indicator, r.Score!.Value, Text.OrNull(r.Comment))));
        return assessment;
    }
}

public sealed class WellbeingRating
{
    private WellbeingRating()
    {
    }

    internal WellbeingRating(WellbeingIndicator indicator, int score, string? comment)
    {
        Id = Guid.NewGuid();
        Indicator = indicator;
        Score = score;
        Comment = comment;
    }

    public Guid Id { get; private set; }

    public WellbeingIndicator Indicator { get; private set; }

    public int Score { get; private set; }

    public string? Comment { get; private set; }
}

/// <summary>The My World triangle: strengths and concerns on each of its three sides.</summary>
public sealed record MyWorld
{
    public string? GrowingStrengths { get; init; }

    public string? GrowingConcerns { get; init; }

    public string? CareStrengths { get; init; }

    public string? CareConcerns { get; init; }

    public string? WorldStrengths { get; init; }

    public string? WorldConcerns { get; init; }

    internal MyWorld Trimmed() => new()
    {
        GrowingStrengths = Keep(GrowingStrengths), GrowingConcerns = Keep(GrowingConcerns), CareStrengths = Keep(CareStrengths),
        CareConcerns = Keep(CareConcerns), WorldStrengths = Keep(WorldStrengths), WorldConcerns = Keep(WorldConcerns),
    };

    internal static string? Keep(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The resilience matrix: resilience and vulnerability in the child; protective environment and adversity around the child.</summary>
public sealed record ResilienceMatrix
{
    public string? Resilience { get; init; }

    public string? Vulnerability { get; init; }

    public string? ProtectiveEnvironment { get; init; }

    public string? Adversity { get; init; }

    internal ResilienceMatrix Trimmed() => new()
    {
        Resilience = MyWorld.Keep(Resilience), Vulnerability = MyWorld.Keep(Vulnerability),
        ProtectiveEnvironment = MyWorld.Keep(ProtectiveEnvironment), Adversity = MyWorld.Keep(Adversity),
    };
}
