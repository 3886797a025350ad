using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace TabbPortal.Web.Security;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post (with the antiforgery token) so that no link or image can sign a user out.
        endpoints.MapPost("/Account/Logout", async ([FromServices] SignInManager<PortalUser> signInManager) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("/Account/Login?loggedOut=true");
        });
        return endpoints;
    }
}
