using TabbPortal.Domain.Reporting;

namespace TabbPortal.Web.Indicators;

/// <summary>Builds a table of month blocks (each municipality, then the area's total) and protects every block (<see cref="SmallNumbers.ProtectBlock"/>).</summary>
internal static class ReportTables
{
    /// <param name="cells">The cells of a municipality in a month; a null municipality asks for the area's total.</param>
    public static ReportTable Build(string id, string captionKey, IReadOnlyList<ReportColumn> columns, IReadOnlyList<YearMonth> months,
        IReadOnlyList<Municipality> municipalities, Func<YearMonth, Municipality?, IReadOnlyList<ReportCell>> cells, int? totalColumn = null)
    {
        var additive = columns.Select((c, i) => (c, i)).Where(x => x.c.Additive).Select(x => x.i).ToArray();
        var rows = new List<ReportRow>();
        foreach (var month in months)
        {
            var block = municipalities.Select(m => (Name: m.Name, IsTotal: false, Cells: cells(month, m))).ToList();
            if (municipalities.Count > 1)
            {
                block.Add((string.Empty, true, cells(month, null)));
            }

            var protectedCells = SmallNumbers.ProtectBlock([.. block.Select(b => b.Cells)], additive, totalColumn, municipalities.Count > 1 ? block.Count - 1 : null);
            rows.AddRange(block.Select((b, i) => new ReportRow(month, b.Name, b.IsTotal, protectedCells[i])));
        }

        return new ReportTable(id, captionKey, columns, rows);
    }
}
