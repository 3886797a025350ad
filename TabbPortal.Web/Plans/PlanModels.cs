using TabbPortal.Domain.Organisations;
using TabbPortal.Domain.Plans;

namespace TabbPortal.Web.Plans;

public sealed record GoalView(Guid Id, string Description);

public sealed record ActionView(
    Guid Id, Guid NeedId, string Description, Guid ResponsibleUnitId, string ResponsibleUnit, Sector Sector, string? ResponsiblePerson,
    DateOnly StartOn, DateOnly DueOn, string DesiredOutcome, string? Evidence, ActionStatus Status, bool IsOverdue, Guid Version)
{
    public ActionInput ToInput() => new()
    {
        Id = Id, NeedId = NeedId, Description = Description, ResponsibleUnitId = ResponsibleUnitId, ResponsiblePerson = ResponsiblePerson,
        StartOn = StartOn, DueOn = DueOn, DesiredOutcome = DesiredOutcome, Evidence = Evidence, Status = Status,
    };
}

public sealed record NeedView(Guid Id, string Description, IReadOnlyList<GoalView> Goals, IReadOnlyList<ActionView> Actions);

public sealed record ReviewView(DateOnly HeldOn, string HeldBy, string? Notes, DateOnly? NextReviewOn, IReadOnlyList<(string Goal, GoalJudgement Judgement)> Goals);

public sealed record PlanChangeView(DateTimeOffset At, string By, PlanPart Part, string? Summary);

public sealed record ParticipantView(Guid UnitId, string Unit, string Organisation, Sector Sector, string ContactName);

public sealed record PlanDetails(
    Guid Id,
    Guid ChildId,
    PlanType Type,
    PlanStatus Status,
    DateTimeOffset CreatedAt,
    string? Summary,
    string? ChildViews,
    string? ChildViewsMissingReason,
    string? GuardianViews,
    string? OverallResponsibleOrganisation,
    DateOnly? NextReviewOn,
    DateOnly? ClosedOn,
    string? ClosedReason,
    IReadOnlyList<NeedView> Needs,
    IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<ReviewView> Reviews,
    Guid Version)
{
    public PlanViewsInput ToViewsInput() => new()
    {
        Summary = Summary, ChildViews = ChildViews, ChildViewsMissingReason = ChildViewsMissingReason, GuardianViews = GuardianViews,
    };
}

/// <summary>The outcome of saving an action. On a conflict, the values someone else saved, so the user can compare and choose.</summary>
public sealed record ActionSaveResult(Administration.SaveResult Result, ActionInput? Theirs, Guid? TheirVersion);
