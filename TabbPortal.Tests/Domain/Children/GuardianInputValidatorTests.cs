using TabbPortal.Domain.Children;

namespace TabbPortal.Tests.Domain.Children;

public sealed class GuardianInputValidatorTests
{
    private static readonly GuardianInputValidator Validator = new();

    private static GuardianInput Lena() =>
        new() { Name = "Lena Berg", Relationship = "mamma", Phone = "070-123 45 67", Email = "lena@exempel.se" };

    [Fact]
    public void AcceptsACompleteGuardian()
    {
        ValidationAssert.Valid(Validator.Validate(Lena()));
    }

    [Fact]
    public void AcceptsAGuardianWithOnlyAName()
    {
        ValidationAssert.Valid(Validator.Validate(new GuardianInput { Name = "Lena Berg", Relationship = " ", Phone = "  ", Email = "" }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\t")]
    public void RequiresTheName(string name)
    {
        var input = Lena();
        input.Name = name;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(GuardianInput.Name), "Guardian_Name_Required");
    }

    [Fact]
    public void AcceptsANameOfTwoHundredCharacters()
    {
        var input = Lena();
        input.Name = new string('l', 200);

        ValidationAssert.Valid(Validator.Validate(input));
    }

    [Fact]
    public void RefusesANameLongerThanTwoHundredCharacters()
    {
        var input = Lena();
        input.Name = new string('l', 201);

        ValidationAssert.SingleError(Validator.Validate(input), nameof(GuardianInput.Name), "Guardian_Name_TooLong");
    }

    [Fact]
    public void AcceptsARelationshipOfFiftyCharacters()
    {
        var input = Lena();
        input.Relationship = "  " + new string('r', 50) + "  ";

        ValidationAssert.Valid(Validator.Validate(input));
    }

    [Fact]
    public void RefusesARelationshipLongerThanFiftyCharacters()
    {
        var input = Lena();
        input.Relationship = new string('r', 51);

        ValidationAssert.SingleError(Validator.Validate(input), nameof(GuardianInput.Relationship), "Guardian_Relationship_TooLong");
    }

    [Theory]
    [InlineData("070-123 45 67")]
    [InlineData("+46 70 123 45 67")]
    [InlineData("+46701234567")]
    [InlineData("08-12 34 56")]
    [InlineData("12345678901234567890")]
    public void AcceptsPhoneNumbersOfDigitsSpacesAndHyphens(string phone)
    {
        var input = Lena();
        input.Phone = phone;

        ValidationAssert.Valid(Validator.Validate(input));
    }

    [Theory]
    [InlineData("+")]
    [InlineData("123456")]
    [InlineData("-070 123 45 67")]
    [InlineData("070/123 45 67")]
    [InlineData("070.123.45.67")]
    [InlineData("070 123 45 6x")]
    [InlineData("123456789012345678901")]
    [InlineData("+4 6")]
    public void RefusesPhoneNumbersOfOtherShapes(string phone)
    {
        var input = Lena();
        input.Phone = phone;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(GuardianInput.Phone), "Guardian_Phone_Invalid");
    }

    [Theory]
    [InlineData("Lena.Berg@Exempel.SE")]
    [InlineData(" lena@exempel.se ")]
    [InlineData("lena+skola@mail.exempel.se")]
    public void AcceptsValidEmailAddresses(string email)
    {
        var input = Lena();
        input.Email = email;

        ValidationAssert.Valid(Validator.Validate(input));
    }

    [Theory]
    [InlineData("lena")]
    [InlineData("@exempel.se")]
    [InlineData("lena@exempel")]
    [InlineData("lena@@exempel.se")]
    [InlineData("lena@exempel.s")]
    public void RefusesInvalidEmailAddresses(string email)
    {
        var input = Lena();
        input.Email = email;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(GuardianInput.Email), "Guardian_Email_Invalid");
    }
}
