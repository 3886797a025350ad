using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TabbPortal.Web.Security;

namespace TabbPortal.Tests.Integration;

/// <summary>A sign-in gets a session id of its own, which the access log records; the security-stamp refresh keeps it.</summary>
public sealed class SessionIdTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<ClaimsPrincipal> SignInPrincipalAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email);
        return await scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>().CreateUserPrincipalAsync(user!);
    }

    [Fact]
    public async Task Every_sign_in_gets_a_new_random_session_id()
    {
        var first = await SignInPrincipalAsync("karin.ek@demo.example");
        var second = await SignInPrincipalAsync("karin.ek@demo.example");

        Assert.Matches("^[0-9a-f]{32}$", first.SessionId());
        Assert.Matches("^[0-9a-f]{32}$", second.SessionId());
        Assert.NotEqual(first.SessionId(), second.SessionId());
        Assert.Single(first.FindAll(PortalClaims.SessionId));
    }

    [Fact]
    public async Task The_security_stamp_refresh_keeps_the_session_id_of_the_sign_in()
    {
        var current = await SignInPrincipalAsync("sara.holm@demo.example");
        var rebuilt = await SignInPrincipalAsync("sara.holm@demo.example");
        var options = factory.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        Assert.NotNull(options.OnRefreshingPrincipal);

        await options.OnRefreshingPrincipal(new SecurityStampRefreshingPrincipalContext { CurrentPrincipal = current, NewPrincipal = rebuilt });

        Assert.Equal(current.SessionId(), rebuilt.SessionId());
        Assert.Single(rebuilt.FindAll(PortalClaims.SessionId));
    }
}
