using System.Globalization;

namespace TabbPortal.Web.Components.Pages.DataExport;

/// <summary>Dates and times in the export page, in the reader's culture; times in the portal's local time.</summary>
internal static class ExportFormat
{
    public static string Day(DateOnly? day) => day?.ToString("d", CultureInfo.CurrentCulture) ?? string.Empty;

    public static string Time(DateTimeOffset? at) => at?.ToLocalTime().ToString("g", CultureInfo.CurrentCulture) ?? string.Empty;
}
