using System.Globalization;

namespace TabbPortal.Domain.Reporting;

/// <summary>A calendar month, the unit every indicator and questionnaire result is reported in.</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public YearMonth Next => Of(FirstDay.AddMonths(1));

    public YearMonth Previous => Of(FirstDay.AddMonths(-1));

    public static YearMonth Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>Reads "yyyy-MM" (the value of an input of type month); null for anything else.</summary>
    public static YearMonth? Parse(string? text) =>
        DateOnly.TryParseExact((text ?? string.Empty).Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? Of(day)
            : null;

    /// <summary>The months from the first to the last, both included.</summary>
    public static IReadOnlyList<YearMonth> Range(YearMonth first, YearMonth last)
    {
        var months = new List<YearMonth>();
        for (var m = first; m.CompareTo(last) <= 0; m = m.Next)
        {
            months.Add(m);
        }

        return months;
    }

    public int CompareTo(YearMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    /// <summary>"2026-11", the form used in URLs, inputs and CSV files.</summary>
    public override string ToString() => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool operator <(YearMonth left, YearMonth right) => left.CompareTo(right) < 0;

    public static bool operator >(YearMonth left, YearMonth right) => left.CompareTo(right) > 0;

    public static bool operator <=(YearMonth left, YearMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >=(YearMonth left, YearMonth right) => left.CompareTo(right) >= 0;
}
