using System.Globalization;
using Microsoft.Extensions.Localization;
using TabbPortal.Domain.Implementation;
using TabbPortal.Domain.Organisations;
using TabbPortal.Web.Components.Shared;

namespace TabbPortal.Web.Implementation;

/// <summary>The words the overview, the organisation page and the CSV exports use for a status, so that they always agree.</summary>
public static class ImplementationText
{
    /// <summary>"Klart", "Pågår (2 av 5 enheter)", "Klart · 95 %": the text of one cell of the overview.</summary>
    public static string Cell(IStringLocalizer localizer, StepColumn step, OverviewCell cell)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(cell);
        var text = localizer.Enum(cell.Status);
        if (step.Scope == StepScope.Unit)
        {
            text += " (" + string.Format(CultureInfo.CurrentCulture, localizer["Implementation_UnitsDone"], cell.UnitsDone, cell.UnitsTotal) + ")";
        }

        if (cell.TrainedShare is { } share)
        {
            text += " · " + Share(share);
        }

        return text;
    }

    public static string Share(int share) => share.ToString(CultureInfo.CurrentCulture) + " %";

    /// <summary>The CSS class of a status (colour is never the only cue: the cell also has the status as text).</summary>
    public static string CssClass(StepStatus status) => status switch
    {
        StepStatus.Done => "status-done",
        StepStatus.InProgress => "status-in-progress",
        _ => "status-not-started",
    };

    public static string Group(IStringLocalizer localizer, SubRegion? subRegion)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return subRegion is { } region ? localizer.Enum(region) : localizer["SubRegion_CountyWide"];
    }

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Time(DateTimeOffset? at, TimeZoneInfo zone) =>
        at is { } value ? TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty;

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
