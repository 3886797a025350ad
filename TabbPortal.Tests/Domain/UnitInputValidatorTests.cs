using TabbPortal.Domain.Organisations;
using TabbPortal.Tests.Components;

namespace TabbPortal.Tests.Domain;

public sealed class UnitInputValidatorTests
{
    private static readonly Guid FlenId = Guid.NewGuid();
    private static readonly Guid RegionId = Guid.NewGuid();
    private static readonly Guid ProviderId = Guid.NewGuid();
    private static readonly Guid InactiveId = Guid.NewGuid();
    private static readonly Guid StenhammarId = Guid.NewGuid();

    private readonly FakeOrganisationDirectory _directory = new FakeOrganisationDirectory()
        .WithOrganisation(FlenId, "Flens kommun", OrganisationKind.Municipality)
        .WithOrganisation(RegionId, "Region Sörmland", OrganisationKind.Region)
        .WithOrganisation(ProviderId, "Friskolan AB", OrganisationKind.IndependentSchoolProvider)
        .WithOrganisation(InactiveId, "Gamla kommunen", OrganisationKind.Municipality, isActive: false)
        .WithUnit(StenhammarId, FlenId, "Stenhammarskolan");

    private UnitInputValidator Validator => new(_directory);

    private static Guid OrganisationOf(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Municipality => FlenId,
        OrganisationKind.Region => RegionId,
        _ => ProviderId,
    };

    private static UnitInput School(string name = "Bruksskolan", Guid? organisationId = null) =>
        new() { OrganisationId = organisationId ?? FlenId, Name = name, Type = UnitType.School, Municipality = "Flen" };

    [Fact]
    public async Task AcceptsASchoolOfAMunicipality()
    {
        ValidationAssert.Valid(await Validator.ValidateAsync(School()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\t")]
    public async Task RejectsEmptyName(string name)
    {
        var result = await Validator.ValidateAsync(School(name));

        ValidationAssert.SingleError(result, nameof(UnitInput.Name), "Unit_Name_Required");
    }

    [Fact]
    public async Task RejectsNameLongerThanTheMaximum()
    {
        var result = await Validator.ValidateAsync(School(new string('b', UnitInputValidator.NameMaxLength + 1)));

        ValidationAssert.SingleError(result, nameof(UnitInput.Name), "Unit_Name_TooLong");
    }

    [Fact]
    public async Task RejectsDuplicateNameInTheSameOrganisation()
    {
        var result = await Validator.ValidateAsync(School("  Stenhammarskolan "));

        ValidationAssert.SingleError(result, nameof(UnitInput.Name), "Unit_Name_Taken");
    }

    [Fact]
    public async Task AcceptsTheSameNameInAnotherOrganisation()
    {
        var result = await Validator.ValidateAsync(School("Stenhammarskolan", ProviderId));

        ValidationAssert.Valid(result);
    }

    [Fact]
    public async Task AcceptsItsOwnNameWhenEditing()
    {
        var input = School("Stenhammarskolan");
        input.Id = StenhammarId;

        ValidationAssert.Valid(await Validator.ValidateAsync(input));
    }

    [Fact]
    public async Task RejectsMissingType()
    {
        var input = School();
        input.Type = null;

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(UnitInput.Type), "Unit_Type_Required");
    }

    [Fact]
    public async Task RejectsUndefinedType()
    {
        var input = School();
        input.Type = (UnitType)77;

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.HasError(result, nameof(UnitInput.Type), "Unit_Type_Required");
    }

    [Theory]
    [InlineData(OrganisationKind.Municipality, UnitType.PrimaryCare)]
    [InlineData(OrganisationKind.Municipality, UnitType.ChildHealthCentre)]
    [InlineData(OrganisationKind.Region, UnitType.School)]
    [InlineData(OrganisationKind.Region, UnitType.SocialServices)]
    [InlineData(OrganisationKind.IndependentSchoolProvider, UnitType.SocialServices)]
    [InlineData(OrganisationKind.IndependentSchoolProvider, UnitType.YouthActivity)]
    [InlineData(OrganisationKind.IndependentSchoolProvider, UnitType.ChildAndAdolescentPsychiatry)]
    public async Task RejectsUnitTypeNotRunByTheOrganisationKind(OrganisationKind kind, UnitType type)
    {
        var input = new UnitInput { OrganisationId = OrganisationOf(kind), Name = "Enheten", Type = type };

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(UnitInput.Type), "Unit_Type_NotRunByOrganisation");
    }

    [Theory]
    [InlineData(OrganisationKind.Municipality, UnitType.SocialServices)]
    [InlineData(OrganisationKind.Municipality, UnitType.YouthActivity)]
    [InlineData(OrganisationKind.Region, UnitType.ChildAndAdolescentPsychiatry)]
    [InlineData(OrganisationKind.Region, UnitType.MaternityCare)]
    [InlineData(OrganisationKind.IndependentSchoolProvider, UnitType.Preschool)]
    [InlineData(OrganisationKind.IndependentSchoolProvider, UnitType.StudentHealth)]
    public async Task AcceptsUnitTypeRunByTheOrganisationKind(OrganisationKind kind, UnitType type)
    {
        var input = new UnitInput { OrganisationId = OrganisationOf(kind), Name = "Enheten", Type = type };

        ValidationAssert.Valid(await Validator.ValidateAsync(input));
    }

    [Fact]
    public async Task RejectsAUnitOfAnInactiveOrganisation()
    {
        var result = await Validator.ValidateAsync(School(organisationId: InactiveId));

        ValidationAssert.SingleError(result, nameof(UnitInput.OrganisationId), "Unit_Organisation_Inactive");
        ValidationAssert.NoErrorFor(result, nameof(UnitInput.Type));
    }

    [Fact]
    public async Task RejectsAUnitOfAnUnknownOrganisation()
    {
        var result = await Validator.ValidateAsync(School(organisationId: Guid.NewGuid()));

        ValidationAssert.SingleError(result, nameof(UnitInput.OrganisationId), "Unit_Organisation_Inactive");
    }

    [Fact]
    public async Task RejectsAUnitWithoutOrganisation()
    {
        var input = new UnitInput { OrganisationId = null, Name = "Bruksskolan", Type = UnitType.School };

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(UnitInput.OrganisationId), "Unit_Organisation_Required");
    }

    [Fact]
    public async Task RejectsMunicipalityNameLongerThan100Characters()
    {
        var input = School();
        input.Municipality = new string('m', 101);

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(UnitInput.Municipality), "Unit_Municipality_TooLong");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Flen")]
    public async Task AcceptsAnyShortOrMissingMunicipality(string? municipality)
    {
        var input = School();
        input.Municipality = municipality;

        ValidationAssert.Valid(await Validator.ValidateAsync(input));
    }

    [Fact]
    public void RequiresADirectory()
    {
        Assert.Throws<ArgumentNullException>(() => new UnitInputValidator(null!));
    }
}
