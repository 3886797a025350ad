namespace TabbPortal.Web.Retention;

public static class DependencyInjection
{
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.Section))
            .Validate(o => o.ClosedPlanYears >= 1, "Retention:ClosedPlanYears must be a whole number of years, 1 or more.")
            .ValidateOnStart();
        services.AddScoped<RetentionService>();
        return services;
    }
}
