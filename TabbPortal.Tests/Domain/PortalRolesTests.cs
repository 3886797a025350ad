using TabbPortal.Domain.Access;

namespace TabbPortal.Tests.Domain;

public sealed class PortalRolesTests
{
    [Fact]
    public void AllListsTheThreeRoles()
    {
        Assert.Equal([PortalRoles.Practitioner, PortalRoles.ProcessLeader, PortalRoles.Administrator], PortalRoles.All);
    }

    [Theory]
    [InlineData(PortalRoles.Practitioner, true)]
    [InlineData(PortalRoles.ProcessLeader, false)]
    [InlineData(PortalRoles.Administrator, false)]
    [InlineData("", false)]
    public void OnlyAPractitionerRequiresAUnit(string role, bool expected)
    {
        Assert.Equal(expected, PortalRoles.RequiresUnit(role));
    }
}
