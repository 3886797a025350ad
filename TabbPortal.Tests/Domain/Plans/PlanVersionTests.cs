using TabbPortal.Domain.Plans;
using static TabbPortal.Tests.Domain.Plans.PlanTestData;

namespace TabbPortal.Tests.Domain.Plans;

public sealed class PlanVersionTests
{
    private static readonly Attendee[] Present =
    [
        new("Karin Ek", AttendeeKind.Professional, "Ekskolan"),
        new("Anna Andersson", AttendeeKind.Guardian, null),
    ];

    private static PlanSnapshot Snapshot(Plan plan, string? childViews = "Alva vill läsa själv.", string? reason = null) => new(
        plan.Type, null, "Sammanfattning", false, childViews, reason, "Vårdnadshavarna vill ha stöd hemma.", null,
        [.. plan.Needs.Select(n => new NeedSnapshot(n.Id, n.Description, n.WithheldFromFamily, [], []))], []);

    [Fact]
    public void KeepsTheSnapshotTheDayAndThePeoplePresent()
    {
        var (plan, _) = PlanWithNeed();
        var snapshot = Snapshot(plan);

        var version = PlanVersion.Fix(plan, 1, snapshot, Today, Present, KarinId, "Karin Ek", Now, Today);

        Assert.Equal(plan.Id, version.PlanId);
        Assert.Equal(1, version.Number);
        Assert.Equal(Today, version.FixedOn);
        Assert.Same(snapshot, version.Snapshot);
        Assert.Equal(Present, version.Attendees);
        Assert.Equal(("Karin Ek", KarinId, Now), (version.FixedByName, version.FixedByUserId, version.FixedAt));
    }

    [Fact]
    public void TidiesTheNamesOfThePeoplePresent()
    {
        var (plan, _) = PlanWithNeed();

        var version = PlanVersion.Fix(plan, 1, Snapshot(plan), Today, [new("  Karin   Ek ", AttendeeKind.Professional, "  ")], KarinId, "Karin Ek", Now, Today);

        Assert.Equal(new Attendee("Karin Ek", AttendeeKind.Professional, null), Assert.Single(version.Attendees));
    }

    [Fact]
    public void AcceptsTheReasonWhenTheChildsViewsAreMissing()
    {
        var (plan, _) = PlanWithNeed();

        var version = PlanVersion.Fix(plan, 2, Snapshot(plan, childViews: null, reason: "Alva ville inte delta i dag."), Today,
            Present, KarinId, "Karin Ek", Now, Today);

        Assert.Equal(2, version.Number);
    }

    [Fact]
    public void CannotBeFixedInAdvance()
    {
        var (plan, _) = PlanWithNeed();

        RefusedWith("PlanVersion_FixedOn_Future", () => PlanVersion.Fix(plan, 1, Snapshot(plan), Today.AddDays(1), Present, KarinId, "Karin Ek", Now, Today));
    }

    [Fact]
    public void CannotBeFixedBeforeThePlanWasCreated()
    {
        var (plan, _) = PlanWithNeed();

        RefusedWith("PlanVersion_FixedOn_BeforePlan",
            () => PlanVersion.Fix(plan, 1, Snapshot(plan), Today.AddDays(-1), Present, KarinId, "Karin Ek", Now, Today.AddDays(5)));
    }

    [Fact]
    public void NeedsSomebodyPresent()
    {
        var (plan, _) = PlanWithNeed();

        RefusedWith("PlanVersion_Attendees_Required", () => PlanVersion.Fix(plan, 1, Snapshot(plan), Today, [], KarinId, "Karin Ek", Now, Today));
    }

    [Theory]
    [InlineData("   ", null)]
    [InlineData("Karin Ek", "201")]
    [InlineData("201", null)]
    public void NeedsANameOfAReasonableLengthForEveryonePresent(string name, string? agency)
    {
        var (plan, _) = PlanWithNeed();
        string Text(string? value) => value == "201" ? new string('a', 201) : value!;

        RefusedWith("PlanVersion_Attendee_Invalid", () => PlanVersion.Fix(plan, 1, Snapshot(plan), Today,
            [new(Text(name), AttendeeKind.Professional, agency is null ? null : Text(agency))], KarinId, "Karin Ek", Now, Today));
    }

    [Fact]
    public void NeedsAtLeastOneNeed()
    {
        var plan = OpenPlan();

        RefusedWith("PlanVersion_NoNeeds", () => PlanVersion.Fix(plan, 1, Snapshot(plan), Today, Present, KarinId, "Karin Ek", Now, Today));
    }

    [Fact]
    public void NeedsTheChildsViewsOrWhyTheyAreMissing()
    {
        var (plan, _) = PlanWithNeed();

        RefusedWith("Plan_ChildViews_ReasonRequired",
            () => PlanVersion.Fix(plan, 1, Snapshot(plan, childViews: " ", reason: null), Today, Present, KarinId, "Karin Ek", Now, Today));
    }

    [Fact]
    public void AClosedPlanCannotBeFixed()
    {
        var (plan, _) = PlanWithNeed();
        var snapshot = Snapshot(plan);
        plan.Close("Målen är nådda.", Today);

        RefusedWith("Plan_Closed", () => PlanVersion.Fix(plan, 1, snapshot, Today, Present, KarinId, "Karin Ek", Now, Today));
    }

    [Fact]
    public void NumbersStartAtOne()
    {
        var (plan, _) = PlanWithNeed();

        Assert.Throws<ArgumentOutOfRangeException>(() => PlanVersion.Fix(plan, 0, Snapshot(plan), Today, Present, KarinId, "Karin Ek", Now, Today));
    }

    [Fact]
    public void HasNoWayToChangeItOnceFixed()
    {
        // Every property's setter is private, and no public method returns void or changes state: a fixed version is read only.
        var type = typeof(PlanVersion);

        Assert.All(type.GetProperties(), p => Assert.False(p.SetMethod?.IsPublic ?? false, p.Name));
        Assert.Equal(["Fix"], type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName).Select(m => m.Name));
    }
}
