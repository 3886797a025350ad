using Microsoft.Extensions.Localization;
using TabbPortal.Domain.Access;
using TabbPortal.Web.Reporting;
using TabbPortal.Web.Resources;

namespace TabbPortal.Web.Indicators;

public static class DependencyInjection
{
    public const string ExportPath = "/uppfoljning/indikatorer/export";

    public static IServiceCollection AddIndicators(this IServiceCollection services) => services.AddScoped<IndicatorService>();

    /// <summary>CSV export of each indicator table: process leaders only, checked again by the service.</summary>
    public static IEndpointRouteBuilder MapIndicatorExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportPath + "/{table}.csv", async (string table, string? from, string? to, string? area, HttpContext http,
                IndicatorService indicators, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
            {
                var filter = ReportFilter.Parse(from, to, area, indicators.Today);
                var report = await indicators.GetForAsync(http.User, filter, cancellationToken);
                if (report.Tables.SingleOrDefault(t => t.Id == table) is not { } found)
                {
                    return Results.NotFound();
                }

                return Results.File(ReportCsv.Write(found, localizer), Csv.ContentType, $"indikatorer-{table}-{filter.From}-{filter.To}.csv");
            })
            .RequireAuthorization(policy => policy.RequireRole(PortalRoles.ProcessLeader));
        return endpoints;
    }

    /// <summary>The export link of a table for a filter.</summary>
    public static string ExportUrl(string table, ReportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return $"{ExportPath}/{table}.csv?{filter.Query}";
    }
}
