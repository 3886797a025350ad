using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Plans;

public enum GoalJudgement
{
    Reached = 1,
    PartlyReached = 2,
    NotReached = 3,
}

/// <summary>A review of the plan: on the day it was held each goal was judged, and the next review was set.</summary>
public sealed class PlanReview
{
    private readonly List<GoalAssessment> _goals = [];

    private PlanReview()
    {
        HeldByName = string.Empty;
    }

    internal PlanReview(DateOnly heldOn, string heldByName, string? notes, DateOnly? nextReviewOn, IEnumerable<GoalAssessment> goals)
    {
        Id = Guid.NewGuid();
        HeldOn = heldOn;
        HeldByName = heldByName;
        Notes = Text.Kept(notes);
        NextReviewOn = nextReviewOn;
        _goals.AddRange(goals);
    }

    public Guid Id { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public string HeldByName { get; private set; }

    public string? Notes { get; private set; }

    public DateOnly? NextReviewOn { get; private set; }

    public IReadOnlyCollection<GoalAssessment> Goals => _goals.AsReadOnly();
}

/// <summary>How far one goal had come at a review.</summary>
public sealed class GoalAssessment
{
    private GoalAssessment()
    {
        GoalDescription = string.Empty;
    }

    internal GoalAssessment(PlanGoal goal, GoalJudgement judgement)
    {
        Id = Guid.NewGuid();
        GoalId = goal.Id;
        GoalDescription = goal.Description;
        Judgement = judgement;
    }

    public Guid Id { get; private set; }

    public Guid GoalId { get; private set; }

    /// <summary>The goal as it read at the review, so the review stays true if the goal is reworded later.</summary>
    public string GoalDescription { get; private set; }

    public GoalJudgement Judgement { get; private set; }
}
