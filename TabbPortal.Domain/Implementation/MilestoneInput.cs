using FluentValidation;

namespace TabbPortal.Domain.Implementation;

/// <summary>A process leader's form for one county milestone.</summary>
public sealed class MilestoneInput
{
    public StepStatus? Status { get; set; }

    public DateOnly? DueOn { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public string? Note { get; set; }

    /// <summary>For a milestone that can follow from the organisations' steps: use that instead of a status set by hand.</summary>
    public bool UseDerivedStatus { get; set; }

    public bool CanBeDerived { get; set; }
}

public sealed class MilestoneInputValidator : AbstractValidator<MilestoneInput>
{
    public MilestoneInputValidator(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.DueOn).NotNull().WithErrorCode("Milestone_DueOn_Required").WithMessage("Ange när målet ska vara nått.");
        RuleFor(x => x.Status)
            .NotNull().When(x => !x.CanBeDerived || !x.UseDerivedStatus, ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Milestone_Status_Required").WithMessage("Välj status.");
        RuleFor(x => x.CompletedOn)
            .NotNull().When(x => x.Status == StepStatus.Done && (!x.CanBeDerived || !x.UseDerivedStatus), ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Milestone_CompletedOn_Required").WithMessage("Ange när målet nåddes.")
            .Must(d => d <= DateOnly.FromDateTime(clock.GetLocalNow().DateTime)).When(x => x.CompletedOn is not null, ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Milestone_CompletedOn_Future").WithMessage("Datumet kan inte ligga i framtiden.");
        RuleFor(x => x.Note)
            .Must(n => (n?.Trim().Length ?? 0) <= CountyMilestone.NoteMaxLength)
            .WithErrorCode("Milestone_Note_TooLong").WithMessage("Anteckningen får vara högst 1 000 tecken.");
    }
}
