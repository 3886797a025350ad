using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Children;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Web.Security;
using TabbPortal.Web.Start;

namespace TabbPortal.Tests.Integration.Start;

public sealed class MyChildrenQueryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task KarinSeesTheChildrenSheIsContactPersonForWithNoahsOverdueActionAndReviewFirst()
    {
        var rows = await AsAsync(DemoLookup.Karin);

        Assert.Equal(["Noah Sjöberg", "Alva Lindgren", "Hugo Dahlberg", "Maja Holmqvist"], rows.Select(r => r.Name));
        var noah = rows[0];
        Assert.True(noah.NeedsAttention);
        Assert.Equal(1, noah.OverdueActions);
        Assert.Equal(1, noah.MyUnitsActions);
        Assert.True(noah.ReviewDueSoon);
        Assert.Contains(ChildRole.ContactPerson, noah.MyRoles);
        Assert.All(rows.Skip(1), r => Assert.False(r.NeedsAttention));
    }

    [Fact]
    public async Task SaraSeesTheChildrenSheCoordinatesAndWhereHerUnitHasAnAction()
    {
        var rows = await AsAsync(DemoLookup.Sara);

        var noah = Assert.Single(rows, r => r.Name == "Noah Sjöberg");
        Assert.Equal([ChildRole.Coordinator], noah.MyRoles);
        Assert.Equal(1, noah.MyUnitsActions);
        Assert.Equal(0, noah.OverdueActions);
        Assert.Contains(rows, r => r.Name == "Hugo Dahlberg" && r.MyRoles.Contains(ChildRole.Coordinator));
        Assert.DoesNotContain(rows, r => r.Name == "Maja Holmqvist");
    }

    [Fact]
    public async Task APractitionerWithoutRolesOrActionsHasAnEmptyList()
    {
        Assert.Empty(await AsAsync(DemoLookup.Jonas));
    }

    [Fact]
    public async Task AProcessLeaderIsRefused()
    {
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => AsAsync(DemoLookup.Eva));
    }

    private async Task<IReadOnlyList<MyChildRow>> AsAsync(string email)
    {
        var (scope, _) = await SignedInScope.StartAsync(factory, email);
        await using (scope)
        {
            return await scope.ServiceProvider.GetRequiredService<MyChildrenQuery>().GetAsync();
        }
    }
}
