using FluentValidation;
using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Assessments;

/// <summary>What a practitioner enters for one perspective's assessment.</summary>
public sealed class AssessmentInput
{
    public DateOnly? AssessedOn { get; set; }

    public Perspective? Perspective { get; set; }

    public string? GuardianName { get; set; }

    public List<RatingInput> Ratings { get; set; } = [.. Enum.GetValues<WellbeingIndicator>().Select(i => new RatingInput { Indicator = i })];

    public MyWorld MyWorld { get; set; } = new();

    public ResilienceMatrix Resilience { get; set; } = new();
}

public sealed class RatingInput
{
    public WellbeingIndicator Indicator { get; set; }

    public int? Score { get; set; }

    public string? Comment { get; set; }
}

public sealed class AssessmentInputValidator : AbstractValidator<AssessmentInput>
{
    public const int TextMaxLength = 2000;

    public AssessmentInputValidator(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.AssessedOn)
            .NotNull().WithErrorCode("Assessment_Date_Required").WithMessage("Ange datum för bedömningen.")
            .Must(d => d <= DateOnly.FromDateTime(clock.GetLocalNow().DateTime))
            .When(x => x.AssessedOn is not null, ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Assessment_Date_Invalid").WithMessage("Ange ett datum som inte ligger i framtiden.");
        RuleFor(x => x.Perspective)
            .NotNull().WithErrorCode("Assessment_Perspective_Required").WithMessage("Välj vems bedömning det är.")
            .IsInEnum().WithErrorCode("Assessment_Perspective_Required").WithMessage("Välj vems bedömning det är.");
        RuleFor(x => x.GuardianName)
            .Must(n => Text.Normalise(n).Length > 0).When(x => x.Perspective == Perspective.Guardian)
            .WithErrorCode("Assessment_Guardian_Required").WithMessage("Ange vilken vårdnadshavare bedömningen kommer från.");
        RuleFor(x => x.GuardianName)
            .Must(n => Text.Normalise(n).Length <= 200)
            .WithErrorCode("Guardian_Name_TooLong").WithMessage("Namnet får vara högst 200 tecken.");
        RuleFor(x => x.Ratings)
            .Must(r => r.Any(x => x.Score is not null)).WithErrorCode("Assessment_Ratings_Required").WithMessage("Skatta minst ett område i hjulet.");
        RuleForEach(x => x.Ratings).ChildRules(rating =>
        {
            rating.RuleFor(r => r.Score)
                .InclusiveBetween(WellbeingAssessment.MinScore, WellbeingAssessment.MaxScore).When(r => r.Score is not null)
                .WithErrorCode("Assessment_Score_Invalid").WithMessage("Skatta varje område med ett värde från 1 till 5.");
            rating.RuleFor(r => r.Comment)
                .Must(c => (c?.Length ?? 0) <= TextMaxLength).WithErrorCode("Plan_Text_TooLong").WithMessage("Texten får vara högst 2 000 tecken.");
        });
        RuleFor(x => x.MyWorld.GrowingStrengths).Must(Fits).WithErrorCode("Plan_Text_TooLong").WithMessage("Texten får vara högst 2 000 tecken.");
        RuleFor(x => x.MyWorld.GrowingConcerns).Must(Fits).WithErrorCode("Plan_Text_TooLong").WithMessage("Texten får vara högst 2 000 tecken.");
        RuleFor(x => x.MyWorld.CareStrengths).Must(Fits).WithErrorCode("Plan_Text_TooLong").WithMessage("Texten får vara högst 2 000 tecken.");
        RuleFor(x => x.MyWorld.CareConcerns).Must(Fits).WithErrorCode("Plan_Text_TooLong").WithMessage("Texten får vara högst 2 000 tecken.");
        RuleFor(x => x.MyWorld.WorldStrengths).Must(Fits).WithErrorCode("Plan_Text_TooLong").WithMessage("Texten får vara högst 2 000 tecken.");
        RuleFor(x => x.MyWorld.WorldConcerns).Must(Fits).WithErrorCode("Plan_Text_TooLong").WithMessage("Texten får vara högst 2 000 tecken.");
        RuleFor(x => x.Resilience.Resilience).Must(Fits).WithErrorCode("Plan_Text_TooLong").WithMessage("Texten får vara högst 2 000 tecken.");
        RuleFor(x => x.Resilience.Vulnerability).Must(Fits).WithErrorCode("Plan_Text_TooLong").WithMessage("Texten får vara högst 2 000 tecken.");
        RuleFor(x => x.Resilience.ProtectiveEnvironment).Must(Fits).WithErrorCode("Plan_Text_TooLong").WithMessage("Texten får vara högst 2 000 tecken.");
        RuleFor(x => x.Resilience.Adversity).Must(Fits).WithErrorCode("Plan_Text_TooLong").WithMessage("Texten får vara högst 2 000 tecken.");
    }

    private static bool Fits(string? text) => (text?.Length ?? 0) <= TextMaxLength;
}
