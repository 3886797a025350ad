using System.Reflection;
using TabbPortal.Domain.Common;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Tests.Domain;

public sealed class OrganisationTests
{
    [Fact]
    public void CreateNormalisesWhiteSpaceInTheName()
    {
        var organisation = Organisation.Create("  Flens \t kommun\n", OrganisationKind.Municipality, SubRegion.South);

        Assert.Equal("Flens kommun", organisation.Name);
    }

    [Fact]
    public void CreateMakesAnActiveOrganisationWithANewIdAndNoUnits()
    {
        var first = Organisation.Create("Flens kommun", OrganisationKind.Municipality, SubRegion.South);
        var second = Organisation.Create("Vingåkers kommun", OrganisationKind.Municipality, SubRegion.West);

        Assert.True(first.IsActive);
        Assert.NotEqual(Guid.Empty, first.Id);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Empty(first.Units);
        Assert.Equal(OrganisationKind.Municipality, first.Kind);
        Assert.Equal(SubRegion.South, first.SubRegion);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void CreateRejectsAnEmptyName(string? name)
    {
        var error = Assert.Throws<DomainException>(() => Organisation.Create(name!, OrganisationKind.Region, null));

        Assert.Equal("Organisation_Name_Required", error.Code);
    }

    [Fact]
    public void CreateRejectsAMunicipalityWithoutSubRegion()
    {
        var error = Assert.Throws<DomainException>(() => Organisation.Create("Flens kommun", OrganisationKind.Municipality, null));

        Assert.Equal("Organisation_SubRegion_Required", error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Theory]
    [InlineData(OrganisationKind.Region)]
    [InlineData(OrganisationKind.IndependentSchoolProvider)]
    public void CreateAcceptsACountyWideOrganisationWithoutSubRegion(OrganisationKind kind)
    {
        var organisation = Organisation.Create("Länet", kind, null);

        Assert.Null(organisation.SubRegion);
        Assert.Equal(kind, organisation.Kind);
    }

    [Fact]
    public void ChangeRenamesAndNormalises()
    {
        var organisation = Organisation.Create("Flens kommun", OrganisationKind.Municipality, SubRegion.South);

        organisation.Change(" Flens   kommun  (Sörmland) ", OrganisationKind.Municipality, SubRegion.West);

        Assert.Equal("Flens kommun (Sörmland)", organisation.Name);
        Assert.Equal(SubRegion.West, organisation.SubRegion);
    }

    [Fact]
    public void ChangeToMunicipalityWithoutSubRegionFailsAndKeepsTheOrganisationAsItWas()
    {
        var organisation = Organisation.Create("Friskolan AB", OrganisationKind.IndependentSchoolProvider, null);

        var error = Assert.Throws<DomainException>(() => organisation.Change("Nytt namn", OrganisationKind.Municipality, null));

        Assert.Equal("Organisation_SubRegion_Required", error.Code);
        Assert.Equal("Friskolan AB", organisation.Name);
        Assert.Equal(OrganisationKind.IndependentSchoolProvider, organisation.Kind);
    }

    [Theory]
    [InlineData(OrganisationKind.Region)]
    [InlineData(OrganisationKind.IndependentSchoolProvider)]
    public void ChangingKindFailsWhenAUnitIsNotRunByTheNewKind(OrganisationKind newKind)
    {
        var organisation = Organisation.Create("Flens kommun", OrganisationKind.Municipality, SubRegion.South);
        AttachUnit(organisation, OrganisationUnit.Create(organisation, "Socialtjänsten Flen", UnitType.SocialServices, "Flen"));

        var error = Assert.Throws<DomainException>(() => organisation.Change("Flens kommun", newKind, null));

        Assert.Equal("Organisation_Kind_ConflictsWithUnits", error.Code);
        Assert.Equal(OrganisationKind.Municipality, organisation.Kind);
        Assert.Equal(SubRegion.South, organisation.SubRegion);
    }

    [Fact]
    public void ChangingKindSucceedsWhenEveryUnitIsRunByTheNewKind()
    {
        var organisation = Organisation.Create("Skolbolaget", OrganisationKind.Municipality, SubRegion.North);
        AttachUnit(organisation, OrganisationUnit.Create(organisation, "Skolan", UnitType.School, null));
        AttachUnit(organisation, OrganisationUnit.Create(organisation, "Förskolan", UnitType.Preschool, null));

        organisation.Change("Skolbolaget", OrganisationKind.IndependentSchoolProvider, null);

        Assert.Equal(OrganisationKind.IndependentSchoolProvider, organisation.Kind);
    }

    [Fact]
    public void ChangingKindOfAnOrganisationWithoutUnitsIsAllowed()
    {
        var organisation = Organisation.Create("Region Sörmland", OrganisationKind.Region, null);

        organisation.Change("Region Sörmland", OrganisationKind.Municipality, SubRegion.North);

        Assert.Equal(OrganisationKind.Municipality, organisation.Kind);
    }

    [Fact]
    public void DeactivateAndReactivateToggleIsActive()
    {
        var organisation = Organisation.Create("Flens kommun", OrganisationKind.Municipality, SubRegion.South);

        organisation.Deactivate();
        Assert.False(organisation.IsActive);

        organisation.Reactivate();
        Assert.True(organisation.IsActive);
    }

    /// <summary>
    /// The domain has no method that adds a unit to <see cref="Organisation.Units"/>: EF Core fills the private
    /// backing field when the units are loaded (Include). The test does the same.
    /// </summary>
    private static void AttachUnit(Organisation organisation, OrganisationUnit unit)
    {
        var field = typeof(Organisation).GetField("_units", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("Organisation no longer keeps its units in _units.");
        ((List<OrganisationUnit>)field.GetValue(organisation)!).Add(unit);
    }
}
