using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Organisations;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Web.Indicators;

/// <summary>The areas a process leader can report on, and the municipalities in the chosen one.</summary>
internal static class AreaScope
{
    private static readonly StringComparer Swedish = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), true);

    public static async Task<IReadOnlyList<Municipality>> MunicipalitiesAsync(PortalDbContext context, CancellationToken cancellationToken) =>
        [.. (await context.Organisations.Where(o => o.Kind == OrganisationKind.Municipality)
                .Select(o => new { o.Id, o.Name, o.SubRegion })
                .ToListAsync(cancellationToken))
            .Select(o => new Municipality(o.Id, o.Name, o.SubRegion))
            .OrderBy(m => m.Name, Swedish)];

    /// <summary>The county, each sub-region, then each municipality.</summary>
    public static IReadOnlyList<AreaOption> Options(IReadOnlyList<Municipality> municipalities) =>
        [
            new AreaOption(ReportFilter.County, string.Empty, null, false),
            .. Enum.GetValues<SubRegion>().Select(r => new AreaOption(r.ToString(), string.Empty, r, false)),
            .. municipalities.Select(m => new AreaOption(m.Id.ToString(), m.Name, m.SubRegion, true)),
        ];

    /// <summary>The municipalities of an area value; an unknown value means the whole county.</summary>
    public static IReadOnlyList<Municipality> In(IReadOnlyList<Municipality> municipalities, string area) =>
        Enum.TryParse<SubRegion>(area, ignoreCase: false, out var region) && Enum.IsDefined(region)
            ? [.. municipalities.Where(m => m.SubRegion == region)]
            : Guid.TryParse(area, out var id) && municipalities.Any(m => m.Id == id)
                ? [.. municipalities.Where(m => m.Id == id)]
                : municipalities;
}
