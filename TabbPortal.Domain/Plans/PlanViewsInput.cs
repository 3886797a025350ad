using FluentValidation;
using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Plans;

/// <summary>The summary and the views of the child and the guardians, recorded separately, disagreements included.</summary>
public sealed class PlanViewsInput
{
    public string? Summary { get; set; }

    /// <summary>Leave the summary out of the family's copy of the plan.</summary>
    public bool SummaryWithheldFromFamily { get; set; }

    public string? ChildViews { get; set; }

    public string? ChildViewsMissingReason { get; set; }

    public string? GuardianViews { get; set; }

    /// <summary>The fields by name, for merging with what someone else saved meanwhile (<see cref="FieldMerge"/>).</summary>
    public IReadOnlyDictionary<string, string?> ToFields() => new Dictionary<string, string?>
    {
        [nameof(Summary)] = Summary,
        [nameof(SummaryWithheldFromFamily)] = SummaryWithheldFromFamily ? "true" : null,
        [nameof(ChildViews)] = ChildViews,
        [nameof(ChildViewsMissingReason)] = ChildViewsMissingReason,
        [nameof(GuardianViews)] = GuardianViews,
    };

    public static PlanViewsInput FromFields(IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new PlanViewsInput
        {
            Summary = fields.GetValueOrDefault(nameof(Summary)),
            SummaryWithheldFromFamily = fields.GetValueOrDefault(nameof(SummaryWithheldFromFamily)) == "true",
            ChildViews = fields.GetValueOrDefault(nameof(ChildViews)),
            ChildViewsMissingReason = fields.GetValueOrDefault(nameof(ChildViewsMissingReason)),
            GuardianViews = fields.GetValueOrDefault(nameof(GuardianViews)),
        };
    }
}

public sealed class PlanViewsInputValidator : AbstractValidator<PlanViewsInput>
{
    public const int TextMaxLength = 4000;

    public PlanViewsInputValidator()
    {
        RuleFor(x => x.ChildViewsMissingReason)
            .Must(r => Text.Normalise(r).Length > 0)
            .When(x => Text.Normalise(x.ChildViews).Length == 0)
            .WithErrorCode("Plan_ChildViews_ReasonRequired").WithMessage("Skriv barnets egna synpunkter, eller varför de saknas.");
        RuleFor(x => x.Summary).Must(Fits).WithErrorCode("Plan_LongText_TooLong").WithMessage("Texten får vara högst 4 000 tecken.");
        RuleFor(x => x.ChildViews).Must(Fits).WithErrorCode("Plan_LongText_TooLong").WithMessage("Texten får vara högst 4 000 tecken.");
        RuleFor(x => x.ChildViewsMissingReason).Must(Fits).WithErrorCode("Plan_LongText_TooLong").WithMessage("Texten får vara högst 4 000 tecken.");
        RuleFor(x => x.GuardianViews).Must(Fits).WithErrorCode("Plan_LongText_TooLong").WithMessage("Texten får vara högst 4 000 tecken.");
    }

    private static bool Fits(string? text) => (text?.Length ?? 0) <= TextMaxLength;
}
