using FluentValidation;
using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Consent;

/// <summary>The form for recording a consent.</summary>
public sealed class ConsentInput
{
    public ConsentGiver? Giver { get; set; }

    public Guid? GuardianId { get; set; }

    public Agencies SharedWith { get; set; }

    public Agencies Categories { get; set; }

    public string? Purpose { get; set; }

    public ConsentForm? Form { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }
}

public sealed class ConsentInputValidator : AbstractValidator<ConsentInput>
{
    public const int PurposeMaxLength = 1000;

    /// <summary>A consent is asked for a stated period; more than three years is not a period but a blank cheque.</summary>
    public const int MaxYears = 3;

    public ConsentInputValidator(TimeProvider clock, IReadOnlyCollection<Guid> guardianIds)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(guardianIds);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

        RuleFor(x => x.Giver)
            .NotNull().WithErrorCode("Consent_Giver_Required").WithMessage("Välj vem som lämnar samtycket.")
            .IsInEnum().WithErrorCode("Consent_Giver_Required").WithMessage("Välj vem som lämnar samtycket.");
        RuleFor(x => x.GuardianId)
            .Must(id => id is { } g && guardianIds.Contains(g)).When(x => x.Giver == ConsentGiver.Guardian)
            .WithErrorCode("Consent_Guardian_Required").WithMessage("Välj vilken vårdnadshavare som lämnar samtycket.");
        RuleFor(x => x.SharedWith)
            .Must(a => (a & Agencies.All) != Agencies.None && (a & ~Agencies.All) == Agencies.None)
            .WithErrorCode("Consent_SharedWith_Required").WithMessage("Välj vilka verksamheter som får dela information.");
        RuleFor(x => x.Categories)
            .Must(a => (a & Agencies.All) != Agencies.None && (a & ~Agencies.All) == Agencies.None)
            .WithErrorCode("Consent_Categories_Required").WithMessage("Välj vilka verksamheters uppgifter som får delas.");
        RuleFor(x => x.Purpose)
            .Must(p => Text.Normalise(p).Length > 0).WithErrorCode("Consent_Purpose_Required").WithMessage("Ange syftet med samtycket.")
            .Must(p => Text.Normalise(p).Length <= PurposeMaxLength).WithErrorCode("Consent_Purpose_TooLong").WithMessage("Syftet får vara högst 1 000 tecken.");
        RuleFor(x => x.Form)
            .NotNull().WithErrorCode("Consent_Form_Required").WithMessage("Ange om samtycket lämnades skriftligt eller muntligt.")
            .IsInEnum().WithErrorCode("Consent_Form_Required").WithMessage("Ange om samtycket lämnades skriftligt eller muntligt.");
        RuleFor(x => x.ValidFrom)
            .NotNull().WithErrorCode("Consent_ValidFrom_Required").WithMessage("Ange från vilket datum samtycket gäller.")
            .Must(d => d <= today).When(x => x.ValidFrom is not null, ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Consent_ValidFrom_Future").WithMessage("Ett samtycke registreras när det har lämnats; datumet kan inte ligga i framtiden.");
        RuleFor(x => x.ValidTo)
            .NotNull().WithErrorCode("Consent_ValidTo_Required").WithMessage("Ange till och med vilket datum samtycket gäller.")
            .Must((x, d) => x.ValidFrom is null || d >= x.ValidFrom).When(x => x.ValidTo is not null, ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Consent_ValidTo_BeforeFrom").WithMessage("Samtycket kan inte upphöra innan det börjar gälla.")
            .Must((x, d) => x.ValidFrom is null || d <= x.ValidFrom.Value.AddYears(MaxYears)).When(x => x.ValidTo is not null, ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Consent_ValidTo_TooLong").WithMessage("Ett samtycke kan gälla högst tre år; be om ett nytt därefter.")
            .Must(d => d >= today).When(x => x.ValidTo is not null, ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Consent_ValidTo_Past").WithMessage("Samtycket har redan upphört; ange ett slutdatum från och med i dag.");
    }
}

/// <summary>The form for recording a withdrawal.</summary>
public sealed class ConsentWithdrawalInput
{
    public string? WithdrawnBy { get; set; }

    public string? Note { get; set; }
}

public sealed class ConsentWithdrawalInputValidator : AbstractValidator<ConsentWithdrawalInput>
{
    public ConsentWithdrawalInputValidator()
    {
        RuleFor(x => x.WithdrawnBy)
            .Must(p => Text.Normalise(p).Length > 0).WithErrorCode("Consent_WithdrawnBy_Required").WithMessage("Ange vem som återkallade samtycket.")
            .Must(p => Text.Normalise(p).Length <= 200).WithErrorCode("Consent_WithdrawnBy_TooLong").WithMessage("Namnet får vara högst 200 tecken.");
        RuleFor(x => x.Note)
            .Must(p => Text.Normalise(p).Length <= 1000).WithErrorCode("Consent_Note_TooLong").WithMessage("Anteckningen får vara högst 1 000 tecken.");
    }
}
