using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Organisations;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Web.Start;

namespace TabbPortal.Tests.Integration.Start;

public sealed class StartPageQueriesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheCountyCoverageCountsActiveUnitsPerSectorAndStaffPerOrganisation()
    {
        var (scope, _) = await SignedInScope.StartAsync(factory, DemoLookup.Eva);
        await using (scope)
        {
            var coverage = await scope.ServiceProvider.GetRequiredService<StartPageQueries>().GetCountyCoverageAsync();

            var flen = Assert.Single(coverage, c => c.Name == "Flen kommun");
            Assert.Equal((SubRegion?)SubRegion.West, flen.SubRegion);
            Assert.Equal((3, 2, 0, 4), (flen.SchoolUnits, flen.SocialServicesUnits, flen.HealthCareUnits, flen.ActiveStaff));
            var region = Assert.Single(coverage, c => c.Name == "Region Sörmland");
            Assert.Equal((0, 0, 28, 2), (region.SchoolUnits, region.SocialServicesUnits, region.HealthCareUnits, region.ActiveStaff));
            Assert.Equal(12, coverage.Count);
        }
    }

    [Fact]
    public async Task APractitionerSeesTheirUnitAndTheOtherSectorsUnitsInTheirMunicipality()
    {
        var (scope, _) = await SignedInScope.StartAsync(factory, DemoLookup.Karin);
        await using (scope)
        {
            var start = await scope.ServiceProvider.GetRequiredService<StartPageQueries>().GetPractitionerStartAsync();

            Assert.Equal("Ekskolan", start.Unit!.UnitName);
            Assert.Equal("Flen kommun", start.Unit.OrganisationName);
            Assert.DoesNotContain(start.Contacts, c => c.UnitName == "Ekskolan");
            Assert.Contains(start.Contacts, c => c.UnitName == "BVC Flen" && c.Sector == Sector.HealthCare && c.ActiveStaff == 1);
            Assert.Contains(start.Contacts, c => c.UnitName == "Flen kommun socialtjänst, barn och unga" && c.Sector == Sector.SocialServices);
            Assert.DoesNotContain(start.Contacts, c => c.UnitName == "BVC Katrineholm");
        }
    }

    [Fact]
    public async Task APractitionerIsRefusedTheCountyCoverage()
    {
        var (scope, _) = await SignedInScope.StartAsync(factory, DemoLookup.Karin);
        await using (scope)
        {
            await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(
                () => scope.ServiceProvider.GetRequiredService<StartPageQueries>().GetCountyCoverageAsync());
        }
    }
}

