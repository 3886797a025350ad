using TabbPortal.Domain.Organisations;
using TabbPortal.Domain.Plans;

namespace TabbPortal.Web.Plans;

public sealed record GoalView(Guid Id, string Description);

public sealed record ActionView(
    Guid Id, Guid NeedId, string Description, Guid ResponsibleUnitId, string ResponsibleUnit, Sector Sector, string? ResponsiblePerson,
    DateOnly StartOn, DateOnly DueOn, string DesiredOutcome, string? Evidence, ActionStatus Status, bool IsOverdue, Guid Version,
    bool WithheldFromFamily = false)
{
    public ActionInput ToInput() => new()
    {
        Id = Id, NeedId = NeedId, Description = Description, ResponsibleUnitId = ResponsibleUnitId, ResponsiblePerson = ResponsiblePerson,
        StartOn = StartOn, DueOn = DueOn, DesiredOutcome = DesiredOutcome, Evidence = Evidence, Status = Status,
        WithheldFromFamily = WithheldFromFamily,
    };
}

public sealed record NeedView(Guid Id, string Description, IReadOnlyList<GoalView> Goals, IReadOnlyList<ActionView> Actions, bool WithheldFromFamily = false);

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
    Guid Version,
    bool SummaryWithheldFromFamily = false)
{
    public PlanViewsInput ToViewsInput() => new()
    {
        Summary = Summary, ChildViews = ChildViews, ChildViewsMissingReason = ChildViewsMissingReason, GuardianViews = GuardianViews,
        SummaryWithheldFromFamily = SummaryWithheldFromFamily,
    };

    /// <summary>
    /// The people usually present when the plan is agreed, as rows not yet ticked: the plan's contact persons with their
    /// unit, the guardians, and the child.
    /// </summary>
    public IReadOnlyList<AttendeeInput> SuggestedAttendees(IEnumerable<string> guardians) =>
    [
        .. Participants.Select(p => new AttendeeInput { Name = p.ContactName, Kind = AttendeeKind.Professional, Agency = p.Unit }),
        .. guardians.Select(g => new AttendeeInput { Name = g, Kind = AttendeeKind.Guardian }),
        new AttendeeInput { Kind = AttendeeKind.Child },
    ];

    /// <summary>The plan as it stands, in the form a fixed version keeps.</summary>
    public PlanSnapshot ToSnapshot() => new(
        Type, OverallResponsibleOrganisation, Summary, SummaryWithheldFromFamily, ChildViews, ChildViewsMissingReason, GuardianViews, NextReviewOn,
        [.. Needs.Select(n => new NeedSnapshot(n.Id, n.Description, n.WithheldFromFamily,
            [.. n.Goals.Select(g => new GoalSnapshot(g.Id, g.Description))],
            [.. n.Actions.Select(a => new ActionSnapshot(a.Id, a.Description, a.ResponsibleUnit, a.ResponsiblePerson, a.StartOn, a.DueOn,
                a.DesiredOutcome, a.Evidence, a.Status, a.WithheldFromFamily))]))],
        [.. Participants.Select(p => new ParticipantSnapshot(p.Unit, p.Organisation, p.ContactName))]);
}

/// <summary>A fixed version in the list of versions.</summary>
public sealed record PlanVersionSummary(int Number, DateOnly FixedOn, string FixedBy, IReadOnlyList<Attendee> Attendees);

/// <summary>Two versions of a plan side by side; a null number stands for the plan as it is now, not yet fixed.</summary>
public sealed record PlanComparisonView(Guid ChildId, int? Left, int? Right, IReadOnlyList<ComparisonRow> Rows);

/// <summary>The family's copy of a fixed version: only what the family may read, with the child's name and who took part.</summary>
public sealed record FamilyCopy(Guid ChildId, string ChildName, string ChildGivenName, int Number, DateOnly FixedOn, IReadOnlyList<Attendee> Attendees, PlanSnapshot Plan);

/// <summary>The outcome of saving an action. On a conflict, the values someone else saved, so the user can compare and choose.</summary>
public sealed record ActionSaveResult(Administration.SaveResult Result, ActionInput? Theirs, Guid? TheirVersion);
