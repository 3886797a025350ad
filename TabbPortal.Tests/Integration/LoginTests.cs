using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Web.Security;

namespace TabbPortal.Tests.Integration;

/// <summary>
/// Failed logins, lockout, deactivated accounts and logout. Each test that changes an account uses a demo user of its
/// own, so the tests can share one portal.
/// </summary>
public sealed class LoginTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string FailedMessage = "Fel e-postadress eller lösenord.";
    private const string LockedOutMessage = "För många misslyckade försök. Kontot är låst en stund; försök igen senare.";
    private const string InactiveMessage = "Kontot är inaktiverat. Kontakta en administratör.";

    [Theory]
    [InlineData("jonas.nyberg@demo.example", "Wrong-Password-2026")]
    [InlineData("ingen.alls@demo.example", PortalFactory.DemoPassword)]
    public async Task A_wrong_password_or_unknown_address_gives_the_Swedish_message_and_no_auth_cookie(string email, string password)
    {
        using var browser = new PortalBrowser(factory);

        var response = await browser.SubmitLoginAsync(email, password);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains(FailedMessage, response.Text, StringComparison.Ordinal);
        Assert.False(response.SetsAuthCookie);
        Assert.DoesNotContain(password, response.Html, StringComparison.Ordinal);
        var after = await browser.GetAsync("/mitt-arbete");
        Assert.Equal(PortalBrowser.LoginPath, after.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_against_the_right_password()
    {
        const string email = "omar.haddad@demo.example";
        using var browser = new PortalBrowser(factory);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = await browser.SubmitLoginAsync(email, "Wrong-Password-2026");
            Assert.Contains(FailedMessage, failed.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(LockedOutMessage, failed.Text, StringComparison.Ordinal);
        }

        var fifth = await browser.SubmitLoginAsync(email, "Wrong-Password-2026");
        Assert.False(fifth.SetsAuthCookie);

        var right = await browser.SubmitLoginAsync(email, PortalFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Contains(LockedOutMessage, right.Text, StringComparison.Ordinal);
        Assert.False(right.SetsAuthCookie);

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        Assert.True(await users.IsLockedOutAsync(user));
    }

    [Fact]
    public async Task Empty_fields_give_the_Swedish_field_messages()
    {
        using var browser = new PortalBrowser(factory);

        var response = await browser.SubmitLoginAsync(string.Empty, string.Empty);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains("Ange din e-postadress.", response.Text, StringComparison.Ordinal);
        Assert.Contains("Ange ditt lösenord.", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(FailedMessage, response.Text, StringComparison.Ordinal);
        Assert.False(response.SetsAuthCookie);
    }

    [Fact]
    public async Task A_malformed_address_gives_the_Swedish_field_message()
    {
        using var browser = new PortalBrowser(factory);

        var response = await browser.SubmitLoginAsync("karin.ek", PortalFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains("Ange en giltig e-postadress, till exempel namn@kommun.se.", response.Text, StringComparison.Ordinal);
        Assert.False(response.SetsAuthCookie);
    }

    [Fact]
    public async Task A_login_post_without_the_antiforgery_token_is_refused()
    {
        using var browser = new PortalBrowser(factory);
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = "karin.ek@demo.example",
            ["Input.Password"] = PortalFactory.DemoPassword,
        };

        var response = await browser.PostFormAsync(PortalBrowser.LoginPath, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(response.SetsAuthCookie);
    }

    [Fact]
    public async Task A_deactivated_account_cannot_log_in()
    {
        const string email = "lina.berg@demo.example";
        await SetActiveAsync(email, active: false);
        using var browser = new PortalBrowser(factory);

        var response = await browser.SubmitLoginAsync(email, PortalFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains(InactiveMessage, response.Text, StringComparison.Ordinal);
        Assert.False(response.SetsAuthCookie);
    }

    [Fact]
    public async Task An_account_deactivated_while_signed_in_loses_its_session_at_the_next_request()
    {
        const string email = "sara.holm@demo.example";
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/mitt-arbete")).Status);

        await SetActiveAsync(email, active: false);
        var response = await browser.GetAsync("/mitt-arbete");

        Assert.Equal(HttpStatusCode.Found, response.Status);
        Assert.Equal(PortalBrowser.LoginPath, response.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Logging_out_ends_the_session()
    {
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync("nils.dahl@demo.example");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).Status);

        var logout = await browser.LogOutFromAsync("/admin");

        Assert.Equal(HttpStatusCode.Found, logout.Status);
        Assert.Equal(PortalBrowser.LoginPath, logout.Location?.AbsolutePath);
        Assert.True(logout.ClearsAuthCookie, "The logout response does not clear the auth cookie: " + string.Join(" | ", logout.SetCookies));
        var after = await browser.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Found, after.Status);
        Assert.Equal(PortalBrowser.LoginPath, after.Location?.AbsolutePath);
        var loginPage = await browser.GetAsync(logout.Location!.PathAndQuery);
        Assert.Contains("Du är utloggad.", loginPage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_logout_post_without_the_antiforgery_token_is_refused_and_the_session_lives_on()
    {
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync("eva.strand@demo.example");

        var logout = await browser.PostFormAsync("/Account/Logout", new Dictionary<string, string>());

        Assert.True((int)logout.Status >= 400, $"A logout without a token was accepted: {logout}");
        Assert.False(logout.ClearsAuthCookie);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/uppfoljning")).Status);
    }

    private async Task SetActiveAsync(string email, bool active)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email + " is not seeded.");
        user.IsActive = active;
        var result = await users.UpdateAsync(user);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}
