using FluentValidation;
using TabbPortal.Domain.Implementation;

namespace TabbPortal.Web.Implementation;

public static class DependencyInjection
{
    public static IServiceCollection AddImplementation(this IServiceCollection services)
    {
        services.AddScoped<IValidator<StepProgressInput>, StepProgressInputValidator>();
        services.AddScoped<IValidator<StepInput>, StepInputValidator>();
        services.AddScoped<IValidator<MilestoneInput>, MilestoneInputValidator>();
        services.AddScoped<ImplementationService>();
        return services;
    }
}
