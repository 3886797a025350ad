using FluentValidation;
using Microsoft.Extensions.Localization;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.FollowUp;
using TabbPortal.Web.Indicators;
using TabbPortal.Web.Reporting;
using TabbPortal.Web.Resources;

namespace TabbPortal.Web.FollowUp;

public static class DependencyInjection
{
    public const string ExportPath = "/uppfoljning/enkater/export";

    public static IServiceCollection AddFollowUp(this IServiceCollection services) =>
        services.AddScoped<QuestionnaireService>()
            .AddScoped<EffectResultsService>()
            .AddScoped<IValidator<EffectResponseInput>, EffectResponseInputValidator>()
            .AddScoped<IValidator<AnswerCodeInput>, AnswerCodeInputValidator>()
            .AddScoped<IValidator<IssueAnswerCodeInput>, IssueAnswerCodeInputValidator>();

    /// <summary>CSV export of the questionnaire results per kind of respondent: process leaders only, checked again by the service.</summary>
    public static IEndpointRouteBuilder MapFollowUpExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportPath + "/{table}.csv", async (string table, string? from, string? to, string? area, HttpContext http,
                EffectResultsService results, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
            {
                var filter = ReportFilter.Parse(from, to, area, results.Today);
                var report = await results.GetForAsync(http.User, filter, cancellationToken);
                if (report.Tables.SingleOrDefault(t => t.Id == table) is not { } found)
                {
                    return Results.NotFound();
                }

                return Results.File(ReportCsv.Write(found, localizer), Csv.ContentType, $"enkater-{table}-{filter.From}-{filter.To}.csv");
            })
            .RequireAuthorization(policy => policy.RequireRole(PortalRoles.ProcessLeader));
        return endpoints;
    }

    public static string ExportUrl(string table, ReportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return $"{ExportPath}/{table}.csv?{filter.Query}";
    }
}
