using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Plans;

/// <summary>
/// What someone does for the child: the responsible agency, unit and person, when, the desired outcome, how it will be
/// evidenced, and how far it has come.
/// </summary>
public sealed class PlanAction
{
    private PlanAction()
    {
        Description = string.Empty;
        DesiredOutcome = string.Empty;
    }

    internal PlanAction(Guid needId, ActionInput input)
    {
        Id = Guid.NewGuid();
        NeedId = needId;
        Description = string.Empty;
        DesiredOutcome = string.Empty;
        Apply(input);
    }

    public Guid Id { get; private set; }

    public Guid NeedId { get; private set; }

    public string Description { get; private set; }

    public Guid ResponsibleUnitId { get; private set; }

    public string? ResponsiblePerson { get; private set; }

    public DateOnly StartOn { get; private set; }

    public DateOnly DueOn { get; private set; }

    public string DesiredOutcome { get; private set; }

    public string? Evidence { get; private set; }

    public ActionStatus Status { get; private set; }

    /// <summary>Left out of the family's copy of the plan.</summary>
    public bool WithheldFromFamily { get; private set; }

    public bool IsOverdueOn(DateOnly date) => IsOverdue(Status, DueOn, date);

    /// <summary>The overdue rule itself, for an action known only by its values (e.g. from a live change message).</summary>
    public static bool IsOverdue(ActionStatus status, DateOnly dueOn, DateOnly date) =>
        status is ActionStatus.Planned or ActionStatus.InProgress && dueOn < date;

    /// <summary>Checks every rule before changing anything, so that a refused change leaves the action as it was.</summary>
    internal void Apply(ActionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.StartOn is not { } start || input.DueOn is not { } due)
        {
            throw new DomainException("Action_Dates_Required", "Ange start- och slutdatum.");
        }

        if (due < start)
        {
            throw new DomainException("Action_DueBeforeStart", "Slutdatum kan inte ligga före startdatum.");
        }

        var description = Text.Kept(input.Description) ?? throw new DomainException("Action_Description_Required", "Beskriv insatsen.");
        var unit = input.ResponsibleUnitId ?? throw new DomainException("Action_Unit_Required", "Välj ansvarig enhet.");
        var outcome = Text.Kept(input.DesiredOutcome) ?? throw new DomainException("Action_Outcome_Required", "Beskriv önskat resultat.");

        Description = description;
        ResponsibleUnitId = unit;
        ResponsiblePerson = Text.OrNull(input.ResponsiblePerson);
        StartOn = start;
        DueOn = due;
        DesiredOutcome = outcome;
        Evidence = Text.Kept(input.Evidence);
        WithheldFromFamily = input.WithheldFromFamily;
        Status = input.Status is { } status && Enum.IsDefined(status) ? status : ActionStatus.Planned;
    }
}
