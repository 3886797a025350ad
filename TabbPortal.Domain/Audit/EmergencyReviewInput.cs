using FluentValidation;

namespace TabbPortal.Domain.Audit;

/// <summary>The log reviewer's conclusion on one emergency access.</summary>
public sealed class EmergencyReviewInput
{
    public const int ConclusionMaxLength = 2000;

    public string? Conclusion { get; set; }
}

public sealed class EmergencyReviewInputValidator : AbstractValidator<EmergencyReviewInput>
{
    public EmergencyReviewInputValidator()
    {
        RuleFor(x => x.Conclusion)
            .Must(c => !string.IsNullOrWhiteSpace(c)).WithErrorCode("EmergencyReview_Conclusion_Required").WithMessage("Skriv granskningens slutsats.")
            .MaximumLength(EmergencyReviewInput.ConclusionMaxLength).WithErrorCode("EmergencyReview_Conclusion_TooLong")
            .WithMessage("Slutsatsen får vara högst 2 000 tecken.");
    }
}
