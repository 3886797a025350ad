using TabbPortal.Domain.Implementation;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Web.Implementation;

/// <summary>A step of the plan as a column of the county overview.</summary>
public sealed record StepColumn(Guid Id, string Name, string? Description, int Order, StepScope Scope, bool MeasuresShare, bool IsActive, Guid Version);

/// <summary>
/// One organisation's status on one step. For a step taken per unit: done when every active unit is done, in progress
/// when some unit has begun, with the count of units done.
/// </summary>
public sealed record OverviewCell(Guid StepId, StepStatus Status, int UnitsDone, int UnitsTotal, int? TrainedShare, DateOnly? Date);

public sealed record OverviewRow(
    Guid OrganisationId, string Name, OrganisationKind Kind, SubRegion? SubRegion, IReadOnlyList<OverviewCell> Cells,
    DateTimeOffset? LastChangedAt, bool IsStalled)
{
    public int StepsDone => Cells.Count(c => c.Status == StepStatus.Done);
}

/// <summary>The county overview: organisations × active steps, and which organisations have not moved for <see cref="StalledDays"/>.</summary>
public sealed record CountyOverview(IReadOnlyList<StepColumn> Steps, IReadOnlyList<OverviewRow> Rows, int StalledDays, CountyProgress Progress);

/// <summary>Number of steps (organisation steps and unit steps) done at the end of each month, per sub-region (null: county-wide).</summary>
public sealed record ProgressOverTime(IReadOnlyList<DateOnly> Months, IReadOnlyList<ProgressSeries> Series);

public sealed record ProgressSeries(SubRegion? SubRegion, IReadOnlyList<int> DoneAtMonthEnd);

/// <summary>One step of one organisation (unit null) or of one of its units, as the organisation page shows and edits it.</summary>
public sealed record StepState(
    Guid StepId, string StepName, int Order, StepScope Scope, bool MeasuresShare, Guid? UnitId, string? UnitName,
    StepStatus Status, DateOnly? Date, string? ResponsiblePerson, string? Evidence, int? TrainedShare, Guid? Version, DateTimeOffset? LastChangedAt);

public sealed record HistoryEntry(
    DateTimeOffset ChangedAt, string ChangedBy, string OrganisationName, string StepName, string? UnitName,
    StepStatus From, StepStatus To, int? FromShare, int? ToShare, DateOnly? Date, string? Note);

public sealed record OrganisationImplementation(
    Guid Id, string Name, OrganisationKind Kind, SubRegion? SubRegion,
    IReadOnlyList<StepState> Steps, IReadOnlyList<StepState> UnitSteps, IReadOnlyList<HistoryEntry> History);

public sealed record MilestoneRow(
    Guid Id, string Code, string Title, string? Description, int Order, DateOnly DueOn, MilestoneRule Rule, bool IsSetManually,
    StepStatus SetStatus, StepStatus Status, bool IsOverdue, DateOnly? CompletedOn, string? Note, string? ChangedByName, Guid Version)
{
    public bool CanBeDerived => Rule != MilestoneRule.Manual;
}

/// <summary>What happened in a period: the state at its end, the changes made in it and the milestones.</summary>
public sealed record PeriodReport(
    DateOnly From, DateOnly To, CountyOverview Overview, IReadOnlyList<MilestoneRow> Milestones, ProgressOverTime Progress,
    IReadOnlyList<HistoryEntry> Changes);
