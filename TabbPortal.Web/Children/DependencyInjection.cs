using FluentValidation;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Concerns;

namespace TabbPortal.Web.Children;

public static class DependencyInjection
{
    public static IServiceCollection AddChildren(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<IChildDirectory, EfChildDirectory>();
        services.AddScoped<IValidator<ChildInput>, ChildInputValidator>();
        services.AddScoped<IValidator<SupportLevelInput>, SupportLevelInputValidator>();
        services.AddScoped<IValidator<RoleAssignmentInput>, RoleAssignmentInputValidator>();
        services.AddScoped<IValidator<ConcernInput>, ConcernInputValidator>();
        services.AddScoped<ChildService>();
        return services;
    }
}
