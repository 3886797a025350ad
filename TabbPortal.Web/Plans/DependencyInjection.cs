using FluentValidation;
using TabbPortal.Domain.Plans;

namespace TabbPortal.Web.Plans;

public static class DependencyInjection
{
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        // Stateless, and built once: every live edit validates, and building a validator costs more than using it.
        services.AddSingleton<IValidator<ActionInput>, ActionInputValidator>();
        services.AddSingleton<IValidator<PlanViewsInput>, PlanViewsInputValidator>();
        services.AddScoped<IValidator<ReviewInput>, ReviewInputValidator>();
        services.AddScoped<IValidator<FixVersionInput>, FixVersionInputValidator>();
        services.AddScoped<IValidator<TabbPortal.Domain.Meetings.MeetingInput>, TabbPortal.Domain.Meetings.MeetingInputValidator>();
        services.AddScoped<PlanService>();
        return services;
    }
}
