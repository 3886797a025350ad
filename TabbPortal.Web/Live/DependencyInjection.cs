using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TabbPortal.Web.Live;

public static class DependencyInjection
{
    /// <summary>The live joint meeting: presence, soft locks, the change feed and the hub.</summary>
    public static IServiceCollection AddLive(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSignalR();
        services.AddSingleton<PlanSubscriptions>();
        services.AddSingleton<PlanPresence>();
        services.AddSingleton<SoftLocks>();
        services.AddSingleton<IPlanChangePublisher, InProcessPlanChangePublisher>();
        services.AddScoped<PlanLive>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, LivePresenceCircuitHandler>();
        services.AddHostedService<LiveAccessWatch>();
        services.AddScoped<Plans.PlanDraftService>();

        // A hub client is not a browser page: refused, it gets a status code, not a redirect to the login page.
        services.ConfigureApplicationCookie(cookie =>
        {
            var toLogin = cookie.Events.OnRedirectToLogin;
            var toAccessDenied = cookie.Events.OnRedirectToAccessDenied;
            cookie.Events.OnRedirectToLogin = context => IsHubRequest(context) ? Refuse(context, StatusCodes.Status401Unauthorized) : toLogin(context);
            cookie.Events.OnRedirectToAccessDenied = context => IsHubRequest(context) ? Refuse(context, StatusCodes.Status403Forbidden) : toAccessDenied(context);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder endpoints)
    {
        // The connection closes when the sign-in expires, so a deactivated account cannot keep listening on an old cookie.
        endpoints.MapHub<PlanHub>(PlanHub.Path, options => options.CloseOnAuthenticationExpiration = true);
        return endpoints;
    }

    private static bool IsHubRequest(RedirectContext<CookieAuthenticationOptions> context) =>
        context.Request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);

    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
