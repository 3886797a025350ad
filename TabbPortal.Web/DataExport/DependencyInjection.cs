namespace TabbPortal.Web.DataExport;

public static class DependencyInjection
{
    public static IServiceCollection AddDataExport(this IServiceCollection services)
    {
        services.AddScoped<ChildDataExport>();
        return services;
    }
}
