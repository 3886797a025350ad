using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Web.Security;

namespace TabbPortal.Tests.Integration;

/// <summary>
/// A DI scope of the portal signed in as one user, the way Blazor sets the authentication state for a circuit. The
/// services resolved from it act as that user. A new scope is a new "circuit": nothing carries over.
/// </summary>
internal static class SignedInScope
{
    public static async Task<(AsyncServiceScope Scope, PortalUser User)> StartAsync(PortalFactory factory, string email)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var scope = factory.Services.CreateAsyncScope();
        try
        {
            var services = scope.ServiceProvider;
            var user = await services.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email)
                ?? throw new InvalidOperationException($"No account {email} in the demo data.");
            var principal = await services.GetRequiredService<SignInManager<PortalUser>>().CreateUserPrincipalAsync(user);
            if (services.GetRequiredService<AuthenticationStateProvider>() is not IHostEnvironmentAuthenticationStateProvider host)
            {
                // Running on as anonymous would make every "refused" test pass for the wrong reason.
                throw new InvalidOperationException("The authentication state provider does not accept a state from the host.");
            }

            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
            return (scope, user);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }
}
