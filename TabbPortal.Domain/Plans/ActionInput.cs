using FluentValidation;
using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Plans;

/// <summary>What a practitioner types for an action in the plan.</summary>
public sealed class ActionInput
{
    public Guid? Id { get; set; }

    public Guid? NeedId { get; set; }

    public string Description { get; set; } = string.Empty;

    public Guid? ResponsibleUnitId { get; set; }

    public string? ResponsiblePerson { get; set; }

    public DateOnly? StartOn { get; set; }

    public DateOnly? DueOn { get; set; }

    public string DesiredOutcome { get; set; } = string.Empty;

    public string? Evidence { get; set; }

    public ActionStatus? Status { get; set; } = ActionStatus.Planned;

    /// <summary>Leave the action out of the family's copy of the plan.</summary>
    public bool WithheldFromFamily { get; set; }

    public ActionInput Copy() => (ActionInput)MemberwiseClone();
}

public sealed class ActionInputValidator : AbstractValidator<ActionInput>
{
    public const int TextMaxLength = 2000;

    public ActionInputValidator()
    {
        RuleFor(x => x.NeedId).NotNull().WithErrorCode("Action_Need_Required").WithMessage("Välj vilket behov insatsen hör till.");
        RuleFor(x => x.Description)
            .Must(t => Text.Normalise(t).Length > 0).WithErrorCode("Action_Description_Required").WithMessage("Beskriv insatsen.")
            .Must(t => t.Length <= TextMaxLength).WithErrorCode("Plan_Text_TooLong").WithMessage("Texten får vara högst 2 000 tecken.");
        RuleFor(x => x.ResponsibleUnitId).NotNull().WithErrorCode("Action_Unit_Required").WithMessage("Välj ansvarig enhet.");
        RuleFor(x => x.ResponsiblePerson)
            .Must(t => Text.Normalise(t).Length <= 200).WithErrorCode("Action_Person_TooLong").WithMessage("Namnet får vara högst 200 tecken.");
        RuleFor(x => x.StartOn).NotNull().WithErrorCode("Action_Start_Required").WithMessage("Ange startdatum.");
        RuleFor(x => x.DueOn)
            .NotNull().WithErrorCode("Action_Due_Required").WithMessage("Ange slutdatum.")
            .Must((input, due) => input.StartOn is null || due >= input.StartOn)
            .When(x => x.DueOn is not null, ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Action_DueBeforeStart").WithMessage("Slutdatum kan inte ligga före startdatum.");
        RuleFor(x => x.DesiredOutcome)
            .Must(t => Text.Normalise(t).Length > 0).WithErrorCode("Action_Outcome_Required").WithMessage("Beskriv önskat resultat.")
            .Must(t => t.Length <= TextMaxLength).WithErrorCode("Plan_Text_TooLong").WithMessage("Texten får vara högst 2 000 tecken.");
        RuleFor(x => x.Evidence)
            .Must(t => (t?.Length ?? 0) <= TextMaxLength).WithErrorCode("Plan_Text_TooLong").WithMessage("Texten får vara högst 2 000 tecken.");
        RuleFor(x => x.Status)
            .NotNull().WithErrorCode("Action_Status_Required").WithMessage("Välj status.")
            // Enum.IsDefined rather than IsInEnum, which reflects over the nullable type at every validation (every
            // action saved in a meeting).
            .Must(s => s is null || Enum.IsDefined(s.Value)).WithErrorCode("Action_Status_Required").WithMessage("Välj status.");
    }
}
