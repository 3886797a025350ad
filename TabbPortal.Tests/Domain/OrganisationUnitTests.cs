using TabbPortal.Domain.Common;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Tests.Domain;

public sealed class OrganisationUnitTests
{
    private static Organisation Flen() => Organisation.Create("Flens kommun", OrganisationKind.Municipality, SubRegion.South);

    [Fact]
    public void CreateMakesAnActiveUnitOfTheOrganisation()
    {
        var flen = Flen();

        var unit = OrganisationUnit.Create(flen, "Stenhammarskolan", UnitType.School, "Flen");

        Assert.True(unit.IsActive);
        Assert.NotEqual(Guid.Empty, unit.Id);
        Assert.Equal(flen.Id, unit.OrganisationId);
        Assert.Equal(UnitType.School, unit.Type);
        Assert.Equal(Sector.School, unit.Sector);
    }

    [Fact]
    public void CreateNormalisesNameAndMunicipality()
    {
        var unit = OrganisationUnit.Create(Flen(), "  Stenhammar   skolan ", UnitType.School, "  Flen\t ");

        Assert.Equal("Stenhammar skolan", unit.Name);
        Assert.Equal("Flen", unit.Municipality);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void CreateStoresABlankMunicipalityAsNone(string? municipality)
    {
        var unit = OrganisationUnit.Create(Flen(), "Stenhammarskolan", UnitType.School, municipality);

        Assert.Null(unit.Municipality);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void CreateRejectsAnEmptyName(string name)
    {
        var error = Assert.Throws<DomainException>(() => OrganisationUnit.Create(Flen(), name, UnitType.School, null));

        Assert.Equal("Unit_Name_Required", error.Code);
    }

    [Fact]
    public void CreateOnAnInactiveOrganisationThrows()
    {
        var flen = Flen();
        flen.Deactivate();

        var error = Assert.Throws<DomainException>(() => OrganisationUnit.Create(flen, "Stenhammarskolan", UnitType.School, null));

        Assert.Equal("Unit_Organisation_Inactive", error.Code);
    }

    [Fact]
    public void CreateOnAReactivatedOrganisationSucceeds()
    {
        var flen = Flen();
        flen.Deactivate();
        flen.Reactivate();

        var unit = OrganisationUnit.Create(flen, "Stenhammarskolan", UnitType.School, null);

        Assert.Equal(flen.Id, unit.OrganisationId);
    }

    [Theory]
    [InlineData(OrganisationKind.Municipality, UnitType.PrimaryCare)]
    [InlineData(OrganisationKind.Municipality, UnitType.ChildAndAdolescentPsychiatry)]
    [InlineData(OrganisationKind.Region, UnitType.School)]
    [InlineData(OrganisationKind.Region, UnitType.YouthActivity)]
    [InlineData(OrganisationKind.IndependentSchoolProvider, UnitType.SocialServices)]
    [InlineData(OrganisationKind.IndependentSchoolProvider, UnitType.MaternityCare)]
    public void CreateRejectsATypeNotRunByTheOrganisationKind(OrganisationKind kind, UnitType type)
    {
        var organisation = Organisation.Create("Huvudmannen", kind, SubRegion.North);

        var error = Assert.Throws<DomainException>(() => OrganisationUnit.Create(organisation, "Enheten", type, null));

        Assert.Equal("Unit_Type_NotRunByOrganisation", error.Code);
    }

    [Fact]
    public void ChangeToATypeNotRunByTheOrganisationThrowsAndKeepsTheUnitAsItWas()
    {
        var flen = Flen();
        var unit = OrganisationUnit.Create(flen, "Stenhammarskolan", UnitType.School, "Flen");

        var error = Assert.Throws<DomainException>(() => unit.Change(flen, "Vårdcentralen", UnitType.PrimaryCare, null));

        Assert.Equal("Unit_Type_NotRunByOrganisation", error.Code);
        Assert.Equal("Stenhammarskolan", unit.Name);
        Assert.Equal(UnitType.School, unit.Type);
        Assert.Equal("Flen", unit.Municipality);
    }

    [Fact]
    public void ChangeMovesTheUnitToAnotherSectorWithItsType()
    {
        var flen = Flen();
        var unit = OrganisationUnit.Create(flen, "Ungdomsmottagningen", UnitType.School, null);

        unit.Change(flen, "Ungdomsmottagningen", UnitType.YouthActivity, null);

        Assert.Equal(Sector.SocialServices, unit.Sector);
    }

    [Fact]
    public void DeactivateAndReactivateToggleIsActive()
    {
        var unit = OrganisationUnit.Create(Flen(), "Stenhammarskolan", UnitType.School, null);

        unit.Deactivate();
        Assert.False(unit.IsActive);

        unit.Reactivate();
        Assert.True(unit.IsActive);
    }
}
