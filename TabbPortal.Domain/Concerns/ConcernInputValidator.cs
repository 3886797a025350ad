using FluentValidation;
using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Concerns;

public sealed class ConcernInputValidator : AbstractValidator<ConcernInput>
{
    public const int AnswerMaxLength = 4000;

    public ConcernInputValidator(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);

        RuleFor(x => x.WhatIsInTheWay)
            .Must(t => Text.Normalise(t).Length > 0).WithErrorCode("Concern_WhatIsInTheWay_Required")
            .WithMessage("Beskriv vad som hindrar barnet från att må bra.");
        RuleFor(x => x.WhatIsInTheWay).Must(Fits).WithErrorCode("Concern_Answer_TooLong").WithMessage("Svaret får vara högst 4 000 tecken.");
        RuleFor(x => x.InformationNeeded).Must(Fits).WithErrorCode("Concern_Answer_TooLong").WithMessage("Svaret får vara högst 4 000 tecken.");
        RuleFor(x => x.WhatICanDo).Must(Fits).WithErrorCode("Concern_Answer_TooLong").WithMessage("Svaret får vara högst 4 000 tecken.");
        RuleFor(x => x.WhatMyAgencyCanDo).Must(Fits).WithErrorCode("Concern_Answer_TooLong").WithMessage("Svaret får vara högst 4 000 tecken.");
        RuleFor(x => x.HelpNeededFromOthers).Must(Fits).WithErrorCode("Concern_Answer_TooLong").WithMessage("Svaret får vara högst 4 000 tecken.");

        RuleFor(x => x.Decision)
            .NotNull().WithErrorCode("Concern_Decision_Required").WithMessage("Välj vad som ska hända härnäst.")
            .IsInEnum().WithErrorCode("Concern_Decision_Required").WithMessage("Välj vad som ska hända härnäst.");
        RuleFor(x => x.HandOverToUnitId)
            .NotNull().When(x => x.Decision == ConcernDecision.HandOverToAnotherAgency)
            .WithErrorCode("Concern_HandOverUnit_Required").WithMessage("Välj vilken enhet oron lämnas över till.");

        RuleFor(x => x.ReportedOn)
            .NotNull().When(x => x.ReportedToSocialServices, ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Concern_ReportedOn_Required").WithMessage("Ange när anmälan till socialtjänsten gjordes.")
            .Must(d => d <= DateOnly.FromDateTime(clock.GetLocalNow().DateTime))
            .When(x => x.ReportedToSocialServices && x.ReportedOn is not null, ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Concern_ReportedOn_Future").WithMessage("Datumet för anmälan kan inte ligga i framtiden.");
    }

    private static bool Fits(string? text) => (text?.Length ?? 0) <= AnswerMaxLength;
}
