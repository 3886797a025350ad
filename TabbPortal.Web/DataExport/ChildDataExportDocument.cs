using TabbPortal.Domain.Assessments;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Concerns;
using TabbPortal.Domain.Consent;
using TabbPortal.Domain.Meetings;
using TabbPortal.Domain.Organisations;
using TabbPortal.Domain.Plans;

namespace TabbPortal.Web.DataExport;

/// <summary>
/// Everything the portal holds about one child (registerutdrag, GDPR art. 15), as both the readable page and the JSON
/// download render it. The JSON shape is documented in docs/registerutdrag.md; <see cref="SchemaVersion"/> changes
/// when a field is removed or changes meaning (added fields keep the version).
/// </summary>
public sealed record ChildDataExportDocument(
    int SchemaVersion,
    DateTimeOffset ProducedAt,
    string ProducedByUnit,
    ExportedChild Child,
    IReadOnlyList<ExportedGuardian> Guardians,
    IReadOnlyList<ExportedSupportLevel> SupportLevels,
    IReadOnlyList<ExportedRole> Roles,
    IReadOnlyList<ExportedConcern> Concerns,
    IReadOnlyList<ExportedAssessment> WellbeingAssessments,
    IReadOnlyList<ExportedPlan> Plans,
    IReadOnlyList<ExportedConsent> Consents,
    IReadOnlyList<ExportedEmergencyAccess> EmergencyAccesses,
    IReadOnlyList<ExportedAccess> AccessLog)
{
    public const int CurrentSchemaVersion = 1;
}

public sealed record ExportedChild(
    Guid Id, string PersonalIdentityNumber, string GivenName, string FamilyName, string Municipality, string? SchoolUnit,
    string RegisteredByUnit, DateTimeOffset RegisteredAt);

public sealed record ExportedGuardian(string Name, string? Relationship, string? Phone, string? Email, bool HasCustody);

public sealed record ExportedSupportLevel(SupportLevel Level, DateOnly From, DateOnly? To, string? Reason);

public sealed record ExportedRole(ChildRole Role, string StaffName, string Unit, DateOnly From, DateOnly? To, string? HandoverNote);

public sealed record ExportedConcern(
    DateTimeOffset RaisedAt, string RaisedBy, string RaisedByUnit, string WhatIsInTheWay, string? InformationNeeded, string? WhatICanDo,
    string? WhatMyAgencyCanDo, string? HelpNeededFromOthers, ConcernDecision Decision, string? HandedOverToUnit,
    DateOnly? ReportedToSocialServicesOn, string? ReportedBy);

public sealed record ExportedAssessment(
    DateOnly AssessedOn, Perspective Perspective, string? GuardianName, string RecordedBy, IReadOnlyList<ExportedRating> Ratings,
    MyWorld MyWorld, ResilienceMatrix Resilience);

public sealed record ExportedRating(WellbeingIndicator Indicator, int Score, string? Comment);

public sealed record ExportedPlan(
    Guid Id, PlanType Type, PlanStatus Status, DateTimeOffset CreatedAt, string? Summary, bool SummaryWithheldFromFamily, string? ChildViews,
    string? ChildViewsMissingReason, string? GuardianViews, string? OverallResponsibleOrganisation, DateOnly? NextReviewOn, DateOnly? ClosedOn,
    string? ClosedReason, IReadOnlyList<ExportedNeed> Needs, IReadOnlyList<ExportedParticipant> Participants, IReadOnlyList<ExportedReview> Reviews,
    IReadOnlyList<ExportedPlanChange> History, IReadOnlyList<ExportedVersion> Versions, IReadOnlyList<ExportedMeeting> Meetings);

public sealed record ExportedNeed(string Description, bool WithheldFromFamily, IReadOnlyList<string> Goals, IReadOnlyList<ExportedAction> Actions);

public sealed record ExportedAction(
    string Description, string ResponsibleUnit, string? ResponsiblePerson, DateOnly StartOn, DateOnly DueOn, string DesiredOutcome, string? Evidence,
    ActionStatus Status, bool WithheldFromFamily);

public sealed record ExportedParticipant(string Unit, string Organisation, string ContactName);

public sealed record ExportedReview(DateOnly HeldOn, string HeldBy, string? Notes, DateOnly? NextReviewOn, IReadOnlyList<ExportedGoalJudgement> Goals);

public sealed record ExportedGoalJudgement(string Goal, GoalJudgement Judgement);

public sealed record ExportedPlanChange(DateTimeOffset At, string By, PlanPart Part, string? Summary);

public sealed record ExportedVersion(int Number, DateOnly FixedOn, string FixedBy, IReadOnlyList<Attendee> Attendees, PlanSnapshot Snapshot);

public sealed record ExportedMeeting(
    DateOnly HeldOn, MeetingStatus Status, string? Agenda, string? Notes, IReadOnlyList<Attendee> Attendees, string StartedBy, DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt, int? FixedVersionNumber, IReadOnlyList<ExportedDecision> Decisions);

public sealed record ExportedDecision(string Text, string RecordedBy, DateTimeOffset RecordedAt, bool BecameAction);

/// <summary>A consent entry as recorded, with its withdrawal if it was withdrawn. Entries are never changed: a change is a new entry.</summary>
public sealed record ExportedConsent(
    ConsentGiver Giver, string GiverName, IReadOnlyList<Sector> SharedWith, IReadOnlyList<Sector> Categories, string Purpose, ConsentForm Form,
    string DocumentedBy, string DocumentedByUnit, DateOnly ValidFrom, DateOnly ValidTo, DateTimeOffset RecordedAt, bool ReplacesEarlierEntry,
    ExportedWithdrawal? Withdrawal);

public sealed record ExportedWithdrawal(string WithdrawnBy, string? Note, DateTimeOffset WithdrawnAt, string RecordedBy);

/// <summary>
/// An emergency access to the child's record: the unit, the reason given, when and until when, and whether it has been
/// reviewed. As in the access log, the member of staff is not named.
/// </summary>
public sealed record ExportedEmergencyAccess(string Unit, string Reason, DateTimeOffset GrantedAt, DateTimeOffset ExpiresAt, DateTimeOffset? ReviewedAt);

/// <summary>
/// One entry of the access-log extract: when, which unit, what kind of access to which part, and whether it was allowed.
/// The member of staff is not named (the customary form of an extract to the data subject); the unit is.
/// </summary>
public sealed record ExportedAccess(DateTimeOffset At, string Unit, AccessKind Kind, RecordPart Part, bool Allowed);
