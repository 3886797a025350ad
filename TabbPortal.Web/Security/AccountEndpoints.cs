using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace TabbPortal.Web.Security;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post with the antiforgery token, so that no other site can sign a user out. Minimal APIs check the
        // token only when they bind a form, so it is checked here explicitly.
        endpoints.MapPost("/Account/Logout", async Task<IResult> (
            HttpContext http, [FromServices] IAntiforgery antiforgery, [FromServices] SignInManager<PortalUser> signInManager) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return TypedResults.BadRequest();
            }

            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("/Account/Login?loggedOut=true");
        }).DisableAntiforgery();
        return endpoints;
    }
}
