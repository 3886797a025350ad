using FluentValidation;
using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Organisations;

public sealed class OrganisationInputValidator : AbstractValidator<OrganisationInput>
{
    public const int NameMaxLength = 200;

    public OrganisationInputValidator(IOrganisationDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);

        RuleFor(x => x.Name)
            .Must(name => Text.Normalise(name).Length > 0)
            .WithErrorCode("Organisation_Name_Required").WithMessage("Ange organisationens namn.")
            .DependentRules(() =>
            {
                RuleFor(x => x.Name)
                    .Must(name => Text.Normalise(name).Length <= NameMaxLength)
                    .WithErrorCode("Organisation_Name_TooLong").WithMessage($"Namnet får vara högst {NameMaxLength} tecken.")
                    .MustAsync(async (input, name, ct) => !await directory.IsOrganisationNameTakenAsync(Text.Normalise(name), input.Id, ct))
                    .WithErrorCode("Organisation_Name_Taken").WithMessage("Det finns redan en organisation med det namnet.");
            });

        RuleFor(x => x.Kind)
            .NotNull().WithErrorCode("Organisation_Kind_Required").WithMessage("Välj typ av organisation.")
            .IsInEnum().WithErrorCode("Organisation_Kind_Required").WithMessage("Välj typ av organisation.");

        RuleFor(x => x.SubRegion)
            .NotNull().When(x => x.Kind == OrganisationKind.Municipality)
            .WithErrorCode("Organisation_SubRegion_Required").WithMessage("En kommun måste höra till en delregion.");
        RuleFor(x => x.SubRegion).IsInEnum()
            .WithErrorCode("Organisation_SubRegion_Required").WithMessage("En kommun måste höra till en delregion.");
    }
}
