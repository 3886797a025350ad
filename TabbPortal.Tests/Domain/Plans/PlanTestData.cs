using TabbPortal.Domain.Common;
using TabbPortal.Domain.Plans;

namespace TabbPortal.Tests.Domain.Plans;

/// <summary>Fixed dates, ids and inputs shared by the plan's domain tests.</summary>
internal static class PlanTestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 23);
    public static readonly Guid AlvasId = Guid.NewGuid();
    public static readonly Guid EkskolanId = Guid.NewGuid();
    public static readonly Guid SocialServicesId = Guid.NewGuid();
    public static readonly Guid RegionId = Guid.NewGuid();
    public const string KarinId = "karin-id";

    public static Plan OpenPlan() => Plan.Open(AlvasId, KarinId, Now);

    /// <summary>A plan with one need, so that actions have something to belong to.</summary>
    public static (Plan Plan, PlanNeed Need) PlanWithNeed()
    {
        var plan = OpenPlan();
        return (plan, plan.AddNeed("Alva behöver stöd i läsning."));
    }

    /// <summary>A complete, valid action for the need.</summary>
    public static ActionInput Action(Guid? needId) => new()
    {
        NeedId = needId,
        Description = "Lästräning med speciallärare två gånger i veckan.",
        ResponsibleUnitId = EkskolanId,
        ResponsiblePerson = "Omar Haddad",
        StartOn = Today,
        DueOn = Today.AddDays(60),
        DesiredOutcome = "Alva läser en kapitelbok på egen hand.",
        Evidence = "Lästest i februari.",
        Status = ActionStatus.Planned,
    };

    public static DomainException Refused(Action change) => Assert.Throws<DomainException>(change);

    public static void RefusedWith(string code, Action change) => Assert.Equal(code, Refused(change).Code);
}
