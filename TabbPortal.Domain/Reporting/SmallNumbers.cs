using System.Globalization;

namespace TabbPortal.Domain.Reporting;

/// <summary>What a reported figure is: the display follows from it.</summary>
public enum FigureKind
{
    Count = 1,
    Share = 2,
    Median = 3,
    Mean = 4,
}

/// <summary>Why a figure is not shown.</summary>
public enum Suppression
{
    None = 0,

    /// <summary>Built from fewer than <see cref="SmallNumbers.Threshold"/> children (or answers): shown as "&lt;5".</summary>
    SmallNumber = 1,

    /// <summary>Large enough itself, but hidden so that a suppressed figure in the same row or column cannot be worked out from a total.</summary>
    Complementary = 2,
}

/// <summary>
/// One figure of an aggregate table, with the number of children (or questionnaire answers) it is built from. The
/// basis decides whether it may be shown; the value of a suppressed figure never leaves this type.
/// </summary>
public sealed record ReportCell
{
    private readonly decimal? _value;

    private ReportCell(FigureKind kind, decimal? value, int basis, Suppression suppression)
    {
        Kind = kind;
        _value = value;
        Basis = basis;
        Suppression = suppression;
    }

    public FigureKind Kind { get; }

    /// <summary>How many children (or answers) the figure is built from.</summary>
    public int Basis { get; }

    public Suppression Suppression { get; }

    public bool IsShown => Suppression == Suppression.None;

    /// <summary>The value when it may be shown; null when suppressed or when there is nothing to show.</summary>
    public decimal? Value => IsShown ? _value : null;

    /// <summary>The raw value, for the complementary suppression of totals only; never for display or export.</summary>
    internal decimal? RawValue => _value;

    internal static ReportCell Create(FigureKind kind, decimal? value, int basis) =>
        new(kind, value, basis, SmallNumbers.IsTooFew(basis) ? Suppression.SmallNumber : Suppression.None);

    internal ReportCell HiddenAsComplement() => new(Kind, _value, Basis, Suppression.Complementary);

    /// <summary>"&lt;5" for a small number, "×" for a complementary suppression, otherwise the value in the culture's format.</summary>
    public string Display(CultureInfo culture) => Suppression switch
    {
        Suppression.SmallNumber => SmallNumbers.SmallMark,
        Suppression.Complementary => SmallNumbers.ComplementMark,
        _ when _value is null => "–",
        _ => Kind switch
        {
            FigureKind.Count => _value.Value.ToString("N0", culture),
            FigureKind.Share => (_value.Value * 100m).ToString("N0", culture) + " %",
            FigureKind.Median => _value.Value.ToString("N0", culture),
            _ => _value.Value.ToString("N1", culture),
        },
    };

    /// <summary>The figure as a CSV field: the same marks, plain numbers with a decimal comma (shares in per cent).</summary>
    public string Export() => Suppression switch
    {
        Suppression.SmallNumber => SmallNumbers.SmallMark,
        Suppression.Complementary => SmallNumbers.ComplementMark,
        _ when _value is null => string.Empty,
        _ => Kind switch
        {
            FigureKind.Share => (_value.Value * 100m).ToString("0.#", CultureInfo.GetCultureInfo("sv-SE")),
            FigureKind.Mean => _value.Value.ToString("0.##", CultureInfo.GetCultureInfo("sv-SE")),
            _ => _value.Value.ToString("0.#", CultureInfo.GetCultureInfo("sv-SE")),
        },
    };
}

/// <summary>
/// The small-number rule, in one place for every aggregate view and export: a figure built from fewer than five
/// children (counts, shares and medians alike; for questionnaires, fewer than five answers) is shown as "&lt;5", so that
/// no child can be identified. <see cref="ProtectBlock"/> adds complementary suppression, so that a suppressed figure
/// cannot be worked out by subtracting the shown ones from a shown total.
/// </summary>
public static class SmallNumbers
{
    public const int Threshold = 5;

    public const string SmallMark = "<5";

    public const string ComplementMark = "×";

    /// <summary>True for 0 to 4: a zero is suppressed too, so that "none" and "a few" cannot be told apart.</summary>
    public static bool IsTooFew(int basis) => basis < Threshold;

    /// <summary>A number of things (children, meetings, actions) concerning <paramref name="children"/> children.</summary>
    public static ReportCell Count(int value, int children) => ReportCell.Create(FigureKind.Count, value, children);

    /// <summary>A count of children: the basis is the count itself.</summary>
    public static ReportCell Children(int children) => Count(children, children);

    /// <summary>The share <paramref name="part"/>/<paramref name="whole"/>, built on <paramref name="whole"/> children.</summary>
    public static ReportCell Share(int part, int whole) => Share(part, whole, whole);

    /// <summary>The share <paramref name="part"/>/<paramref name="whole"/> of things concerning <paramref name="children"/> children.</summary>
    public static ReportCell Share(int part, int whole, int children) =>
        ReportCell.Create(FigureKind.Share, whole == 0 ? null : (decimal)part / whole, children);

    /// <summary>The median of one value per child (the mean of the middle two for an even number).</summary>
    public static ReportCell Median(IReadOnlyCollection<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return ReportCell.Create(FigureKind.Median, null, 0);
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
        return ReportCell.Create(FigureKind.Median, median, sorted.Length);
    }

    /// <summary>A mean (e.g. of questionnaire answers 1–5) built on <paramref name="answers"/> answers.</summary>
    public static ReportCell Mean(decimal? mean, int answers) => ReportCell.Create(FigureKind.Mean, mean, answers);

    /// <summary>
    /// Complementary suppression in one block of a table (e.g. one month): the rows are parts, and the row at
    /// <paramref name="totalRow"/> (if any) is their sum; in each row the column <paramref name="totalColumn"/> (if any)
    /// is the sum of the <paramref name="additiveColumns"/>. Wherever a shown total has exactly one suppressed part
    /// beside it, the smallest shown part is hidden too (or the total, when no part is left), until no line can be
    /// solved for one unknown. Returns the protected rows; cells that are not additive are left as they are.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<ReportCell>> ProtectBlock(
        IReadOnlyList<IReadOnlyList<ReportCell>> rows, IReadOnlyCollection<int> additiveColumns, int? totalColumn, int? totalRow)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(additiveColumns);
        var grid = rows.Select(r => r.ToArray()).ToArray();
        var parts = additiveColumns.Where(c => c != totalColumn).ToArray();
        bool changed;
        do
        {
            changed = false;
            if (totalColumn is { } tc)
            {
                foreach (var row in grid)
                {
                    changed |= ProtectLine(parts.Select(c => (Get: (Func<ReportCell>)(() => row[c]), Set: (Action<ReportCell>)(v => row[c] = v))).ToList(),
                        () => row[tc], v => row[tc] = v);
                }
            }

            if (totalRow is { } tr)
            {
                var columns = totalColumn is { } t ? parts.Append(t) : parts;
                foreach (var column in columns)
                {
                    var c = column;
                    var lines = Enumerable.Range(0, grid.Length).Where(r => r != tr)
                        .Select(r => (Get: (Func<ReportCell>)(() => grid[r][c]), Set: (Action<ReportCell>)(v => grid[r][c] = v))).ToList();
                    changed |= ProtectLine(lines, () => grid[tr][c], v => grid[tr][c] = v);
                }
            }
        }
        while (changed);

        return grid;
    }

    private static bool ProtectLine(List<(Func<ReportCell> Get, Action<ReportCell> Set)> parts, Func<ReportCell> total, Action<ReportCell> setTotal)
    {
        if (!total().IsShown || parts.Count(p => !p.Get().IsShown) != 1)
        {
            return false;
        }

        var shown = parts.Where(p => p.Get().IsShown).OrderBy(p => p.Get().RawValue ?? 0).ThenBy(p => p.Get().Basis).ToList();
        if (shown.Count == 0)
        {
            setTotal(total().HiddenAsComplement());
        }
        else
        {
            shown[0].Set(shown[0].Get().HiddenAsComplement());
        }

        return true;
    }
}
