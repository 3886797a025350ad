using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TabbPortal.Domain.Audit;

namespace TabbPortal.Web.Audit;

public static class DependencyInjection
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // One instance for the process: its lock is what serialises the appends.
        services.AddSingleton<SqliteAccessLog>();
        services.AddSingleton<IAccessLog>(provider => provider.GetRequiredService<SqliteAccessLog>());
        services.AddScoped<IValidator<LogReviewInput>, LogReviewInputValidator>();
        services.AddScoped<IValidator<LogSampleInput>, LogSampleInputValidator>();
        services.AddScoped<AccessLogQueries>();
        services.AddScoped<LogReviewService>();
        return services;
    }
}
