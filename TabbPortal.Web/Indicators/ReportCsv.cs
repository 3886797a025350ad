using Microsoft.Extensions.Localization;
using TabbPortal.Web.Reporting;
using TabbPortal.Web.Resources;

namespace TabbPortal.Web.Indicators;

/// <summary>A report table as CSV: the same rows and the same suppression marks as on the page.</summary>
public static class ReportCsv
{
    public static byte[] Write(ReportTable table, IStringLocalizer<SharedResource> localizer)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(localizer);
        IReadOnlyList<string> header = [localizer["Report_Month"], localizer["Report_Municipality"], .. table.Columns.Select(c => (string)localizer[c.Key])];
        return Csv.Write(header, table.Rows.Select(r => (IReadOnlyList<string?>)
            [r.Month.ToString(), r.IsTotal ? localizer["Report_AreaTotal"] : r.Municipality, .. r.Cells.Select(c => c.Export())]));
    }
}
