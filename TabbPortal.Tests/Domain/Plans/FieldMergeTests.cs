using TabbPortal.Domain.Plans;

namespace TabbPortal.Tests.Domain.Plans;

public sealed class FieldMergeTests
{
    private static Dictionary<string, string?> Fields(string? childViews, string? guardianViews, string? summary = "Sammanfattning") => new()
    {
        ["ChildViews"] = childViews,
        ["GuardianViews"] = guardianViews,
        ["Summary"] = summary,
    };

    [Fact]
    public void TakesTheirChangeWhereIChangedNothing()
    {
        var result = FieldMerge.Merge(Fields("A", "B"), Fields("A", "B"), Fields("A2", "B"));

        Assert.False(result.HasConflicts);
        Assert.Equal(Fields("A2", "B"), result.Merged);
    }

    [Fact]
    public void KeepsMyChangeWhereTheyChangedNothingAndTheirsWhereIDidNot()
    {
        var result = FieldMerge.Merge(Fields("A", "B"), Fields("A-min", "B"), Fields("A", "B-deras"));

        Assert.False(result.HasConflicts);
        Assert.Equal(Fields("A-min", "B-deras"), result.Merged);
    }

    [Fact]
    public void TheSameChangeByBothIsNoConflict()
    {
        var result = FieldMerge.Merge(Fields("A", "B"), Fields("Samma", "B"), Fields("Samma ", "B"));

        Assert.False(result.HasConflicts);
        Assert.Equal("Samma", result.Merged["ChildViews"]);
    }

    [Fact]
    public void DifferentChangesToTheSameFieldAreAConflictWithBothValuesAndMineKeptMeanwhile()
    {
        var result = FieldMerge.Merge(Fields("A", "B"), Fields("Mitt", "B", summary: "Min sammanfattning"), Fields("Deras", "B2"));

        Assert.Equal([new FieldConflict("ChildViews", "Mitt", "Deras")], result.Conflicts);
        Assert.Equal(Fields("Mitt", "B2", "Min sammanfattning"), result.Merged);
    }

    [Fact]
    public void EmptyingAFieldIsAChangeLikeAnyOther()
    {
        var emptiedByMe = FieldMerge.Merge(Fields("A", "B"), Fields("  ", "B"), Fields("A", "B"));
        var emptiedByMeChangedByThem = FieldMerge.Merge(Fields("A", "B"), Fields(null, "B"), Fields("A2", "B"));

        Assert.Null(emptiedByMe.Merged["ChildViews"]);
        Assert.Equal([new FieldConflict("ChildViews", null, "A2")], emptiedByMeChangedByThem.Conflicts);
    }

    [Fact]
    public void ViewsRoundTripThroughTheirFields()
    {
        var input = new PlanViewsInput { Summary = "S", SummaryWithheldFromFamily = true, ChildViews = "C", ChildViewsMissingReason = null, GuardianViews = "G" };

        var back = PlanViewsInput.FromFields(input.ToFields());

        Assert.Equal((input.Summary, input.SummaryWithheldFromFamily, input.ChildViews, input.ChildViewsMissingReason, input.GuardianViews),
            (back.Summary, back.SummaryWithheldFromFamily, back.ChildViews, back.ChildViewsMissingReason, back.GuardianViews));
    }

    [Theory]
    [InlineData("Noah vill", " Noah vill\n", true)]
    [InlineData(null, "  ", true)]
    [InlineData("rad 1\r\nrad 2", "rad 1\nrad 2", true)]
    [InlineData("Noah vill", "Noah vill inte", false)]
    [InlineData(null, "Noah", false)]
    public void SameTextFollowsTheMergesRule(string? a, string? b, bool same)
    {
        Assert.Equal(same, FieldMerge.SameText(a, b));
        Assert.Equal(same, !FieldMerge.Merge(Fields(a, "B"), Fields(b, "B"), Fields("C", "B")).HasConflicts);
    }
}
