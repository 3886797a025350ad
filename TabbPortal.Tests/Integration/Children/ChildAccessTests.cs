using System.Net;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Concerns;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Children;

/// <summary>
/// Who may see which child, checked on the server: in <c>ChildService</c> (a child the user may not see is not found,
/// and acting on it is refused) and over HTTP on the pages. Nothing here is allowed to change a child: if a refused
/// call got through, the test fails.
/// </summary>
public sealed class ChildAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly Today => ChildInputs.Today;

    [Fact]
    public async Task A_practitioner_of_another_unit_cannot_find_read_or_act_on_a_child()
    {
        // Noah is registered by Ekskolan, attends Ekskolan and has Karin and Sara in his roles: nothing ties him to BVC Flen.
        var noahId = await ChildIdAsync(factory, "Noah", "Sjöberg");
        var noah = await factory.ReloadAsync(Karin, noahId);
        var number = TestNumber.FromDisplayed(noah.PersonalIdentityNumber);
        var maria = await UserIdAsync(factory, Maria);
        await using var session = await ChildServiceSession.StartAsync(factory, Maria);
        var children = session.Children;

        Assert.Null(await children.GetAsync(noahId));
        Assert.DoesNotContain(await children.SearchAsync(null), r => r.Id == noahId);
        Assert.Empty(await children.SearchAsync("Sjöberg"));
        Assert.Empty(await children.SearchAsync(number.TwelveWithDash));

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => children.ChangeSupportLevelAsync(
            noahId, new SupportLevelInput { Level = SupportLevel.Universal, From = Today }, noah.Version));
        var bvc = await UnitIdAsync(factory, "BVC Flen");
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => children.RecordConcernAsync(new ConcernInput
        {
            ChildId = noahId,
            WhatIsInTheWay = "Försök att skriva till ett barn jag inte ser.",
            Decision = ConcernDecision.HandOverToAnotherAgency,
            HandOverToUnitId = bvc,
        }));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => children.AssignRoleAsync(
            noahId, new RoleAssignmentInput { Role = ChildRole.ContactPerson, StaffUserId = maria, From = Today }, noah.Version));
        var rename = noah.ToInput();
        rename.GivenName = "Ändrad";
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => children.UpdateDetailsAsync(rename, noah.Version));

        var after = await factory.ReloadAsync(Karin, noahId);
        Assert.Equal(("Noah", SupportLevel.Coordinated, noah.Version), (after.GivenName, after.Level, after.Version));
        Assert.Equal(noah.Concerns.Count, after.Concerns.Count);
        Assert.Equal(noah.Roles.Count, after.Roles.Count);
        Assert.Null(await children.GetAsync(noahId));
    }

    [Theory]
    [InlineData(Eva, PortalRoles.ProcessLeader)]
    [InlineData(Nils, PortalRoles.Administrator)]
    public async Task A_process_leader_or_administrator_is_refused_every_child_operation(string email, string role)
    {
        var noahId = await ChildIdAsync(factory, "Noah", "Sjöberg");
        var noah = await factory.ReloadAsync(Karin, noahId);
        await using var session = await ChildServiceSession.StartAsync(factory, email);
        await AssertSignedInAsync(session, role);
        var children = session.Children;

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => children.SearchAsync(null));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => children.SearchAsync("Noah"));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => children.GetAsync(noahId));
        var registration = await ChildInputs.InFlenAsync(factory, TestNumber.Next().TwelveDigits);
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => children.RegisterAsync(registration));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => children.ChangeSupportLevelAsync(
            noahId, new SupportLevelInput { Level = SupportLevel.Targeted, From = Today }, noah.Version));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => children.RecordConcernAsync(new ConcernInput
        {
            ChildId = noahId, WhatIsInTheWay = "Oro.", Decision = ConcernDecision.HandleWithinAgency,
        }));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => children.ListStaffAsync());

        Assert.Equal(noah.Version, (await factory.ReloadAsync(Karin, noahId)).Version);
    }

    [Theory]
    [InlineData(Eva, PortalRoles.ProcessLeader)]
    [InlineData(Nils, PortalRoles.Administrator)]
    public async Task A_process_leader_or_administrator_cannot_learn_whether_a_number_is_registered_from_a_save_of_details(string email, string role)
    {
        // Checking the role after validating the input would answer "Child_Pin_Taken" for a registered number.
        var noah = await factory.ReloadAsync(Karin, await ChildIdAsync(factory, "Noah", "Sjöberg"));
        var probe = await ChildInputs.InFlenAsync(factory, noah.PersonalIdentityNumber, "Vem", "Där");
        probe.Id = Guid.NewGuid();

        await using var session = await ChildServiceSession.StartAsync(factory, email);
        await AssertSignedInAsync(session, role);

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => session.Children.UpdateDetailsAsync(probe, Guid.NewGuid()));
    }

    [Fact]
    public async Task The_child_page_is_not_prerendered_so_the_record_never_travels_in_the_first_response()
    {
        var noahId = await ChildIdAsync(factory, "Noah", "Sjöberg");
        var noah = await factory.ReloadAsync(Karin, noahId);
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(Karin);

        var page = await browser.GetAsync($"/barn/{noahId}");

        // Karin may see Noah (the browser tests show the page); the record comes over the circuit, read once and logged once.
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("blazor.web.js", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sjöberg", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(noah.PersonalIdentityNumber, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_child_page_tells_a_practitioner_who_may_not_see_the_child_that_it_was_not_found_and_shows_nothing_of_it()
    {
        var noahId = await ChildIdAsync(factory, "Noah", "Sjöberg");
        var number = TestNumber.FromDisplayed((await factory.ReloadAsync(Karin, noahId)).PersonalIdentityNumber);
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(Maria);

        var page = await browser.GetAsync($"/barn/{noahId}");
        var unknown = await browser.GetAsync($"/barn/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        foreach (var secret in new[] { "Noah", "Sjöberg", "Petra", number.TwelveWithDash, number.TwelveDigits, number.TenWithDash, number.TenDigits })
        {
            Assert.DoesNotContain(secret, page.Text, StringComparison.Ordinal);
        }

        // The same answer as for a child that does not exist: the page does not tell whether the id is in use (the
        // browser tests show both as "Barnet hittades inte").
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Equal(Without(page.Text, noahId), Without(unknown.Text, null));
    }

    /// <summary>The response without the ids and tokens that differ between any two requests.</summary>
    private static string Without(string html, Guid? id) =>
        System.Text.RegularExpressions.Regex.Replace(
            id is { } known ? html.Replace(known.ToString(), string.Empty, StringComparison.OrdinalIgnoreCase) : html,
            "(?s)[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|value=\"[^\"]*\"|<!--Blazor:.*?-->|[A-Za-z0-9+/=_-]{20,}", string.Empty);

    [Theory]
    [InlineData("/barn")]
    [InlineData("/barn/ny")]
    [InlineData("/barn/{noah}")]
    public async Task A_process_leader_is_refused_the_children_pages(string path)
    {
        var noahId = await ChildIdAsync(factory, "Noah", "Sjöberg");
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(Eva);

        var response = await browser.GetAsync(path.Replace("{noah}", noahId.ToString(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Found, response.Status);
        Assert.Equal(PortalBrowser.AccessDeniedPath, response.Location?.AbsolutePath);
        Assert.DoesNotContain("Noah", response.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_children_list_is_refused_to_an_anonymous_visitor()
    {
        using var browser = new PortalBrowser(factory);

        var response = await browser.GetAsync("/barn");

        Assert.Equal(HttpStatusCode.Found, response.Status);
        Assert.Equal(PortalBrowser.LoginPath, response.Location?.AbsolutePath);
    }

    /// <summary>The refusals above must come from the role, not from a session that failed to sign in.</summary>
    private static async Task AssertSignedInAsync(ChildServiceSession session, string role)
    {
        var principal = await session.CurrentUser.GetPrincipalAsync();
        Assert.True(principal.Identity?.IsAuthenticated, "The session is not signed in.");
        Assert.True(principal.IsInRole(role), $"The session is not in the role {role}.");
    }
}
