namespace TabbPortal.Domain.Plans;

/// <summary>
/// The content of a plan at one moment, with the names of units and organisations as they were then. A fixed version
/// keeps one; the current plan can be described by one, so that any two can be compared.
/// </summary>
public sealed record PlanSnapshot(
    PlanType Type,
    string? OverallResponsible,
    string? Summary,
    bool SummaryWithheld,
    string? ChildViews,
    string? ChildViewsMissingReason,
    string? GuardianViews,
    DateOnly? NextReviewOn,
    IReadOnlyList<NeedSnapshot> Needs,
    IReadOnlyList<ParticipantSnapshot> Participants)
{
    /// <summary>
    /// What the family's copy shows: everything but the passages marked as withheld from the family. A withheld need
    /// takes its goals and actions with it.
    /// </summary>
    public PlanSnapshot ForFamily() => this with
    {
        Summary = SummaryWithheld ? null : Summary,
        SummaryWithheld = false,
        Needs = [.. Needs.Where(n => !n.Withheld).Select(n => n with { Actions = [.. n.Actions.Where(a => !a.Withheld)] })],
    };
}

public sealed record NeedSnapshot(Guid Id, string Description, bool Withheld, IReadOnlyList<GoalSnapshot> Goals, IReadOnlyList<ActionSnapshot> Actions);

public sealed record GoalSnapshot(Guid Id, string Description);

public sealed record ActionSnapshot(
    Guid Id,
    string Description,
    string ResponsibleUnit,
    string? ResponsiblePerson,
    DateOnly StartOn,
    DateOnly DueOn,
    string DesiredOutcome,
    string? Evidence,
    ActionStatus Status,
    bool Withheld);

public sealed record ParticipantSnapshot(string Unit, string Organisation, string ContactName);
