using System.Globalization;
using System.Text;

namespace TabbPortal.Web.Reporting;

/// <summary>
/// CSV for the tables process leaders export. Semicolon-separated with a byte order mark, as Swedish Excel expects;
/// fields are quoted when needed, and a leading =, +, - or @ is neutralised so that a spreadsheet never runs a cell as a
/// formula.
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        AppendRow(text, header);
        foreach (var row in rows)
        {
            AppendRow(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>A number as Swedish Excel reads it (decimal comma).</summary>
    public static string Number(decimal value) => value.ToString(CultureInfo.GetCultureInfo("sv-SE"));

    private static void AppendRow(StringBuilder text, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(';');
            }

            text.Append(Field(fields[i]));
        }

        text.Append("\r\n");
    }

    internal static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.GetCultureInfo("sv-SE"), out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
