using TabbPortal.Domain.Access;

namespace TabbPortal.Tests.Domain;

public sealed class PortalRolesTests
{
    [Fact]
    public void AllListsTheFourRoles()
    {
        Assert.Equal([PortalRoles.Practitioner, PortalRoles.ProcessLeader, PortalRoles.Administrator, PortalRoles.LogReviewer], PortalRoles.All);
    }

    [Theory]
    [InlineData(PortalRoles.Practitioner, true)]
    [InlineData(PortalRoles.ProcessLeader, false)]
    [InlineData(PortalRoles.Administrator, false)]
    [InlineData(PortalRoles.LogReviewer, false)]
    [InlineData("", false)]
    public void OnlyAPractitionerRequiresAUnit(string role, bool expected)
    {
        Assert.Equal(expected, PortalRoles.RequiresUnit(role));
    }
}
