using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TabbPortal.Web.Security;

/// <summary>
/// Puts the display name and unit in the cookie, so pages need not look the user up to greet them, and a new session id
/// for every sign-in (<see cref="PortalSession"/> keeps it when the principal is refreshed).
/// </summary>
internal sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(PortalClaims.SessionId, PortalSession.NewId()));
        if (user.UnitId is { } unitId)
        {
            identity.AddClaim(new Claim(PortalClaims.UnitId, unitId.ToString()));
        }

        return identity;
    }
}
