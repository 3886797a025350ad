using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Children;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Children;

/// <summary>Registering a child and changing the child's details through <c>ChildService</c>, on a real SQLite file.</summary>
public sealed class ChildRegistrationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_practitioner_registers_a_child_with_two_guardians_and_a_later_edit_changes_removes_and_adds_guardians()
    {
        var number = TestNumber.Next();
        var flen = await MunicipalityIdAsync(factory, "Flen kommun");
        var ekskolan = await UnitIdAsync(factory, "Ekskolan");
        var before = DateTimeOffset.UtcNow;
        var input = new ChildInput
        {
            GivenName = "  Liv   Marie ",
            FamilyName = " Ekström ",
            PersonalIdentityNumber = number.TenWithDash,
            MunicipalityId = flen,
            SchoolUnitId = ekskolan,
            Guardians =
            [
                new GuardianInput { Name = "Anna  Ekström", Relationship = "mamma", Phone = "070-123 45 67", Email = "Anna.Ekstrom@Exempel.se", HasCustody = true },
                new GuardianInput { Name = "Per Ekström", Relationship = " pappa ", Phone = " ", HasCustody = false },
            ],
        };

        var registered = await factory.AsAsync(Karin, s => s.RegisterAsync(input));

        registered.AssertSaved();
        var child = await factory.ReloadAsync(Karin, registered.Id!.Value);
        Assert.Equal(registered.Id, child.Id);
        Assert.Equal("Liv Marie", child.GivenName);
        Assert.Equal("Ekström", child.FamilyName);
        Assert.Equal(number.TwelveWithDash, child.PersonalIdentityNumber);
        Assert.Matches(@"^\d{8}-\d{4}$", child.PersonalIdentityNumber);
        Assert.False(child.IsCoordinationNumber);
        Assert.Equal((flen, "Flen kommun"), (child.MunicipalityId, child.Municipality));
        Assert.Equal((ekskolan, "Ekskolan"), (child.SchoolUnitId, child.School));
        Assert.Equal("Ekskolan", child.RegisteredBy);
        Assert.InRange(child.RegisteredAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(SupportLevel.Universal, child.Level);
        var period = Assert.Single(child.SupportLevels);
        Assert.Equal(SupportLevel.Universal, period.Level);
        Assert.Null(period.To);
        Assert.Equal(ChildInputs.Today, period.From);
        Assert.Equal("Karin Ek", period.DecidedBy);
        Assert.Empty(child.Roles);
        Assert.Empty(child.Concerns);
        Assert.Collection(
            child.Guardians,
            anna => Assert.Equal(("Anna Ekström", "mamma", "070-123 45 67", "anna.ekstrom@exempel.se", true), (anna.Name, anna.Relationship, anna.Phone, anna.Email, anna.HasCustody)),
            per => Assert.Equal(("Per Ekström", "pappa", (string?)null, (string?)null, false), (per.Name, per.Relationship, per.Phone, per.Email, per.HasCustody)));

        // Anna's phone and relationship change, Per goes, Lars comes.
        var edit = child.ToInput();
        var anna = edit.Guardians.Single(g => g.Name == "Anna Ekström");
        anna.Phone = "070-765 43 21";
        anna.Relationship = "mor";
        edit.Guardians.RemoveAll(g => g.Name == "Per Ekström");
        edit.Guardians.Add(new GuardianInput { Name = "Lars Ekström", Relationship = "morfar", Phone = "0157-123 45", HasCustody = false });

        var updated = await factory.AsAsync(Karin, s => s.UpdateDetailsAsync(edit, child.Version));

        updated.AssertSaved();
        var reloaded = await factory.ReloadAsync(Karin, child.Id);
        Assert.Collection(
            reloaded.Guardians,
            a =>
            {
                Assert.Equal(child.Guardians[0].Id, a.Id);
                Assert.Equal(("Anna Ekström", "mor", "070-765 43 21", "anna.ekstrom@exempel.se", true), (a.Name, a.Relationship, a.Phone, a.Email, a.HasCustody));
            },
            l =>
            {
                Assert.DoesNotContain(l.Id, child.Guardians.Select(g => g.Id));
                Assert.Equal(("Lars Ekström", "morfar", "0157-123 45", (string?)null, false), (l.Name, l.Relationship, l.Phone, l.Email, l.HasCustody));
            });
        Assert.Equal(("Liv Marie", "Ekström", number.TwelveWithDash), (reloaded.GivenName, reloaded.FamilyName, reloaded.PersonalIdentityNumber));

        // Per's row is gone from the table, not just from the child.
        await using var context = await ContextAsync(factory);
        var rows = await context.Set<Guardian>().Where(g => EF.Property<Guid>(g, "ChildId") == child.Id).Select(g => g.Name).ToListAsync();
        Assert.Equal(["Anna Ekström", "Lars Ekström"], rows.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("12", "10-")]
    [InlineData("10-", "12")]
    [InlineData("12-", "10")]
    [InlineData("10", "12-")]
    public async Task Registering_a_number_again_in_another_accepted_shape_fails_with_Child_Pin_Taken_and_saves_nothing(string firstShape, string secondShape)
    {
        var number = TestNumber.Next();
        var first = await factory.AsAsync(Karin, async s => await s.RegisterAsync(await ChildInputs.InFlenAsync(factory, number.In(firstShape), "Första")));
        first.AssertSaved();
        var count = await CountChildrenAsync(factory);

        // Another unit, which cannot see the first child: the number is unique across the county all the same.
        var second = await factory.AsAsync(Maria, async s => await s.RegisterAsync(await ChildInputs.InFlenAsync(factory, number.In(secondShape), "Andra")));

        second.AssertFailedWith(nameof(ChildInput.PersonalIdentityNumber), "Child_Pin_Taken");
        Assert.Equal(count, await CountChildrenAsync(factory));
        await using var context = await ContextAsync(factory);
        Assert.False(await context.Children.AnyAsync(c => c.GivenName == "Andra"));
    }

    [Fact]
    public async Task Registering_the_number_of_a_demo_child_the_user_cannot_see_fails_with_Child_Pin_Taken()
    {
        var noah = await factory.ReloadAsync(Karin, await ChildIdAsync(factory, "Noah", "Sjöberg"));
        var count = await CountChildrenAsync(factory);

        var result = await factory.AsAsync(Maria, async s => await s.RegisterAsync(
            await ChildInputs.InFlenAsync(factory, TestNumber.FromDisplayed(noah.PersonalIdentityNumber).TenDigits)));

        result.AssertFailedWith(nameof(ChildInput.PersonalIdentityNumber), "Child_Pin_Taken");
        Assert.Equal(count, await CountChildrenAsync(factory));
    }

    [Fact]
    public async Task Two_practitioners_registering_the_same_number_at_the_same_moment_save_one_child()
    {
        var number = TestNumber.Next();
        var inputs = new[]
        {
            await ChildInputs.InFlenAsync(factory, number.TwelveDigits, "Karins"),
            await ChildInputs.InFlenAsync(factory, number.TenWithDash, "Marias"),
        };
        await using var karin = await ChildServiceSession.StartAsync(factory, Karin);
        await using var maria = await ChildServiceSession.StartAsync(factory, Maria);

        var results = await Task.WhenAll(
            Task.Run(() => karin.Children.RegisterAsync(inputs[0])),
            Task.Run(() => maria.Children.RegisterAsync(inputs[1])));

        Assert.Single(results, r => r.Succeeded);
        results.Single(r => !r.Succeeded).AssertFailedWith(nameof(ChildInput.PersonalIdentityNumber), "Child_Pin_Taken");
        await using var context = await ContextAsync(factory);
        var number12 = PersonalIdentityNumber.FromCanonical(number.Canonical);
        Assert.Equal(1, await context.Children.CountAsync(c => c.PersonalIdentityNumber == number12));
    }
}
