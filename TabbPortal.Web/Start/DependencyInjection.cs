namespace TabbPortal.Web.Start;

public static class DependencyInjection
{
    public static IServiceCollection AddStartPages(this IServiceCollection services) =>
        services.AddScoped<StartPageQueries>().AddScoped<MyChildrenQuery>();
}
