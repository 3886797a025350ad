using System.Globalization;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Tests.Domain.Children;

public sealed class ChildInputValidatorTests
{
    private const string PinProperty = nameof(ChildInput.PersonalIdentityNumber);

    // 23 November 2026, noon UTC; the clock's local time zone is UTC.
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private static readonly Guid FlenId = Guid.NewGuid();
    private static readonly Guid PreschoolId = Guid.NewGuid();
    private static readonly Guid SchoolId = Guid.NewGuid();
    private static readonly Guid StudentHealthId = Guid.NewGuid();

    private static readonly string AlvasNumber = TestPins.WithControlDigit("20150301-123");
    private static readonly string AlvasCanonicalNumber = TestPins.WithControlDigit("20150301123");

    private readonly FakeChildDirectory _directory = new FakeChildDirectory()
        .WithMunicipality(FlenId)
        .WithUnit(PreschoolId, UnitType.Preschool)
        .WithUnit(SchoolId, UnitType.School)
        .WithUnit(StudentHealthId, UnitType.StudentHealth);

    private ChildInputValidator Validator => new(_directory, Clock);

    private static ChildInput Alva(string? number = null) => new()
    {
        GivenName = "Alva",
        FamilyName = "Berg",
        PersonalIdentityNumber = number ?? AlvasNumber,
        MunicipalityId = FlenId,
        SchoolUnitId = SchoolId,
        Guardians = [new GuardianInput { Name = "Lena Berg", Relationship = "mamma", Phone = "070-123 45 67", Email = "lena@exempel.se" }],
    };

    private static List<GuardianInput> Guardians(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new GuardianInput { Name = "Vuxen " + i.ToString(CultureInfo.InvariantCulture) })];

    [Fact]
    public async Task AcceptsACompleteChild()
    {
        ValidationAssert.Valid(await Validator.ValidateAsync(Alva()));
    }

    [Fact]
    public async Task AcceptsAChildWithoutSchoolAndWithoutGuardians()
    {
        var input = Alva();
        input.SchoolUnitId = null;
        input.Guardians = [];

        ValidationAssert.Valid(await Validator.ValidateAsync(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public async Task RequiresTheGivenName(string givenName)
    {
        var input = Alva();
        input.GivenName = givenName;

        ValidationAssert.SingleError(await Validator.ValidateAsync(input), nameof(ChildInput.GivenName), "Child_GivenName_Required");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task RequiresTheFamilyName(string familyName)
    {
        var input = Alva();
        input.FamilyName = familyName;

        ValidationAssert.SingleError(await Validator.ValidateAsync(input), nameof(ChildInput.FamilyName), "Child_FamilyName_Required");
    }

    [Fact]
    public async Task RefusesAGivenNameLongerThanTheMaximum()
    {
        var input = Alva();
        input.GivenName = new string('a', ChildInputValidator.NameMaxLength + 1);

        ValidationAssert.SingleError(await Validator.ValidateAsync(input), nameof(ChildInput.GivenName), "Child_GivenName_TooLong");
    }

    [Fact]
    public async Task RefusesAFamilyNameLongerThanTheMaximum()
    {
        var input = Alva();
        input.FamilyName = new string('b', ChildInputValidator.NameMaxLength + 1);

        ValidationAssert.SingleError(await Validator.ValidateAsync(input), nameof(ChildInput.FamilyName), "Child_FamilyName_TooLong");
    }

    [Fact]
    public async Task AcceptsNamesOfExactlyTheMaximumLengthCountedAfterNormalising()
    {
        var input = Alva();
        input.GivenName = "   " + new string('a', ChildInputValidator.NameMaxLength) + "   ";
        input.FamilyName = new string('b', 49) + "     " + new string('c', 50);

        ValidationAssert.Valid(await Validator.ValidateAsync(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task RequiresThePersonalIdentityNumber(string number)
    {
        ValidationAssert.SingleError(await Validator.ValidateAsync(Alva(number)), PinProperty, "Child_Pin_Required");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("2015-03-01")]
    [InlineData("12345")]
    [InlineData("20150301_1234")]
    public async Task RefusesANumberOfTheWrongShape(string number)
    {
        ValidationAssert.SingleError(await Validator.ValidateAsync(Alva(number)), PinProperty, "Pin_Format");
    }

    [Theory]
    [InlineData("20151301-123")]
    [InlineData("20150230-123")]
    [InlineData("20150100-123")]
    public async Task RefusesANumberWithoutAValidDate(string withoutControlDigit)
    {
        var result = await Validator.ValidateAsync(Alva(TestPins.WithControlDigit(withoutControlDigit)));

        ValidationAssert.SingleError(result, PinProperty, "Pin_Date");
    }

    [Fact]
    public async Task RefusesANumberWithTheWrongControlDigit()
    {
        var result = await Validator.ValidateAsync(Alva(TestPins.WithWrongControlDigit("20150301-123")));

        ValidationAssert.SingleError(result, PinProperty, "Pin_Checksum");
    }

    [Fact]
    public async Task RefusesABirthDateAfterToday()
    {
        var result = await Validator.ValidateAsync(Alva(TestPins.WithControlDigit("20261124-123")));

        ValidationAssert.SingleError(result, PinProperty, "Pin_Future");
    }

    [Fact]
    public async Task AcceptsAChildBornToday()
    {
        ValidationAssert.Valid(await Validator.ValidateAsync(Alva(TestPins.WithControlDigit("20261123-123"))));
    }

    [Theory]
    [InlineData("121212-1212")]
    [InlineData("20000101-1238")]
    public async Task AcceptsHandCheckedNumbers(string number)
    {
        ValidationAssert.Valid(await Validator.ValidateAsync(Alva(number)));
    }

    [Fact]
    public async Task AcceptsACoordinationNumber()
    {
        ValidationAssert.Valid(await Validator.ValidateAsync(Alva(TestPins.WithControlDigit("20150361-123"))));
    }

    [Fact]
    public async Task AsksTheDirectoryWithTheCanonicalTwelveDigits()
    {
        await Validator.ValidateAsync(Alva(TestPins.WithControlDigit("150301-123")));

        Assert.Equal(AlvasCanonicalNumber, Assert.Single(_directory.Lookups));
    }

    [Fact]
    public async Task DoesNotAskTheDirectoryAboutAnInvalidNumber()
    {
        await Validator.ValidateAsync(Alva(TestPins.WithWrongControlDigit("20150301-123")));

        Assert.Empty(_directory.Lookups);
    }

    [Theory]
    [InlineData("20150301-123")]
    [InlineData("150301-123")]
    [InlineData("20150301123")]
    public async Task RefusesANumberAnotherChildIsRegisteredWithInAnyShape(string withoutControlDigit)
    {
        _directory.WithChild(AlvasCanonicalNumber, Guid.NewGuid());

        var result = await Validator.ValidateAsync(Alva(TestPins.WithControlDigit(withoutControlDigit)));

        ValidationAssert.SingleError(result, PinProperty, "Child_Pin_Taken");
    }

    [Fact]
    public async Task RefusesANumberTakenByAnotherChildWhenChangingDetails()
    {
        _directory.WithChild(AlvasCanonicalNumber, Guid.NewGuid());
        var input = Alva();
        input.Id = Guid.NewGuid();

        ValidationAssert.SingleError(await Validator.ValidateAsync(input), PinProperty, "Child_Pin_Taken");
    }

    [Fact]
    public async Task AcceptsTheChildsOwnNumberWhenChangingItsDetails()
    {
        var alvasId = Guid.NewGuid();
        _directory.WithChild(AlvasCanonicalNumber, alvasId);
        var input = Alva();
        input.Id = alvasId;

        ValidationAssert.Valid(await Validator.ValidateAsync(input));
    }

    [Fact]
    public async Task RequiresTheMunicipality()
    {
        var input = Alva();
        input.MunicipalityId = null;

        ValidationAssert.SingleError(await Validator.ValidateAsync(input), nameof(ChildInput.MunicipalityId), "Child_Municipality_Required");
    }

    [Fact]
    public async Task RefusesAnOrganisationThatIsNotAnActiveMunicipality()
    {
        var input = Alva();
        input.MunicipalityId = Guid.NewGuid();

        ValidationAssert.SingleError(await Validator.ValidateAsync(input), nameof(ChildInput.MunicipalityId), "Child_Municipality_Invalid");
    }

    [Fact]
    public async Task AcceptsAPreschool()
    {
        var input = Alva();
        input.SchoolUnitId = PreschoolId;

        ValidationAssert.Valid(await Validator.ValidateAsync(input));
    }

    [Fact]
    public async Task RefusesAUnitThatIsNeitherPreschoolNorSchool()
    {
        var input = Alva();
        input.SchoolUnitId = StudentHealthId;

        ValidationAssert.SingleError(await Validator.ValidateAsync(input), nameof(ChildInput.SchoolUnitId), "Child_School_Invalid");
    }

    [Theory]
    [InlineData(UnitType.SocialServices)]
    [InlineData(UnitType.YouthActivity)]
    [InlineData(UnitType.MaternityCare)]
    [InlineData(UnitType.ChildHealthCentre)]
    [InlineData(UnitType.ChildAndAdolescentPsychiatry)]
    [InlineData(UnitType.PrimaryCare)]
    public async Task RefusesEveryOtherUnitTypeAsSchool(UnitType type)
    {
        var unitId = Guid.NewGuid();
        _directory.WithUnit(unitId, type);
        var input = Alva();
        input.SchoolUnitId = unitId;

        ValidationAssert.SingleError(await Validator.ValidateAsync(input), nameof(ChildInput.SchoolUnitId), "Child_School_Invalid");
    }

    [Fact]
    public async Task RefusesASchoolThatIsUnknownOrDeactivated()
    {
        var input = Alva();
        input.SchoolUnitId = Guid.NewGuid();

        ValidationAssert.SingleError(await Validator.ValidateAsync(input), nameof(ChildInput.SchoolUnitId), "Child_School_Invalid");
    }

    [Fact]
    public async Task RequiresEachGuardiansNameUnderItsOwnIndex()
    {
        var input = Alva();
        input.Guardians.Add(new GuardianInput { Name = "  " });

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, "Guardians[1].Name", "Guardian_Name_Required");
        ValidationAssert.NoErrorFor(result, "Guardians[0].Name");
    }

    [Theory]
    [InlineData("070-123 45 67")]
    [InlineData("+46 70 123 45 67")]
    [InlineData("0701234567")]
    [InlineData(" 08-123 456 ")]
    [InlineData("1234567")]
    public async Task AcceptsAGuardiansPhoneNumberOfTheUsualShapes(string phone)
    {
        var input = Alva();
        input.Guardians[0].Phone = phone;

        ValidationAssert.Valid(await Validator.ValidateAsync(input));
    }

    [Theory]
    [InlineData("070 ABC 45 67")]
    [InlineData("123456")]
    [InlineData("(08) 123 45 67")]
    [InlineData("070-123 45 67-")]
    [InlineData("++46 70 123 45 67")]
    [InlineData("070123456701234567890")]
    public async Task RefusesAGuardiansPhoneNumberOfAnotherShape(string phone)
    {
        var input = Alva();
        input.Guardians.Add(new GuardianInput { Name = "Per Berg", Phone = phone });

        ValidationAssert.SingleError(await Validator.ValidateAsync(input), "Guardians[1].Phone", "Guardian_Phone_Invalid");
    }

    [Theory]
    [InlineData("lena")]
    [InlineData("lena@")]
    [InlineData("lena@exempel")]
    [InlineData("lena berg@exempel.se")]
    public async Task RefusesAGuardiansInvalidEmailAddress(string email)
    {
        var input = Alva();
        input.Guardians[0].Email = email;

        ValidationAssert.SingleError(await Validator.ValidateAsync(input), "Guardians[0].Email", "Guardian_Email_Invalid");
    }

    [Fact]
    public async Task AcceptsSixGuardians()
    {
        var input = Alva();
        input.Guardians = Guardians(6);

        ValidationAssert.Valid(await Validator.ValidateAsync(input));
    }

    [Fact]
    public async Task RefusesMoreThanSixGuardians()
    {
        var input = Alva();
        input.Guardians = Guardians(7);

        ValidationAssert.SingleError(await Validator.ValidateAsync(input), nameof(ChildInput.Guardians), "Child_Guardians_TooMany");
    }
}
