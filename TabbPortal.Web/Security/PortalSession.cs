using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace TabbPortal.Web.Security;

/// <summary>
/// The session id of a sign-in. The security-stamp check rebuilds the principal every minute through the claims factory,
/// which would make a new id; the refresh copies the current one over, so one sign-in keeps one id in the access log.
/// </summary>
internal static class PortalSession
{
    public static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public static Task KeepSessionId(SecurityStampRefreshingPrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CurrentPrincipal?.FindFirst(PortalClaims.SessionId) is not { } current
            || context.NewPrincipal?.Identity is not ClaimsIdentity identity)
        {
            return Task.CompletedTask;
        }

        foreach (var fresh in identity.FindAll(PortalClaims.SessionId).ToList())
        {
            identity.RemoveClaim(fresh);
        }

        identity.AddClaim(new Claim(PortalClaims.SessionId, current.Value));
        return Task.CompletedTask;
    }
}
