using FluentValidation;

namespace TabbPortal.Domain.Plans;

/// <summary>What is recorded at a review of the plan.</summary>
public sealed class ReviewInput
{
    public DateOnly? HeldOn { get; set; }

    public Dictionary<Guid, GoalJudgement?> Judgements { get; set; } = [];

    public DateOnly? NextReviewOn { get; set; }

    public string? Notes { get; set; }
}

public sealed class ReviewInputValidator : AbstractValidator<ReviewInput>
{
    public ReviewInputValidator(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.HeldOn)
            .NotNull().WithErrorCode("Review_HeldOn_Required").WithMessage("Ange när uppföljningen hölls.")
            .Must(d => d <= DateOnly.FromDateTime(clock.GetLocalNow().DateTime))
            .When(x => x.HeldOn is not null, ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Review_HeldOn_Future").WithMessage("En uppföljning kan inte registreras innan den hållits.");
        RuleFor(x => x.Judgements)
            .Must(j => j.Count > 0 && j.Values.All(v => v is not null))
            .WithErrorCode("Review_AllGoalsRequired").WithMessage("Bedöm vart och ett av planens mål.");
        RuleFor(x => x.NextReviewOn)
            .Must((input, next) => input.HeldOn is null || next > input.HeldOn)
            .When(x => x.NextReviewOn is not null)
            .WithErrorCode("Review_Next_NotAfter").WithMessage("Nästa uppföljning måste ligga efter den här.");
        RuleFor(x => x.Notes)
            .Must(n => (n?.Length ?? 0) <= PlanViewsInputValidator.TextMaxLength)
            .WithErrorCode("Plan_LongText_TooLong").WithMessage("Texten får vara högst 4 000 tecken.");
    }
}
