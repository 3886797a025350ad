using TabbPortal.Domain.Plans;
using static TabbPortal.Tests.Domain.Plans.PlanTestData;

namespace TabbPortal.Tests.Domain.Plans;

public sealed class PlanComparisonTests
{
    private static readonly Guid NeedId = Guid.NewGuid();
    private static readonly Guid GoalId = Guid.NewGuid();
    private static readonly Guid ActionId = Guid.NewGuid();

    private static ActionSnapshot Reading => new(ActionId, "Lästräning", "Ekskolan", "Omar Haddad", Today, Today.AddDays(60),
        "Alva läser själv.", "Lästest i februari.", ActionStatus.Planned, false);

    private static PlanSnapshot Original => new(PlanType.ChildsPlan, null, "Sammanfattning", false, "Alva vill läsa.", null, "Vårdnadshavarna håller med.",
        Today.AddDays(30),
        [new NeedSnapshot(NeedId, "Stöd i läsning", false, [new GoalSnapshot(GoalId, "Läser en kapitelbok")], [Reading])],
        [new ParticipantSnapshot("Ekskolan", "Flens kommun", "Karin Ek")]);

    [Fact]
    public void TwoEqualVersionsHaveNoDifferences()
    {
        var rows = PlanComparison.Compare(Original, Original);

        Assert.NotEmpty(rows);
        Assert.DoesNotContain(rows, r => r.Changed);
    }

    [Fact]
    public void AChangedFieldIsOneChangedRowWithBothValues()
    {
        var changed = Original with
        {
            Needs = [Original.Needs[0] with { Actions = [Reading with { Status = ActionStatus.Done }] }],
        };

        var row = Assert.Single(PlanComparison.Compare(Original, changed), r => r.Changed);

        Assert.Equal(new ComparisonRow(ComparedPart.ActionStatus, "Stöd i läsning", "Planned", "Done"), row);
    }

    [Fact]
    public void ARenamedNeedIsMatchedByIdentityAndShownAsAChange()
    {
        var renamed = Original with { Needs = [Original.Needs[0] with { Description = "Stöd i läsning och skrivning" }] };

        var row = Assert.Single(PlanComparison.Compare(Original, renamed), r => r.Changed);

        Assert.Equal((ComparedPart.Need, "Stöd i läsning", "Stöd i läsning och skrivning"), (row.Part, row.Left, row.Right));
    }

    [Fact]
    public void AnAddedActionHasNothingOnTheLeftAndARemovedOneNothingOnTheRight()
    {
        var added = new ActionSnapshot(Guid.NewGuid(), "Samtal med kurator", "Ekskolan", null, Today, Today.AddDays(10), "Alva mår bättre.", null,
            ActionStatus.InProgress, true);
        var later = Original with { Needs = [Original.Needs[0] with { Actions = [added] }] };

        var rows = PlanComparison.Compare(Original, later).Where(r => r.Changed).ToList();

        Assert.Contains(new ComparisonRow(ComparedPart.ActionDescription, "Stöd i läsning", null, "Samtal med kurator"), rows);
        Assert.Contains(new ComparisonRow(ComparedPart.ActionResponsible, "Stöd i läsning", null, "Ekskolan"), rows);
        Assert.Contains(new ComparisonRow(ComparedPart.ActionWithheld, "Stöd i läsning", null, "true"), rows);
        Assert.Contains(new ComparisonRow(ComparedPart.ActionDescription, "Stöd i läsning", "Lästräning", null), rows);
        Assert.Contains(new ComparisonRow(ComparedPart.ActionResponsible, "Stöd i läsning", "Ekskolan, Omar Haddad", null), rows);
        Assert.Contains(new ComparisonRow(ComparedPart.ActionPeriod, "Stöd i läsning", "2026-11-23 – 2027-01-22", null), rows);
    }

    [Fact]
    public void ShowsTheViewsTheTypeTheReviewDateAndTheParticipants()
    {
        var later = Original with
        {
            Type = PlanType.Sip,
            OverallResponsible = "Flens kommun",
            ChildViews = "Alva vill läsa mer.",
            NextReviewOn = Today.AddDays(60),
            SummaryWithheld = true,
            Participants = [.. Original.Participants, new ParticipantSnapshot("BVC Flen", "Region Sörmland", "Maria Lund")],
        };

        var rows = PlanComparison.Compare(Original, later).Where(r => r.Changed).Select(r => (r.Part, r.Left, r.Right)).ToList();

        Assert.Equal(
        [
            (ComparedPart.Type, "ChildsPlan", "Sip"),
            (ComparedPart.OverallResponsible, null, "Flens kommun"),
            (ComparedPart.ChildViews, "Alva vill läsa.", "Alva vill läsa mer."),
            (ComparedPart.NextReview, "2026-12-23", "2027-01-22"),
            (ComparedPart.SummaryWithheld, "false", "true"),
            (ComparedPart.Participant, null, "BVC Flen, Region Sörmland: Maria Lund"),
        ], rows);
    }

    [Fact]
    public void ARemovedGoalIsShownAgainstItsNeed()
    {
        var later = Original with { Needs = [Original.Needs[0] with { Goals = [] }] };

        var row = Assert.Single(PlanComparison.Compare(Original, later), r => r.Changed);

        Assert.Equal(new ComparisonRow(ComparedPart.Goal, "Stöd i läsning", "Läser en kapitelbok", null), row);
    }

    [Fact]
    public void AWithheldMarkIsARowOnlyWhereSomeVersionHasIt()
    {
        var added = new NeedSnapshot(Guid.NewGuid(), "Stöd hemma", false, [], []);
        var later = Original with { Needs = [Original.Needs[0], added] };

        var rows = PlanComparison.Compare(Original, later);

        Assert.DoesNotContain(rows, r => r.Part is ComparedPart.SummaryWithheld or ComparedPart.NeedWithheld or ComparedPart.ActionWithheld);
        Assert.Equal([(ComparedPart.Need, (string?)null, (string?)"Stöd hemma")], rows.Where(r => r.Changed).Select(r => (r.Part, r.Left, r.Right)));
    }
}
