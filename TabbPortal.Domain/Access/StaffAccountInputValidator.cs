using FluentValidation;
using TabbPortal.Domain.Common;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Domain.Access;

public sealed class StaffAccountInputValidator : AbstractValidator<StaffAccountInput>
{
    public StaffAccountInputValidator(IOrganisationDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);

        RuleFor(x => x.DisplayName)
            .Must(n => Text.Normalise(n).Length > 0).WithErrorCode("Account_Name_Required").WithMessage("Ange personens namn.")
            .Must(n => Text.Normalise(n).Length <= 200).WithErrorCode("Account_Name_TooLong").WithMessage("Namnet får vara högst 200 tecken.");

        RuleFor(x => x.Email)
            .Must(e => !string.IsNullOrWhiteSpace(e)).WithErrorCode("Account_Email_Required").WithMessage("Ange en e-postadress.")
            .DependentRules(() =>
            {
                RuleFor(x => x.Email)
                    .Must(e => EmailAddress.TryParse(e, out _))
                    .WithErrorCode("Account_Email_Invalid").WithMessage("Ange en giltig e-postadress, till exempel namn@kommun.se.")
                    .DependentRules(() =>
                    {
                        RuleFor(x => x.Email)
                            .MustAsync(async (input, email, ct) => !await directory.IsEmailTakenAsync(EmailAddress.Parse(email).Value, input.Id, ct))
                            .WithErrorCode("Account_Email_Taken").WithMessage("Det finns redan ett konto med den e-postadressen.");
                    });
            });

        RuleFor(x => x.Title)
            .Must(t => Text.Normalise(t).Length <= 100).WithErrorCode("Account_Title_TooLong").WithMessage("Titeln får vara högst 100 tecken.");

        RuleFor(x => x.Role)
            .Must(r => PortalRoles.All.Contains(r)).WithErrorCode("Account_Role_Required").WithMessage("Välj en roll.");

        RuleFor(x => x.UnitId)
            .NotNull().When(x => PortalRoles.RequiresUnit(x.Role), ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Account_Unit_Required").WithMessage("En yrkesverksam måste höra till en enhet.")
            .MustAsync(async (id, ct) => await directory.IsActiveUnitAsync(id!.Value, ct))
            .When(x => x.UnitId is not null, ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Account_Unit_Inactive").WithMessage("Enheten finns inte eller är inaktiverad.");

        RuleFor(x => x.Password)
            .Must(p => !string.IsNullOrWhiteSpace(p)).When(x => x.IsNew, ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Account_Password_Required").WithMessage("Ange ett startlösenord.")
            .Must(PasswordPolicy.IsStrongEnough).When(x => !string.IsNullOrWhiteSpace(x.Password), ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Account_Password_Weak")
            .WithMessage($"Lösenordet måste ha minst {PasswordPolicy.MinimumLength} tecken med stora och små bokstäver och en siffra.");
    }
}
