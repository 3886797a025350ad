using FluentValidation;
using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Organisations;

public sealed class UnitInputValidator : AbstractValidator<UnitInput>
{
    public const int NameMaxLength = 200;

    public UnitInputValidator(IOrganisationDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);

        RuleFor(x => x.OrganisationId)
            .NotNull().WithErrorCode("Unit_Organisation_Required").WithMessage("Välj vilken organisation enheten hör till.")
            .MustAsync(async (id, ct) => await directory.FindActiveOrganisationKindAsync(id!.Value, ct) is not null)
            .When(x => x.OrganisationId is not null, ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Unit_Organisation_Inactive").WithMessage("Organisationen finns inte eller är inaktiverad.");

        RuleFor(x => x.Name)
            .Must(name => Text.Normalise(name).Length > 0)
            .WithErrorCode("Unit_Name_Required").WithMessage("Ange enhetens namn.")
            .DependentRules(() =>
            {
                RuleFor(x => x.Name)
                    .Must(name => Text.Normalise(name).Length <= NameMaxLength)
                    .WithErrorCode("Unit_Name_TooLong").WithMessage($"Namnet får vara högst {NameMaxLength} tecken.")
                    .MustAsync(async (input, name, ct) => input.OrganisationId is null
                        || !await directory.IsUnitNameTakenAsync(input.OrganisationId.Value, Text.Normalise(name), input.Id, ct))
                    .WithErrorCode("Unit_Name_Taken").WithMessage("Organisationen har redan en enhet med det namnet.");
            });

        RuleFor(x => x.Type)
            .NotNull().WithErrorCode("Unit_Type_Required").WithMessage("Välj typ av enhet.")
            .IsInEnum().WithErrorCode("Unit_Type_Required").WithMessage("Välj typ av enhet.")
            .MustAsync(async (input, type, ct) =>
            {
                if (input.OrganisationId is null || type is null || !Enum.IsDefined(type.Value))
                {
                    return true;
                }

                var kind = await directory.FindActiveOrganisationKindAsync(input.OrganisationId.Value, ct);
                return kind is null || type.Value.IsRunBy(kind.Value);
            })
            .WithErrorCode("Unit_Type_NotRunByOrganisation").WithMessage("Den här typen av enhet drivs inte av den valda organisationen.");

        RuleFor(x => x.Municipality)
            .Must(m => Text.Normalise(m).Length <= 100)
            .WithErrorCode("Unit_Municipality_TooLong").WithMessage("Kommunens namn får vara högst 100 tecken.");
    }
}
