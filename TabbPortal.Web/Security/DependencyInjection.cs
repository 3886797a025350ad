using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using TabbPortal.Domain.Access;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Web.Security;

public static class DependencyInjection
{
    public static IServiceCollection AddPortalSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        // Keys outlive a restart, so signed-in users and their antiforgery tokens stay valid across one.
        var keys = Path.GetFullPath(Path.Combine(environment.ContentRootPath, configuration["DataProtection:KeysFolder"] ?? "data/keys"));
        services.AddDataProtection().SetApplicationName("TabbPortal").PersistKeysToFileSystem(new DirectoryInfo(keys));

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddScoped<CurrentUser>();
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.Section))
            .Validate(o => o.EmergencyAccessHours is > 0 and <= 24, "Access:EmergencyAccessHours must be between 0 and 24 hours.")
            .ValidateOnStart();
        services.AddSingleton<ChildAccessDecisions>();
        services.AddScoped<ChildAccessGate>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/Login";
            cookie.LogoutPath = "/Account/Logout";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.Cookie.Name = "TabbPortal.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = ValidateAccountIsActiveAsync;
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = PortalSession.KeepSessionId;
        });

        services.AddIdentityCore<PortalUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = PasswordPolicy.MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = PasswordPolicy.LockoutDuration;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAssertion(context => context.User.Identity?.IsAuthenticated == true || IsFrameworkRequest(context.Resource))
                .Build());
        return services;
    }

    /// <summary>
    /// Blazor's script and circuit hub: open to anonymous visitors so that the anonymous questionnaire (/enkat) can be
    /// interactive. Every page still declares its role and the router enforces it in the circuit; every service checks
    /// the role again on the server.
    /// </summary>
    private static bool IsFrameworkRequest(object? resource) =>
        resource is HttpContext http && (http.Request.Path.StartsWithSegments("/_framework") || http.Request.Path.StartsWithSegments("/_blazor"));

    /// <summary>The security stamp check runs once a minute; a deactivated account is refused at once on its next request.</summary>
    private static async Task ValidateAccountIsActiveAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal?.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var userManager = context.HttpContext.RequestServices.GetRequiredService<UserManager<PortalUser>>();
        var user = await userManager.GetUserAsync(context.Principal);
        if (user is null || !user.IsActive)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
