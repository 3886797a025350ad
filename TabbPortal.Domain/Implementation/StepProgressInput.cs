using FluentValidation;
using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Implementation;

/// <summary>A process leader's form for one step of one organisation (or unit).</summary>
public sealed class StepProgressInput
{
    public StepStatus? Status { get; set; }

    public DateOnly? Date { get; set; }

    public string? ResponsiblePerson { get; set; }

    public string? Evidence { get; set; }

    public int? TrainedShare { get; set; }

    /// <summary>Why the change was made; required when the status goes back.</summary>
    public string? Note { get; set; }

    /// <summary>The status the form started from, so that going back can be asked about at the field.</summary>
    public StepStatus CurrentStatus { get; set; } = StepStatus.NotStarted;

    /// <summary>True when the step is the training step, the only one with a trained share.</summary>
    public bool MeasuresShare { get; set; }
}

public sealed class StepProgressInputValidator : AbstractValidator<StepProgressInput>
{
    public StepProgressInputValidator(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Status)
            .NotNull().WithErrorCode("Progress_Status_Required").WithMessage("Välj status.")
            .IsInEnum().WithErrorCode("Progress_Status_Required").WithMessage("Välj status.");
        RuleFor(x => x.Date)
            .NotNull().When(x => x.Status == StepStatus.Done, ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Progress_Date_Required").WithMessage("Ange när steget blev klart.")
            .Must(d => d <= DateOnly.FromDateTime(clock.GetLocalNow().DateTime)).When(x => x.Date is not null, ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Progress_Date_Future").WithMessage("Datumet kan inte ligga i framtiden.");
        RuleFor(x => x.TrainedShare)
            .Null().When(x => !x.MeasuresShare, ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Progress_Share_NotAllowed").WithMessage("Andel utbildad personal anges bara för utbildningssteget.")
            .InclusiveBetween(0, 100).When(x => x.TrainedShare is not null, ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Progress_Share_Range").WithMessage("Andelen anges i procent, 0–100.");
        RuleFor(x => x.Note)
            .Must(n => Text.Kept(n) is not null).When(x => x.Status < x.CurrentStatus, ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Progress_Note_RequiredWhenBack").WithMessage("Skriv varför statusen går tillbaka.")
            .Must(n => (n?.Length ?? 0) <= StepProgress.NoteMaxLength)
            .WithErrorCode("Progress_Note_TooLong").WithMessage("Anteckningen får vara högst 1 000 tecken.");
        RuleFor(x => x.ResponsiblePerson)
            .Must(r => Text.Normalise(r).Length <= StepProgress.ResponsibleMaxLength)
            .WithErrorCode("Progress_Responsible_TooLong").WithMessage("Namnet får vara högst 200 tecken.");
        RuleFor(x => x.Evidence)
            .Must(e => (e?.Trim().Length ?? 0) <= StepProgress.EvidenceMaxLength)
            .WithErrorCode("Progress_Evidence_TooLong").WithMessage("Underlaget får vara högst 2 000 tecken.");
    }
}
