namespace TabbPortal.Web.Consent;

public static class DependencyInjection
{
    public static IServiceCollection AddConsent(this IServiceCollection services)
    {
        services.AddScoped<ConsentService>();
        return services;
    }
}
