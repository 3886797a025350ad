using TabbPortal.Domain.Children;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Children;

/// <summary>Searching children by name or number through <c>ChildService</c>: only children the user may see come back. Read-only.</summary>
public sealed class ChildSearchTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string[]> VisibleChildren => new()
    {
        // Registered by Ekskolan (and attending it).
        { Karin, ["Alva Lindgren", "Hugo Dahlberg", "Maja Holmqvist", "Noah Sjöberg"] },
        // Registered by BVC Flen, Maria is the contact person.
        { Maria, ["Ella Åkesson", "Wilma Forsberg"] },
        // Coordinator for Noah and Hugo; Hugo's concern was also handed over to her unit.
        { Sara, ["Hugo Dahlberg", "Noah Sjöberg"] },
        // Nothing ties BUP to any demo child.
        { Jonas, [] },
    };

    [Theory]
    [MemberData(nameof(VisibleChildren))]
    public async Task An_empty_search_lists_exactly_the_children_the_practitioner_may_see(string email, string[] expected)
    {
        var rows = await factory.AsAsync(email, s => s.SearchAsync("   "));

        Assert.Equal(expected, rows.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(expected, (await factory.AsAsync(email, s => s.SearchAsync(null))).Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("sjö", new[] { "Noah Sjöberg" })]
    [InlineData("berg", new[] { "Hugo Dahlberg", "Noah Sjöberg" })] // not Wilma Forsberg: Maria's, not Karin's
    [InlineData("  noah   sjöberg ", new[] { "Noah Sjöberg" })]
    [InlineData("a", new[] { "Alva Lindgren", "Hugo Dahlberg", "Maja Holmqvist", "Noah Sjöberg" })]
    [InlineData("Åkesson", new string[0])] // Maria's child
    [InlineData("100%", new string[0])]
    public async Task A_search_by_part_of_a_name_finds_the_matching_children_the_practitioner_may_see(string query, string[] expected)
    {
        var rows = await factory.AsAsync(Karin, s => s.SearchAsync(query));

        Assert.Equal(expected, rows.Select(r => r.Name));
    }

    [Theory]
    [InlineData(Karin, "SJÖBERG", "Noah Sjöberg")]
    [InlineData(Maria, "åkesson", "Ella Åkesson")]
    [InlineData(Maria, "ÅKESSON", "Ella Åkesson")]
    public async Task A_search_by_name_ignores_case_also_for_swedish_letters(string email, string query, string expected)
    {
        var rows = await factory.AsAsync(email, s => s.SearchAsync(query));

        Assert.Equal(expected, Assert.Single(rows).Name);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("12-")]
    [InlineData("10")]
    [InlineData("10-")]
    public async Task A_search_by_the_full_number_in_any_accepted_shape_finds_the_one_child(string shape)
    {
        var noahId = await ChildIdAsync(factory, "Noah", "Sjöberg");
        var noah = await factory.ReloadAsync(Karin, noahId);
        var number = TestNumber.FromDisplayed(noah.PersonalIdentityNumber);

        var rows = await factory.AsAsync(Karin, s => s.SearchAsync(" " + number.In(shape) + " "));

        var row = Assert.Single(rows);
        Assert.Equal(
            (noahId, "Noah Sjöberg", number.TwelveWithDash, noah.Age, "Flen kommun", SupportLevel.Coordinated, (string?)"Karin Ek"),
            (row.Id, row.Name, row.PersonalIdentityNumber, row.Age, row.Municipality, row.Level, row.ContactPerson));
    }

    [Theory]
    [InlineData("12")]
    [InlineData("12-")]
    [InlineData("10")]
    [InlineData("10-")]
    public async Task A_search_by_the_number_of_a_child_the_practitioner_may_not_see_finds_nothing(string shape)
    {
        var ella = await factory.ReloadAsync(Maria, await ChildIdAsync(factory, "Ella", "Åkesson"));
        var number = TestNumber.FromDisplayed(ella.PersonalIdentityNumber);
        Assert.Single(await factory.AsAsync(Maria, s => s.SearchAsync(number.In(shape))));

        Assert.Empty(await factory.AsAsync(Karin, s => s.SearchAsync(number.In(shape))));
        Assert.Empty(await factory.AsAsync(Sara, s => s.SearchAsync(number.In(shape))));
    }
}
