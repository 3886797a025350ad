using FluentValidation;
using TabbPortal.Domain.Plans;

namespace TabbPortal.Web.Plans;

public static class DependencyInjection
{
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.AddScoped<IValidator<ActionInput>, ActionInputValidator>();
        services.AddScoped<IValidator<PlanViewsInput>, PlanViewsInputValidator>();
        services.AddScoped<IValidator<ReviewInput>, ReviewInputValidator>();
        services.AddScoped<IValidator<FixVersionInput>, FixVersionInputValidator>();
        services.AddScoped<IValidator<TabbPortal.Domain.Meetings.MeetingInput>, TabbPortal.Domain.Meetings.MeetingInputValidator>();
        services.AddScoped<PlanService>();
        return services;
    }
}
