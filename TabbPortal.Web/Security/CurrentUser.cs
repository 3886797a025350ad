using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using TabbPortal.Domain.Access;

namespace TabbPortal.Web.Security;

/// <summary>
/// The signed-in user, for services called from components. Every service method that changes data asks it again:
/// hiding a button is not authorization.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationStateProvider)
{
    public async Task<ClaimsPrincipal> GetPrincipalAsync() =>
        (await authenticationStateProvider.GetAuthenticationStateAsync()).User;

    public async Task<ClaimsPrincipal> RequireRoleAsync(string role)
    {
        var user = await GetPrincipalAsync();
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(role))
        {
            throw new UnauthorizedAccessException($"The operation requires the role {role}.");
        }

        return user;
    }

    public Task<ClaimsPrincipal> RequireAdministratorAsync() => RequireRoleAsync(PortalRoles.Administrator);
}

public static class ClaimsPrincipalExtensions
{
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(PortalClaims.DisplayName) ?? user.Identity?.Name ?? string.Empty;

    public static Guid? UnitId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(PortalClaims.UnitId), out var id) ? id : null;

    /// <summary>The id of this sign-in (the same across cookie refreshes, new at the next sign-in).</summary>
    public static string? SessionId(this ClaimsPrincipal user) => user.FindFirstValue(PortalClaims.SessionId);

    /// <summary>The page each role starts on.</summary>
    public static string StartPage(this ClaimsPrincipal user) =>
        user.IsInRole(PortalRoles.Administrator) ? "/admin"
        : user.IsInRole(PortalRoles.ProcessLeader) ? "/uppfoljning"
        : user.IsInRole(PortalRoles.Practitioner) ? "/mitt-arbete"
        : user.IsInRole(PortalRoles.LogReviewer) ? "/logg"
        : "/Account/AccessDenied";
}
