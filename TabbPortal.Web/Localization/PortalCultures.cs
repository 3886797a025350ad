using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using TabbPortal.Web.Resources;

namespace TabbPortal.Web.Localization;

/// <summary>Swedish first; English for colleagues who prefer it.</summary>
public static class PortalCultures
{
    public const string Swedish = "sv-SE";
    public const string English = "en-GB";

    public static IReadOnlyList<string> Supported { get; } = [Swedish, English];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        // The shared texts, which every page renders, are looked up once per culture (see CachedStringLocalizer).
        services.AddSingleton<IStringLocalizer<SharedResource>>(provider =>
            new CachedStringLocalizer<SharedResource>(provider.GetRequiredService<IStringLocalizerFactory>()));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture(Swedish);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // Only the user's explicit choice counts; the browser's language does not override Swedish.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/Culture/Set", (string culture, string? redirectUri, HttpContext http) =>
        {
            if (Supported.Contains(culture))
            {
                http.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            }

            return TypedResults.LocalRedirect(IsLocal(redirectUri) ? redirectUri! : "/");
        }).AllowAnonymous();
        return endpoints;
    }

    private static bool IsLocal(string? uri) =>
        !string.IsNullOrEmpty(uri) && uri[0] == '/' && (uri.Length == 1 || (uri[1] != '/' && uri[1] != '\\'));
}
