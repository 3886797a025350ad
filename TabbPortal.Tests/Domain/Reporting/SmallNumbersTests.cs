using System.Globalization;
using TabbPortal.Domain.Reporting;

namespace TabbPortal.Tests.Domain.Reporting;

public class SmallNumbersTests
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    [Theory]
    [InlineData(0, "<5")]
    [InlineData(4, "<5")]
    [InlineData(5, "5")]
    [InlineData(6, "6")]
    public void ACountOfChildrenIsShownFromFiveChildren(int children, string shown)
    {
        var cell = SmallNumbers.Children(children);

        Assert.Equal(shown, cell.Display(Swedish));
        Assert.Equal(shown, cell.Export());
        Assert.Equal(children >= 5, cell.IsShown);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(6, false)]
    public void ACountOfThingsIsSuppressedByTheNumberOfChildrenItConcerns(int children, bool suppressed)
    {
        // Twelve actions for four children is still about four children.
        var cell = SmallNumbers.Count(12, children);

        Assert.Equal(suppressed, !cell.IsShown);
        Assert.Equal(suppressed ? null : 12m, cell.Value);
    }

    [Theory]
    [InlineData(2, 4, "<5")]
    [InlineData(3, 5, "60 %")]
    [InlineData(3, 6, "50 %")]
    public void AShareIsSuppressedWhenItsWholeIsFewerThanFiveChildren(int part, int whole, string shown) =>
        Assert.Equal(shown, SmallNumbers.Share(part, whole).Display(Swedish));

    [Fact]
    public void AShareOfPlansUsesTheNumberOfChildrenAsItsBasis()
    {
        Assert.False(SmallNumbers.Share(3, 5, children: 4).IsShown);
        Assert.Equal("60", SmallNumbers.Share(3, 5, children: 5).Export());
    }

    [Theory]
    [InlineData(new[] { 10, 2, 7, 1 }, "<5", null)]
    [InlineData(new[] { 10, 2, 7, 1, 4 }, "4", 4.0)]
    [InlineData(new[] { 10, 2, 7, 1, 4, 12 }, "6", 5.5)]
    public void AMedianIsShownFromFiveChildren(int[] days, string shown, double? value)
    {
        var cell = SmallNumbers.Median(days);

        Assert.Equal(shown == "6" ? "6" : shown, cell.Display(Swedish));
        Assert.Equal(value is null ? null : (decimal)value, cell.Value);
        Assert.Equal(days.Length, cell.Basis);
    }

    [Fact]
    public void AMeanOfAnswersIsShownWithOneDecimalFromFiveAnswers()
    {
        Assert.Equal("<5", SmallNumbers.Mean(4.25m, 4).Display(Swedish));
        Assert.Equal("4,3", SmallNumbers.Mean(4.25m, 5).Display(Swedish));
        Assert.Equal("4,25", SmallNumbers.Mean(4.25m, 6).Export());
    }

    [Fact]
    public void ALoneSuppressedCellInARowWithAShownTotalTakesTheSmallestShownCellWithIt()
    {
        // Universal 3, targeted 7, coordinated 9, total 19: 19 − 7 − 9 would give the 3 away.
        IReadOnlyList<IReadOnlyList<ReportCell>> rows = [[SmallNumbers.Children(3), SmallNumbers.Children(7), SmallNumbers.Children(9), SmallNumbers.Children(19)]];

        var protectedRows = SmallNumbers.ProtectBlock(rows, [0, 1, 2, 3], totalColumn: 3, totalRow: null);

        Assert.Equal(["<5", "×", "9", "19"], protectedRows[0].Select(c => c.Display(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void TwoSuppressedCellsInARowNeedNoMore()
    {
        IReadOnlyList<IReadOnlyList<ReportCell>> rows = [[SmallNumbers.Children(3), SmallNumbers.Children(2), SmallNumbers.Children(9), SmallNumbers.Children(14)]];

        var protectedRows = SmallNumbers.ProtectBlock(rows, [0, 1, 2, 3], totalColumn: 3, totalRow: null);

        Assert.Equal(["<5", "<5", "9", "14"], protectedRows[0].Select(c => c.Display(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void AColumnWithATotalRowIsProtectedTooAndTheProtectionSpreadsUntilNoLineHasOneUnknown()
    {
        // Two municipalities and their total; one count per row plus the row total.
        IReadOnlyList<IReadOnlyList<ReportCell>> rows =
        [
            [SmallNumbers.Children(4), SmallNumbers.Children(20), SmallNumbers.Children(24)],
            [SmallNumbers.Children(30), SmallNumbers.Children(40), SmallNumbers.Children(70)],
            [SmallNumbers.Children(34), SmallNumbers.Children(60), SmallNumbers.Children(94)],
        ];

        var result = SmallNumbers.ProtectBlock(rows, [0, 1, 2], totalColumn: 2, totalRow: 2);

        // No row or column (with its total) may have exactly one hidden figure beside a shown total.
        for (var r = 0; r < 3; r++)
        {
            Assert.NotEqual(1, result[r].Take(2).Count(c => !c.IsShown) - (result[r][2].IsShown ? 0 : 2));
        }

        for (var c = 0; c < 3; c++)
        {
            var hidden = Enumerable.Range(0, 2).Count(r => !result[r][c].IsShown);
            Assert.False(hidden == 1 && result[2][c].IsShown, $"column {c} can be solved");
        }

        Assert.Equal(Suppression.SmallNumber, result[0][0].Suppression);
        Assert.True(result.SelectMany(r => r).Count(c => c.Suppression == Suppression.Complementary) >= 2);
    }

    [Fact]
    public void ASuppressedCellNeverGivesItsValueAway()
    {
        var cell = SmallNumbers.Count(3, 3);

        Assert.Null(cell.Value);
        Assert.DoesNotContain("3", cell.Display(Swedish) + cell.Export(), StringComparison.Ordinal);
    }
}
