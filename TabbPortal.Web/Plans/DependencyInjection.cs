using FluentValidation;
using TabbPortal.Domain.Plans;

namespace TabbPortal.Web.Plans;

public static class DependencyInjection
{
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        // Stateless (the clock is read when validating), and built once: the plan service is made for every hub call, and
        // building a validator costs more than using it.
        services.AddSingleton<IValidator<ActionInput>, ActionInputValidator>();
        services.AddSingleton<IValidator<PlanViewsInput>, PlanViewsInputValidator>();
        services.AddSingleton<IValidator<ReviewInput>, ReviewInputValidator>();
        services.AddSingleton<IValidator<FixVersionInput>, FixVersionInputValidator>();
        services.AddSingleton<IValidator<TabbPortal.Domain.Meetings.MeetingInput>, TabbPortal.Domain.Meetings.MeetingInputValidator>();
        services.AddScoped<PlanService>();
        return services;
    }
}
