using FluentValidation;
using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Implementation;

/// <summary>A process leader's form for a step of the implementation plan.</summary>
public sealed class StepInput
{
    public Guid? Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public int? Order { get; set; }

    public StepScope? Scope { get; set; }

    public bool MeasuresShare { get; set; }
}

public sealed class StepInputValidator : AbstractValidator<StepInput>
{
    public StepInputValidator()
    {
        RuleFor(x => x.Name)
            .Must(n => Text.Normalise(n).Length > 0).WithErrorCode("Step_Name_Required").WithMessage("Ge steget ett namn.")
            .Must(n => Text.Normalise(n).Length <= ImplementationStep.NameMaxLength).WithErrorCode("Step_Name_TooLong").WithMessage("Namnet får vara högst 120 tecken.");
        RuleFor(x => x.Description)
            .Must(d => (d?.Length ?? 0) <= ImplementationStep.DescriptionMaxLength)
            .WithErrorCode("Step_Description_TooLong").WithMessage("Beskrivningen får vara högst 1 000 tecken.");
        RuleFor(x => x.Order)
            .NotNull().WithErrorCode("Step_Order_Invalid").WithMessage("Ordningen är ett heltal från 1.")
            .GreaterThanOrEqualTo(1).WithErrorCode("Step_Order_Invalid").WithMessage("Ordningen är ett heltal från 1.");
        RuleFor(x => x.Scope)
            .NotNull().WithErrorCode("Step_Scope_Required").WithMessage("Välj om steget gäller organisationen eller varje enhet.")
            .IsInEnum().WithErrorCode("Step_Scope_Required").WithMessage("Välj om steget gäller organisationen eller varje enhet.");
    }
}
