using FluentValidation;

namespace TabbPortal.Domain.Access;

public sealed class LoginInput
{
    public string Email { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;
}

public sealed class LoginInputValidator : AbstractValidator<LoginInput>
{
    public LoginInputValidator()
    {
        RuleFor(x => x.Email)
            .Must(e => !string.IsNullOrWhiteSpace(e)).WithErrorCode("Login_Email_Required").WithMessage("Ange din e-postadress.")
            .Must(e => string.IsNullOrWhiteSpace(e) || EmailAddress.TryParse(e, out _))
            .WithErrorCode("Account_Email_Invalid").WithMessage("Ange en giltig e-postadress, till exempel namn@kommun.se.");
        RuleFor(x => x.Password)
            .NotEmpty().WithErrorCode("Login_Password_Required").WithMessage("Ange ditt lösenord.");
    }
}
