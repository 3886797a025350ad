using TabbPortal.Domain.Access;
using TabbPortal.Domain.Organisations;
using TabbPortal.Tests.Components;

namespace TabbPortal.Tests.Domain;

public sealed class StaffAccountInputValidatorTests
{
    private const string StrongPassword = "Sommarlov2025";
    private static readonly Guid FlenId = Guid.NewGuid();
    private static readonly Guid ClosedId = Guid.NewGuid();
    private static readonly Guid SchoolId = Guid.NewGuid();
    private static readonly Guid ClosedUnitId = Guid.NewGuid();
    private static readonly Guid UnitOfClosedOrganisationId = Guid.NewGuid();

    private readonly FakeOrganisationDirectory _directory = new FakeOrganisationDirectory()
        .WithOrganisation(FlenId, "Flens kommun", OrganisationKind.Municipality)
        .WithOrganisation(ClosedId, "Gamla kommunen", OrganisationKind.Municipality, isActive: false)
        .WithUnit(SchoolId, FlenId, "Stenhammarskolan")
        .WithUnit(ClosedUnitId, FlenId, "Nedlagda skolan", isActive: false)
        .WithUnit(UnitOfClosedOrganisationId, ClosedId, "Gamla skolan")
        .WithAccount("user-1", "karin.berg@flen.se");

    private StaffAccountInputValidator Validator => new(_directory);

    private static StaffAccountInput NewPractitioner() => new()
    {
        DisplayName = "Anna Andersson",
        Email = "anna.andersson@flen.se",
        Title = "Kurator",
        Role = PortalRoles.Practitioner,
        UnitId = SchoolId,
        Password = StrongPassword,
    };

    [Fact]
    public async Task AcceptsANewPractitionerWithUnitAndStrongPassword()
    {
        ValidationAssert.Valid(await Validator.ValidateAsync(NewPractitioner()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public async Task RejectsEmptyName(string name)
    {
        var input = NewPractitioner();
        input.DisplayName = name;

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(StaffAccountInput.DisplayName), "Account_Name_Required");
    }

    [Fact]
    public async Task RejectsNameLongerThan200Characters()
    {
        var input = NewPractitioner();
        input.DisplayName = new string('n', 201);

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(StaffAccountInput.DisplayName), "Account_Name_TooLong");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task RejectsEmptyEmail(string email)
    {
        var input = NewPractitioner();
        input.Email = email;

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(StaffAccountInput.Email), "Account_Email_Required");
    }

    [Theory]
    [InlineData("anna.andersson.flen.se")]           // missing @
    [InlineData("anna@flen")]                        // no top-level domain
    [InlineData("anna@flen.s")]                      // one-letter top-level domain
    [InlineData("anna andersson@flen.se")]           // space in the local part
    [InlineData("anna@flen .se")]                    // space in the domain
    [InlineData("anna@@flen.se")]                    // double @
    [InlineData("anna@kommun@flen.se")]              // two @
    [InlineData("@flen.se")]                         // no local part
    [InlineData("anna@")]                            // no domain
    [InlineData("anna@.se")]                         // empty domain label
    [InlineData("anna@flen..se")]                    // empty label between dots
    [InlineData("anna@-flen.se")]                    // label starting with a hyphen
    [InlineData("anna@flen.se.")]                    // trailing dot
    public async Task RejectsInvalidEmail(string email)
    {
        var input = NewPractitioner();
        input.Email = email;

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(StaffAccountInput.Email), "Account_Email_Invalid");
    }

    [Fact]
    public async Task DoesNotLookUpAnInvalidEmailInTheDirectory()
    {
        var input = NewPractitioner();
        input.Email = "anna@@flen.se";

        await Validator.ValidateAsync(input);

        Assert.DoesNotContain(_directory.Questions, q => q.StartsWith("Email:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("anna@flen.se")]
    [InlineData("Anna.Andersson@Flen.SE")]
    [InlineData("  anna@flen.se  ")]
    [InlineData("anna+tabb@regionsormland.se")]
    [InlineData("a_b-c@skola.katrineholm.se")]
    [InlineData("anna@sörmland.se")]
    public async Task AcceptsValidEmail(string email)
    {
        var input = NewPractitioner();
        input.Email = email;

        ValidationAssert.Valid(await Validator.ValidateAsync(input));
    }

    [Fact]
    public async Task RejectsEmailThatIsTaken()
    {
        var input = NewPractitioner();
        input.Email = "karin.berg@flen.se";

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(StaffAccountInput.Email), "Account_Email_Taken");
    }

    [Fact]
    public async Task RejectsTakenEmailWrittenWithCapitalsAndSpaces()
    {
        var input = NewPractitioner();
        input.Email = "  Karin.Berg@FLEN.se ";

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(StaffAccountInput.Email), "Account_Email_Taken");
        Assert.Contains("Email:karin.berg@flen.se", _directory.Questions);
    }

    [Fact]
    public async Task AcceptsTheAccountsOwnEmailWhenEditing()
    {
        var input = NewPractitioner();
        input.Id = "user-1";
        input.Email = "karin.berg@flen.se";
        input.Password = null;

        ValidationAssert.Valid(await Validator.ValidateAsync(input));
    }

    [Fact]
    public async Task RejectsTitleLongerThan100Characters()
    {
        var input = NewPractitioner();
        input.Title = new string('t', 101);

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(StaffAccountInput.Title), "Account_Title_TooLong");
    }

    [Fact]
    public async Task AcceptsMissingTitle()
    {
        var input = NewPractitioner();
        input.Title = null;

        ValidationAssert.Valid(await Validator.ValidateAsync(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Admin")]
    [InlineData("practitioner")]
    [InlineData(" Practitioner")]
    public async Task RejectsUnknownRole(string role)
    {
        var input = NewPractitioner();
        input.Role = role;

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(StaffAccountInput.Role), "Account_Role_Required");
    }

    [Fact]
    public async Task RejectsPractitionerWithoutUnit()
    {
        var input = NewPractitioner();
        input.UnitId = null;

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(StaffAccountInput.UnitId), "Account_Unit_Required");
    }

    [Theory]
    [InlineData(PortalRoles.ProcessLeader)]
    [InlineData(PortalRoles.Administrator)]
    public async Task AcceptsCountyWideRoleWithoutUnit(string role)
    {
        var input = NewPractitioner();
        input.Role = role;
        input.UnitId = null;

        ValidationAssert.Valid(await Validator.ValidateAsync(input));
    }

    [Fact]
    public async Task RejectsAnInactiveUnit()
    {
        var input = NewPractitioner();
        input.UnitId = ClosedUnitId;

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(StaffAccountInput.UnitId), "Account_Unit_Inactive");
    }

    [Fact]
    public async Task RejectsAUnitOfAnInactiveOrganisation()
    {
        var input = NewPractitioner();
        input.UnitId = UnitOfClosedOrganisationId;

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(StaffAccountInput.UnitId), "Account_Unit_Inactive");
    }

    [Fact]
    public async Task RejectsAnUnknownUnitEvenForAProcessLeader()
    {
        var input = NewPractitioner();
        input.Role = PortalRoles.ProcessLeader;
        input.UnitId = Guid.NewGuid();

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(StaffAccountInput.UnitId), "Account_Unit_Inactive");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task RejectsNewAccountWithoutPassword(string? password)
    {
        var input = NewPractitioner();
        input.Password = password;

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(StaffAccountInput.Password), "Account_Password_Required");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task AcceptsEditWithoutPassword(string? password)
    {
        var input = NewPractitioner();
        input.Id = "user-2";
        input.Password = password;

        ValidationAssert.Valid(await Validator.ValidateAsync(input));
    }

    [Theory]
    [InlineData("Kort1a")]                // too short
    [InlineData("Elva1Tecken")]           // 11 characters
    [InlineData("sommarlov2025")]         // no capital
    [InlineData("SOMMARLOV2025")]         // no small letter
    [InlineData("Sommarlovtabb")]         // no digit
    public async Task RejectsWeakPasswordForANewAccount(string password)
    {
        var input = NewPractitioner();
        input.Password = password;

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(StaffAccountInput.Password), "Account_Password_Weak");
    }

    [Fact]
    public async Task TreatsAPasswordOfOnlySpacesOnANewAccountAsMissing()
    {
        var input = NewPractitioner();
        input.Password = new string(' ', PasswordPolicy.MinimumLength);

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(StaffAccountInput.Password), "Account_Password_Required");
    }

    [Fact]
    public async Task RejectsWeakNewPasswordWhenEditing()
    {
        var input = NewPractitioner();
        input.Id = "user-2";
        input.Password = "kort";

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(StaffAccountInput.Password), "Account_Password_Weak");
    }

    [Fact]
    public async Task RejectsPasswordLongerThanTheMaximum()
    {
        var input = NewPractitioner();
        input.Password = "Aa1" + new string('x', PasswordPolicy.MaximumLength - 2);

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(StaffAccountInput.Password), "Account_Password_Weak");
    }

    [Fact]
    public void RequiresADirectory()
    {
        Assert.Throws<ArgumentNullException>(() => new StaffAccountInputValidator(null!));
    }
}
