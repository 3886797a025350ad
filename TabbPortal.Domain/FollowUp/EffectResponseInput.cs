using FluentValidation;
using TabbPortal.Domain.Reporting;

namespace TabbPortal.Domain.FollowUp;

/// <summary>
/// One filled-in questionnaire: who answered (kind only), in which municipality and month, and the answers by question
/// code (null = not answered). There is deliberately no free text: see ADR-010.
/// </summary>
public sealed class EffectResponseInput
{
    public RespondentKind? Kind { get; set; }

    public Guid? MunicipalityId { get; set; }

    /// <summary>"yyyy-MM"; for answers in the portal it is the current month, for paper the month of the meeting.</summary>
    public string? Month { get; set; }

    public Dictionary<string, int?> Answers { get; set; } = [];

    /// <summary>Empty answers for every question of the kind, keeping those already given.</summary>
    public void PrepareFor(RespondentKind kind)
    {
        Kind = kind;
        Answers = EffectQuestionnaire.For(kind).ToDictionary(q => q.Code, q => Answers.GetValueOrDefault(q.Code));
    }
}

public sealed class EffectResponseInputValidator : AbstractValidator<EffectResponseInput>
{
    public EffectResponseInputValidator(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Kind)
            .Must(k => k is { } kind && Enum.IsDefined(kind))
            .WithErrorCode("Effect_Kind_Required").WithMessage("Välj vem som svarar.");
        RuleFor(x => x.MunicipalityId)
            .Must(id => id is { } value && value != Guid.Empty)
            .WithErrorCode("Effect_Municipality_Required").WithMessage("Välj kommun.");
        RuleFor(x => x.Month)
            .Must(m => YearMonth.Parse(m) is not null)
            .WithErrorCode("Effect_Month_Required").WithMessage("Ange månaden för mötet (år och månad).");
        RuleFor(x => x.Month)
            .Must(m => YearMonth.Parse(m) is not { } month || month <= YearMonth.Of(DateOnly.FromDateTime(clock.GetLocalNow().DateTime)))
            .WithErrorCode("Effect_Month_Future").WithMessage("Månaden kan inte ligga i framtiden.");
        RuleFor(x => x.Answers)
            .Must((input, answers) => input.Kind is not { } kind || answers.Keys.All(code => EffectQuestionnaire.Find(code)?.Kind == kind))
            .WithErrorCode("Effect_Answers_WrongQuestionnaire").WithMessage("Svaren hör inte till den här enkäten.");
        RuleFor(x => x.Answers)
            .Must(answers => answers.Values.Any(v => v is not null))
            .WithErrorCode("Effect_Answers_Required").WithMessage("Svara på minst en fråga.");
        RuleFor(x => x.Answers)
            .Must(answers => answers.Values.All(v => v is null or >= EffectQuestionnaire.MinAnswer and <= EffectQuestionnaire.MaxAnswer))
            .WithErrorCode("Effect_Answer_OutOfRange").WithMessage("Välj ett svar mellan 1 och 5.");
    }
}
