using TabbPortal.Domain.Organisations;
using TabbPortal.Domain.Reporting;

namespace TabbPortal.Web.Indicators;

/// <summary>A column of an aggregate table: its resource key, what kind of figure it holds, and whether its figures add up to a total.</summary>
public sealed record ReportColumn(string Key, FigureKind Kind, bool Additive);

/// <summary>One row: a municipality (or the total of the chosen area) in a month. The cells are already suppressed where they must be.</summary>
public sealed record ReportRow(YearMonth Month, string Municipality, bool IsTotal, IReadOnlyList<ReportCell> Cells);

/// <summary>A table of a report, the same for the page, the chart data and the CSV export.</summary>
public sealed record ReportTable(string Id, string CaptionKey, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows)
{
    /// <summary>The rows that summarise the area per month: the total rows, or the only municipality's rows.</summary>
    public IReadOnlyList<ReportRow> AreaRows => Rows.Any(r => r.IsTotal) ? [.. Rows.Where(r => r.IsTotal)] : Rows;
}

/// <summary>A choice in the area filter: the county, a sub-region or one municipality.</summary>
public sealed record AreaOption(string Value, string Name, SubRegion? SubRegion, bool IsMunicipality);

/// <summary>The period (months, both ends included) and the area of a report.</summary>
public sealed record ReportFilter(YearMonth From, YearMonth To, string Area)
{
    public const string County = "county";
    public const int MaxMonths = 36;

    public IReadOnlyList<YearMonth> Months => YearMonth.Range(From, To);

    /// <summary>The last twelve months up to the current one, for the whole county.</summary>
    public static ReportFilter Default(DateOnly today) => new(YearMonth.Of(today.AddMonths(-11)), YearMonth.Of(today), County);

    /// <summary>
    /// Reads a filter from query values; anything missing or wrong falls back to the default, a reversed period is turned
    /// round, the end is not after the current month, and a period longer than <see cref="MaxMonths"/> keeps its last months.
    /// </summary>
    public static ReportFilter Parse(string? from, string? to, string? area, DateOnly today)
    {
        var fallback = Default(today);
        var current = YearMonth.Of(today);
        var first = YearMonth.Parse(from) ?? fallback.From;
        var last = YearMonth.Parse(to) ?? fallback.To;
        if (first > last)
        {
            (first, last) = (last, first);
        }

        last = last > current ? current : last;
        first = first > last ? last : first;
        if (YearMonth.Range(first, last).Count > MaxMonths)
        {
            first = YearMonth.Of(last.FirstDay.AddMonths(-(MaxMonths - 1)));
        }

        return new ReportFilter(first, last, string.IsNullOrWhiteSpace(area) ? County : area.Trim());
    }

    /// <summary>The query string that gives this filter back, e.g. for the export links.</summary>
    public string Query => $"from={From}&to={To}&area={Uri.EscapeDataString(Area)}";
}

/// <summary>The municipalities a filter's area covers.</summary>
internal sealed record Municipality(Guid Id, string Name, SubRegion? SubRegion);
