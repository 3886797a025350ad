using TabbPortal.Domain.Children;
using TabbPortal.Tests.Integration.Consent;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Children;

/// <summary>
/// The level of support and the roles around a child, through <c>ChildService</c>, each kept with its history. The
/// tests change different children (Maja, Alva, and children they register), so they share one factory.
/// </summary>
public sealed class ChildSupportLevelAndRoleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly Today => ChildInputs.Today;

    [Fact]
    public async Task A_child_moves_to_targeted_then_coordinated_support_and_only_then_gets_a_coordinator()
    {
        var id = await ChildIdAsync(factory, "Maja", "Holmqvist");
        var sara = await UserIdAsync(factory, Sara);
        var maja = await factory.ReloadAsync(Karin, id);
        Assert.Equal(SupportLevel.Universal, maja.Level);
        var registeredOn = Assert.Single(maja.SupportLevels).From;
        Assert.Null(await factory.AsAsync(Sara, s => s.GetAsync(id)));

        var targeted = await factory.AsAsync(Karin, s => s.ChangeSupportLevelAsync(
            id, new SupportLevelInput { Level = SupportLevel.Targeted, From = Today.AddDays(-10), Reason = "  Stöd i  matematik. " }, maja.Version));
        targeted.AssertSaved();
        maja = await factory.ReloadAsync(Karin, id);
        Assert.Equal(SupportLevel.Targeted, maja.Level);

        var tooEarly = await factory.AsAsync(Karin, s => s.AssignRoleAsync(
            id, new RoleAssignmentInput { Role = ChildRole.Coordinator, StaffUserId = sara, From = Today }, maja.Version));
        tooEarly.AssertFailedWith(string.Empty, "Role_Coordinator_RequiresCoordinatedLevel");
        maja = await factory.ReloadAsync(Karin, id);
        Assert.Null(maja.Current(ChildRole.Coordinator));

        var coordinated = await factory.AsAsync(Karin, s => s.ChangeSupportLevelAsync(
            id, new SupportLevelInput { Level = SupportLevel.Coordinated, From = Today, Reason = "Skola och socialtjänst." }, maja.Version));
        coordinated.AssertSaved();
        maja = await factory.ReloadAsync(Karin, id);

        var appointed = await factory.AsAsync(Karin, s => s.AssignRoleAsync(
            id, new RoleAssignmentInput { Role = ChildRole.Coordinator, StaffUserId = sara, From = Today }, maja.Version));

        appointed.AssertSaved();
        maja = await factory.ReloadAsync(Karin, id);
        Assert.Equal(SupportLevel.Coordinated, maja.Level);
        Assert.Collection(
            maja.SupportLevels,
            p => Assert.Equal((SupportLevel.Coordinated, Today, (DateOnly?)null, "Skola och socialtjänst."), (p.Level, p.From, p.To, p.Reason)),
            p => Assert.Equal((SupportLevel.Targeted, Today.AddDays(-10), (DateOnly?)Today, "Stöd i matematik."), (p.Level, p.From, p.To, p.Reason)),
            p => Assert.Equal((SupportLevel.Universal, registeredOn, (DateOnly?)Today.AddDays(-10)), (p.Level, p.From, p.To)));
        Assert.All(maja.SupportLevels.Take(2), p => Assert.Equal("Karin Ek", p.DecidedBy));
        var coordinator = maja.Current(ChildRole.Coordinator);
        Assert.NotNull(coordinator);
        Assert.Equal(("Sara Holm", "Flen kommun socialtjänst, barn och unga", Today), (coordinator.StaffName, coordinator.UnitName, coordinator.From));

        // The role connects her unit, but secrecy holds: Maja's father withdrew his consent to sharing with social services.
        Assert.Null(await factory.AsAsync(Sara, s => s.GetAsync(id)));
        // A new consent covering social services lifts it.
        await factory.GiveConsentAsync(Karin, id);
        Assert.NotNull(await factory.AsAsync(Sara, s => s.GetAsync(id)));
    }

    [Fact]
    public async Task A_child_registered_today_can_be_moved_to_coordinated_support_and_given_a_coordinator_the_same_day()
    {
        var id = await ChildInputs.RegisterInFlenAsync(factory, "Signe");
        var sara = await UserIdAsync(factory, Sara);
        await using var karin = await ChildServiceSession.StartAsync(factory, Karin);

        var child = await factory.ReloadAsync(Karin, id);
        (await karin.Children.ChangeSupportLevelAsync(id, new SupportLevelInput { Level = SupportLevel.Targeted, From = Today }, child.Version)).AssertSaved();
        child = await factory.ReloadAsync(Karin, id);
        (await karin.Children.ChangeSupportLevelAsync(id, new SupportLevelInput { Level = SupportLevel.Coordinated, From = Today }, child.Version)).AssertSaved();
        child = await factory.ReloadAsync(Karin, id);
        Assert.Equal(SupportLevel.Coordinated, child.Level);

        var appointed = await karin.Children.AssignRoleAsync(
            id, new RoleAssignmentInput { Role = ChildRole.Coordinator, StaffUserId = sara, From = Today }, child.Version);

        appointed.AssertSaved();
        Assert.Equal("Sara Holm", (await factory.ReloadAsync(Karin, id)).Current(ChildRole.Coordinator)?.StaffName);
    }

    [Fact]
    public async Task A_handover_of_the_contact_person_keeps_both_assignments_and_ends_the_first_on_the_handover_date()
    {
        var id = await ChildIdAsync(factory, "Alva", "Lindgren");
        var omar = await UserIdAsync(factory, Omar);
        var alva = await factory.ReloadAsync(Karin, id);
        var karinsAssignment = Assert.Single(alva.Roles);
        Assert.Equal(("Karin Ek", ChildRole.ContactPerson, (DateOnly?)null), (karinsAssignment.StaffName, karinsAssignment.Role, karinsAssignment.To));
        var handoverDate = Today.AddDays(-3);

        var handover = await factory.AsAsync(Karin, s => s.AssignRoleAsync(id, new RoleAssignmentInput
        {
            Role = ChildRole.ContactPerson,
            StaffUserId = omar,
            From = handoverDate,
            HandoverNote = " Omar är Alvas  mentor från och med i dag. ",
        }, alva.Version));

        handover.AssertSaved();
        alva = await factory.ReloadAsync(Karin, id);
        Assert.Collection(
            alva.Roles,
            now => Assert.Equal(
                (ChildRole.ContactPerson, "Omar Haddad", "Ekskolan", handoverDate, (DateOnly?)null, "Omar är Alvas mentor från och med i dag."),
                (now.Role, now.StaffName, now.UnitName, now.From, now.To, now.HandoverNote)),
            before => Assert.Equal(
                (ChildRole.ContactPerson, "Karin Ek", karinsAssignment.From, (DateOnly?)handoverDate),
                (before.Role, before.StaffName, before.From, before.To)));
        Assert.Equal("Omar Haddad", alva.Current(ChildRole.ContactPerson)?.StaffName);

        var again = await factory.AsAsync(Karin, s => s.AssignRoleAsync(
            id, new RoleAssignmentInput { Role = ChildRole.ContactPerson, StaffUserId = omar, From = Today }, alva.Version));
        again.AssertFailedWith(string.Empty, "Role_SameHolder");
        Assert.Equal(2, (await factory.ReloadAsync(Karin, id)).Roles.Count);
    }

    [Fact]
    public async Task A_role_cannot_be_given_to_an_account_without_a_unit()
    {
        var id = await ChildInputs.RegisterInFlenAsync(factory, "Sam");
        var eva = await UserIdAsync(factory, Eva);
        var child = await factory.ReloadAsync(Karin, id);

        var result = await factory.AsAsync(Karin, s => s.AssignRoleAsync(
            id, new RoleAssignmentInput { Role = ChildRole.ContactPerson, StaffUserId = eva, From = Today }, child.Version));

        result.AssertFailedWith(string.Empty, "Role_Staff_Invalid");
        Assert.Empty((await factory.ReloadAsync(Karin, id)).Roles);
    }
}
