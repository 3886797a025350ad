using TabbPortal.Domain.Organisations;

namespace TabbPortal.Tests.Domain;

public sealed class UnitTypeRulesTests
{
    [Theory]
    [InlineData(UnitType.Preschool, Sector.School)]
    [InlineData(UnitType.School, Sector.School)]
    [InlineData(UnitType.StudentHealth, Sector.School)]
    [InlineData(UnitType.SocialServices, Sector.SocialServices)]
    [InlineData(UnitType.YouthActivity, Sector.SocialServices)]
    [InlineData(UnitType.MaternityCare, Sector.HealthCare)]
    [InlineData(UnitType.ChildHealthCentre, Sector.HealthCare)]
    [InlineData(UnitType.ChildAndAdolescentPsychiatry, Sector.HealthCare)]
    [InlineData(UnitType.PrimaryCare, Sector.HealthCare)]
    public void SectorOfFollowsTheUnitType(UnitType type, Sector expected)
    {
        Assert.Equal(expected, type.SectorOf());
    }

    [Fact]
    public void SectorOfCoversEveryUnitType()
    {
        foreach (var type in Enum.GetValues<UnitType>())
        {
            Assert.True(Enum.IsDefined(type.SectorOf()), $"{type} has no defined sector.");
        }
    }

    [Fact]
    public void SectorOfAnUndefinedTypeThrows()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((UnitType)0).SectorOf());
    }

    [Theory]
    [InlineData(UnitType.Preschool, true, false, true)]
    [InlineData(UnitType.School, true, false, true)]
    [InlineData(UnitType.StudentHealth, true, false, true)]
    [InlineData(UnitType.SocialServices, true, false, false)]
    [InlineData(UnitType.YouthActivity, true, false, false)]
    [InlineData(UnitType.MaternityCare, false, true, false)]
    [InlineData(UnitType.ChildHealthCentre, false, true, false)]
    [InlineData(UnitType.ChildAndAdolescentPsychiatry, false, true, false)]
    [InlineData(UnitType.PrimaryCare, false, true, false)]
    public void IsRunByTellsWhichKindsRunTheUnitType(UnitType type, bool byMunicipality, bool byRegion, bool byIndependentProvider)
    {
        Assert.Equal(byMunicipality, type.IsRunBy(OrganisationKind.Municipality));
        Assert.Equal(byRegion, type.IsRunBy(OrganisationKind.Region));
        Assert.Equal(byIndependentProvider, type.IsRunBy(OrganisationKind.IndependentSchoolProvider));
    }

    [Fact]
    public void NoUnitTypeIsRunByAnUndefinedKind()
    {
        Assert.DoesNotContain(Enum.GetValues<UnitType>(), t => t.IsRunBy((OrganisationKind)0));
    }
}
