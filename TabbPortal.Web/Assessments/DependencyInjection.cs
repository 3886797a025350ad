using FluentValidation;
using TabbPortal.Domain.Assessments;

namespace TabbPortal.Web.Assessments;

public static class DependencyInjection
{
    public static IServiceCollection AddAssessments(this IServiceCollection services) =>
        services
            .AddScoped<IValidator<AssessmentInput>, AssessmentInputValidator>()
            .AddScoped<AssessmentService>()
            .AddScoped<WellbeingLabels>();
}
