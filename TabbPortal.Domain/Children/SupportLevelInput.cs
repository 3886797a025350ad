using FluentValidation;
using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Children;

/// <summary>A decision to move the child to another level of support.</summary>
public sealed class SupportLevelInput
{
    public SupportLevel? Level { get; set; }

    public DateOnly? From { get; set; }

    public string? Reason { get; set; }
}

public sealed class SupportLevelInputValidator : AbstractValidator<SupportLevelInput>
{
    public SupportLevelInputValidator(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Level)
            .NotNull().WithErrorCode("SupportLevel_Level_Required").WithMessage("Välj stödnivå.")
            .IsInEnum().WithErrorCode("SupportLevel_Level_Required").WithMessage("Välj stödnivå.");
        RuleFor(x => x.From)
            .NotNull().WithErrorCode("SupportLevel_From_Required").WithMessage("Ange från vilket datum stödnivån gäller.")
            .Must(d => d <= DateOnly.FromDateTime(clock.GetLocalNow().DateTime).AddDays(1))
            .When(x => x.From is not null, ApplyConditionTo.CurrentValidator)
            .WithErrorCode("SupportLevel_From_Future").WithMessage("En ändrad stödnivå kan inte gälla från ett framtida datum.");
        RuleFor(x => x.Reason)
            .Must(r => Text.Normalise(r).Length <= 1000).WithErrorCode("SupportLevel_Reason_TooLong").WithMessage("Motiveringen får vara högst 1 000 tecken.");
    }
}
