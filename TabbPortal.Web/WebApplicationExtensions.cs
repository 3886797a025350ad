using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TabbPortal.Web.DataExport;
using TabbPortal.Web.FollowUp;
using TabbPortal.Web.Indicators;
using TabbPortal.Web.Live;
using TabbPortal.Web.Benchmarking;
using TabbPortal.Web.Implementation;
using TabbPortal.Web.Localization;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web;

public static class WebApplicationExtensions
{
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.InitializeAsync();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        if (seeder.Password is { } password)
        {
            app.Lifetime.ApplicationStarted.Register(() => PrintDemoAccounts(app, password));
        }
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseHubOriginCheck();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapStaticAssetsAndPages<TApp>(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions()).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapCultureEndpoints();
        app.MapLive();
        app.MapDataExport();
        app.MapBenchmarking(app.Configuration);
        app.MapImplementationExports();
        app.MapIndicatorExports();
        app.MapFollowUpExports();
        app.MapRazorComponents<TApp>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>
    /// Framing, sniffing and script-origin protections for every response. Radzen sets inline styles, so styles
    /// allow 'unsafe-inline'; scripts come only from the portal itself.
    /// </summary>
    private static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.XFrameOptions = "DENY";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            context.Response.Headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
                + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
            await next();
        });

    private static void PrintDemoAccounts(WebApplication app, string password)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lines = new List<string> { string.Empty, "TabbPortal is running: " + string.Join(", ", addresses), "Demo accounts (password for all: " + password + "):" };
        lines.AddRange(DemoSeeder.Accounts.Select(a => $"  {a.Email,-32} {a.Title,-32} {a.Role}"));
        Console.WriteLine(string.Join(Environment.NewLine, lines) + Environment.NewLine);
    }
}
