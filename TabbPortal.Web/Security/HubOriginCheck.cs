namespace TabbPortal.Web.Security;

/// <summary>
/// Refuses connections to the portal's hubs (the plan hub and Blazor's own circuit hub) from pages of other origins. A
/// browser always names the page's origin on a cross-origin request and a WebSocket upgrade; the sign-in cookie is
/// SameSite=Strict, and this closes the hub even to a same-site page on another port or scheme. Clients outside a browser
/// (such as the Node client) send no Origin and are let through to the authentication that follows.
/// </summary>
public static class HubOriginCheck
{
    private static readonly PathString[] HubPaths = ["/hubs", "/_blazor"];

    public static IApplicationBuilder UseHubOriginCheck(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var configured = app.ApplicationServices.GetRequiredService<IConfiguration>().GetSection("Security:AllowedOrigins").Get<string[]>() ?? [];
        return app.Use(async (context, next) =>
        {
            if (HubPaths.Any(p => context.Request.Path.StartsWithSegments(p)) && context.Request.Headers.Origin.ToString() is { Length: > 0 } origin
                && !IsAllowed(origin, context.Request, configured))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next();
        });
    }

    internal static bool IsAllowed(string origin, HttpRequest request, IReadOnlyCollection<string> configured)
    {
        var own = $"{request.Scheme}://{request.Host}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || configured.Any(o => string.Equals(origin, o.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }
}
