using TabbPortal.Domain.Children;
using TabbPortal.Web.Children;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Children;

/// <summary>
/// Two practitioners open the same child and both save, each from the version they read. The first save wins; the
/// second is told about the conflict (FieldError "" / Concurrency_Conflict) instead of silently overwriting the first.
/// Each test registers a child of its own, so the tests share the factory without sharing a child.
/// </summary>
public sealed class ChildConcurrencyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Conflict = "Concurrency_Conflict";

    private static DateOnly Today => ChildInputs.Today;

    [Fact]
    public async Task Of_two_saves_of_the_details_from_the_same_version_the_second_is_refused_and_the_first_is_kept()
    {
        var id = await ChildInputs.RegisterInFlenAsync(factory, "Tove");
        var opened = await factory.ReloadAsync(Karin, id);
        var karins = opened.ToInput();
        karins.GivenName = "Tova";
        karins.Guardians[0].Phone = "070-111 11 11";
        var omars = opened.ToInput();
        omars.GivenName = "Tyra";
        omars.FamilyName = "Omarsdotter";
        omars.Guardians[0].Phone = "070-222 22 22";

        var first = await factory.AsAsync(Karin, s => s.UpdateDetailsAsync(karins, opened.Version));
        var second = await factory.AsAsync(Omar, s => s.UpdateDetailsAsync(omars, opened.Version));

        first.AssertSaved();
        second.AssertFailedWith(string.Empty, Conflict);
        var stored = await factory.ReloadAsync(Karin, id);
        Assert.Equal(("Tova", "Testsson"), (stored.GivenName, stored.FamilyName));
        Assert.Equal("070-111 11 11", Assert.Single(stored.Guardians).Phone);
    }

    [Fact]
    public async Task Of_two_saves_that_change_only_guardians_from_the_same_version_the_second_is_refused_and_the_first_is_kept()
    {
        var id = await ChildInputs.RegisterInFlenAsync(factory, "Tage");
        var opened = await factory.ReloadAsync(Karin, id);
        var karins = opened.ToInput();
        karins.Guardians[0].Phone = "070-333 33 33";
        var omars = opened.ToInput();
        omars.Guardians.Clear();
        omars.Guardians.Add(new GuardianInput { Name = "Olle Testsson", Relationship = "pappa", Phone = "070-444 44 44" });

        var first = await factory.AsAsync(Karin, s => s.UpdateDetailsAsync(karins, opened.Version));
        var second = await factory.AsAsync(Omar, s => s.UpdateDetailsAsync(omars, opened.Version));

        first.AssertSaved();
        second.AssertFailedWith(string.Empty, Conflict);
        var guardian = Assert.Single((await factory.ReloadAsync(Karin, id)).Guardians);
        Assert.Equal((opened.Guardians[0].Id, "Greta Testsson", "070-333 33 33"), (guardian.Id, guardian.Name, guardian.Phone));
    }

    [Fact]
    public async Task A_change_of_support_level_from_a_version_superseded_by_a_save_of_the_details_is_refused()
    {
        var id = await ChildInputs.RegisterInFlenAsync(factory, "Tilda");
        var opened = await factory.ReloadAsync(Karin, id);
        var karins = opened.ToInput();
        karins.FamilyName = "Karinsson";

        var first = await factory.AsAsync(Karin, s => s.UpdateDetailsAsync(karins, opened.Version));
        var second = await factory.AsAsync(Omar, s => s.ChangeSupportLevelAsync(
            id, new SupportLevelInput { Level = SupportLevel.Targeted, From = Today, Reason = "Omar läste en gammal version." }, opened.Version));

        first.AssertSaved();
        second.AssertFailedWith(string.Empty, Conflict);
        var stored = await factory.ReloadAsync(Karin, id);
        Assert.Equal("Karinsson", stored.FamilyName);
        Assert.Equal(SupportLevel.Universal, stored.Level);
        Assert.Single(stored.SupportLevels);
    }

    [Fact]
    public async Task Of_two_changes_of_support_level_from_the_same_version_the_second_is_refused_and_the_first_is_kept()
    {
        var id = await ChildInputs.RegisterInFlenAsync(factory, "Tim");
        var opened = await factory.ReloadAsync(Karin, id);

        var first = await factory.AsAsync(Karin, s => s.ChangeSupportLevelAsync(
            id, new SupportLevelInput { Level = SupportLevel.Targeted, From = Today, Reason = "Karins beslut." }, opened.Version));
        var second = await factory.AsAsync(Omar, s => s.ChangeSupportLevelAsync(
            id, new SupportLevelInput { Level = SupportLevel.Coordinated, From = Today, Reason = "Omars beslut." }, opened.Version));

        first.AssertSaved();
        second.AssertFailedWith(string.Empty, Conflict);
        var stored = await factory.ReloadAsync(Karin, id);
        Assert.Equal(SupportLevel.Targeted, stored.Level);
        Assert.Equal(2, stored.SupportLevels.Count);
        Assert.DoesNotContain(stored.SupportLevels, p => p.Reason == "Omars beslut.");
    }

    [Fact]
    public async Task Of_two_handovers_of_the_contact_person_from_the_same_version_the_second_is_refused_and_the_first_is_kept()
    {
        var id = await ChildInputs.RegisterInFlenAsync(factory, "Tuva");
        var opened = await factory.ReloadAsync(Karin, id);
        var omar = await UserIdAsync(factory, Omar);
        var lina = await UserIdAsync(factory, Lina);

        var first = await factory.AsAsync(Karin, s => s.AssignRoleAsync(
            id, new RoleAssignmentInput { Role = ChildRole.ContactPerson, StaffUserId = omar, From = Today }, opened.Version));
        var second = await factory.AsAsync(Karin, s => s.AssignRoleAsync(
            id, new RoleAssignmentInput { Role = ChildRole.ContactPerson, StaffUserId = lina, From = Today }, opened.Version));

        first.AssertSaved();
        second.AssertFailedWith(string.Empty, Conflict);
        var stored = await factory.ReloadAsync(Karin, id);
        var role = Assert.Single(stored.Roles);
        Assert.Equal(("Omar Haddad", (DateOnly?)null), (role.StaffName, role.To));
    }

    [Fact]
    public async Task Every_change_through_the_service_gives_the_child_a_new_version()
    {
        var id = await ChildInputs.RegisterInFlenAsync(factory, "Tor");
        var omar = await UserIdAsync(factory, Omar);
        var versions = new List<Guid> { (await factory.ReloadAsync(Karin, id)).Version };
        var changes = new Func<ChildService, ChildDetails, Task<TabbPortal.Web.Administration.SaveResult>>[]
        {
            (s, c) => s.UpdateDetailsAsync(WithGuardianPhone(c, "070-555 55 55"), c.Version),
            (s, c) => s.ChangeSupportLevelAsync(id, new SupportLevelInput { Level = SupportLevel.Targeted, From = Today }, c.Version),
            (s, c) => s.AssignRoleAsync(id, new RoleAssignmentInput { Role = ChildRole.ContactPerson, StaffUserId = omar, From = Today }, c.Version),
        };

        foreach (var change in changes)
        {
            var current = await factory.ReloadAsync(Karin, id);
            (await factory.AsAsync(Karin, s => change(s, current))).AssertSaved();
            versions.Add((await factory.ReloadAsync(Karin, id)).Version);
        }

        Assert.Equal(versions.Count, versions.Distinct().Count());
    }

    private static ChildInput WithGuardianPhone(ChildDetails child, string phone)
    {
        var input = child.ToInput();
        input.Guardians[0].Phone = phone;
        return input;
    }
}
