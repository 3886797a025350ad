using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Children;

namespace TabbPortal.Tests.Integration.Children;

/// <summary>The demo children give every view something to show, and every one of their numbers is well-formed. Read-only.</summary>
public sealed class DemoChildrenTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_demo_data_has_at_least_two_children_at_each_support_level_across_several_municipalities()
    {
        await using var context = await DemoLookup.ContextAsync(factory);
        var children = await context.Children.AsNoTracking().Include(c => c.SupportLevels).ToListAsync();
        var municipalities = await context.Organisations.ToDictionaryAsync(o => o.Id, o => o.Name);

        Assert.All(children, c => Assert.Single(c.SupportLevels, p => p.To is null));
        foreach (var level in Enum.GetValues<SupportLevel>())
        {
            var atLevel = children.Where(c => c.CurrentSupportLevel == level).ToList();
            Assert.True(atLevel.Count >= 2, $"{atLevel.Count} demo children at {level}.");
            var places = atLevel.Select(c => municipalities[c.MunicipalityId]).Distinct().ToList();
            Assert.True(places.Count >= 2, $"The demo children at {level} live in {string.Join(", ", places)} only.");
        }

        Assert.True(children.Select(c => c.MunicipalityId).Distinct().Count() >= 5, "The demo children should live in several municipalities.");
    }

    [Fact]
    public async Task Every_demo_child_has_a_valid_number_that_round_trips_through_its_canonical_form()
    {
        Assert.True(await DemoLookup.CountChildrenAsync(factory) > 0, "The portal started without demo children."); // starts the portal and its seed

        // Read the stored text itself, not what EF's converter makes of it.
        var stored = new List<(string Name, string Number)>();
        await using (var connection = new SqliteConnection(factory.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT GivenName || ' ' || FamilyName, PersonalIdentityNumber FROM Children";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.True(stored.Count >= 18, $"Only {stored.Count} demo children.");
        Assert.Equal(stored.Count, stored.Select(s => s.Number).Distinct().Count());
        var today = DateOnly.FromDateTime(DateTime.Now);
        Assert.All(stored, child =>
        {
            var number = PersonalIdentityNumber.FromCanonical(child.Number);
            Assert.Equal(child.Number, number.Value);
            Assert.Equal(number, PersonalIdentityNumber.FromCanonical(number.Value));
            Assert.Matches(@"^\d{8}-\d{4}$", number.ToString());
            Assert.True(PersonalIdentityNumber.TryParse(number.ToString(), today, out var typed, out var error), $"{child.Name}: {error}");
            Assert.Equal(number, typed);
            Assert.False(number.IsCoordinationNumber, $"{child.Name} has a coordination number.");
            Assert.True(number.BirthDate <= today, $"{child.Name} is born in the future.");
        });
    }
}
