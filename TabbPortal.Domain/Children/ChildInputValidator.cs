using System.Text.RegularExpressions;
using FluentValidation;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Common;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Domain.Children;

public sealed class ChildInputValidator : AbstractValidator<ChildInput>
{
    public const int NameMaxLength = 100;

    public ChildInputValidator(IChildDirectory directory, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(clock);

        RuleFor(x => x.GivenName)
            .Must(n => Text.Normalise(n).Length > 0).WithErrorCode("Child_GivenName_Required").WithMessage("Ange barnets förnamn.")
            .Must(n => Text.Normalise(n).Length <= NameMaxLength).WithErrorCode("Child_GivenName_TooLong").WithMessage("Förnamnet får vara högst 100 tecken.");
        RuleFor(x => x.FamilyName)
            .Must(n => Text.Normalise(n).Length > 0).WithErrorCode("Child_FamilyName_Required").WithMessage("Ange barnets efternamn.")
            .Must(n => Text.Normalise(n).Length <= NameMaxLength).WithErrorCode("Child_FamilyName_TooLong").WithMessage("Efternamnet får vara högst 100 tecken.");

        RuleFor(x => x.PersonalIdentityNumber)
            .Custom((text, context) =>
            {
                var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
                if (string.IsNullOrWhiteSpace(text))
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure(context.PropertyPath, "Ange barnets personnummer eller samordningsnummer.")
                    { ErrorCode = "Child_Pin_Required" });
                }
                else if (!PersonalIdentityNumber.TryParse(text, today, out _, out var code))
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure(context.PropertyPath, PersonalIdentityNumber.MessageFor(code!))
                    { ErrorCode = code });
                }
            });
        RuleFor(x => x.PersonalIdentityNumber)
            .MustAsync(async (input, text, ct) =>
            {
                var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
                return !PersonalIdentityNumber.TryParse(text, today, out var number, out _)
                    || !await directory.IsRegisteredAsync(number!.Value, input.Id, ct);
            })
            .WithErrorCode("Child_Pin_Taken").WithMessage("Ett barn med det personnumret finns redan registrerat.");

        RuleFor(x => x.MunicipalityId)
            .NotNull().WithErrorCode("Child_Municipality_Required").WithMessage("Välj den kommun barnet bor i.")
            .MustAsync(async (id, ct) => await directory.IsActiveMunicipalityAsync(id!.Value, ct))
            .When(x => x.MunicipalityId is not null, ApplyConditionTo.CurrentValidator)
            .WithErrorCode("Child_Municipality_Invalid").WithMessage("Välj en av länets kommuner.");

        RuleFor(x => x.SchoolUnitId)
            .MustAsync(async (id, ct) => await directory.FindActiveUnitTypeAsync(id!.Value, ct) is UnitType.Preschool or UnitType.School)
            .When(x => x.SchoolUnitId is not null)
            .WithErrorCode("Child_School_Invalid").WithMessage("Välj en förskola eller skola.");

        RuleForEach(x => x.Guardians).SetValidator(new GuardianInputValidator());
        RuleFor(x => x.Guardians)
            .Must(g => g.Count <= 6).WithErrorCode("Child_Guardians_TooMany").WithMessage("Högst sex vuxna kan anges.");
    }
}

public sealed partial class GuardianInputValidator : AbstractValidator<GuardianInput>
{
    public GuardianInputValidator()
    {
        RuleFor(x => x.Name)
            .Must(n => Text.Normalise(n).Length > 0).WithErrorCode("Guardian_Name_Required").WithMessage("Ange vårdnadshavarens namn.")
            .Must(n => Text.Normalise(n).Length <= 200).WithErrorCode("Guardian_Name_TooLong").WithMessage("Namnet får vara högst 200 tecken.");
        RuleFor(x => x.Relationship)
            .Must(r => Text.Normalise(r).Length <= 50).WithErrorCode("Guardian_Relationship_TooLong").WithMessage("Relationen får vara högst 50 tecken.");
        RuleFor(x => x.Phone)
            .Must(p => string.IsNullOrWhiteSpace(p) || PhoneShape().IsMatch(p.Trim()))
            .WithErrorCode("Guardian_Phone_Invalid").WithMessage("Ange telefonnumret med siffror, till exempel 070-123 45 67.");
        RuleFor(x => x.Email)
            .Must(e => string.IsNullOrWhiteSpace(e) || EmailAddress.TryParse(e, out _))
            .WithErrorCode("Guardian_Email_Invalid").WithMessage("Ange en giltig e-postadress, till exempel namn@exempel.se.");
    }

    // Digits with optional leading +, and spaces or hyphens between groups: 070-123 45 67, +46 70 123 45 67.
    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{5,18}[0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneShape();
}
