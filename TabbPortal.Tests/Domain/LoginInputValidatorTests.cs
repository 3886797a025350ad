using TabbPortal.Domain.Access;

namespace TabbPortal.Tests.Domain;

public sealed class LoginInputValidatorTests
{
    private readonly LoginInputValidator _validator = new();

    [Fact]
    public void AcceptsEmailAndPassword()
    {
        var result = _validator.Validate(new LoginInput { Email = " Anna@Flen.se ", Password = "x" });

        ValidationAssert.Valid(result);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RejectsEmptyEmailWithOneMessage(string email)
    {
        var result = _validator.Validate(new LoginInput { Email = email, Password = "x" });

        ValidationAssert.SingleError(result, nameof(LoginInput.Email), "Login_Email_Required");
    }

    [Theory]
    [InlineData("anna.flen.se")]
    [InlineData("anna@flen")]
    [InlineData("anna @flen.se")]
    [InlineData("anna@@flen.se")]
    public void RejectsInvalidEmail(string email)
    {
        var result = _validator.Validate(new LoginInput { Email = email, Password = "x" });

        ValidationAssert.SingleError(result, nameof(LoginInput.Email), "Account_Email_Invalid");
    }

    [Fact]
    public void RejectsEmptyPassword()
    {
        var result = _validator.Validate(new LoginInput { Email = "anna@flen.se", Password = string.Empty });

        ValidationAssert.SingleError(result, nameof(LoginInput.Password), "Login_Password_Required");
    }
}
