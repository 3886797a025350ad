using TabbPortal.Domain.Plans;
using TabbPortal.Tests.Integration.Children;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Plans;

public sealed class PlanHistoryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task EveryChangeIsKeptWithWhoAndWhichPartNewestFirst()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Greta");
        var plan = await factory.OpenPlanAsync(Karin, childId);
        var needId = await factory.AddNeedAsync(Omar, plan, "Greta behöver stöd i matematik.");
        await factory.AddActionAsync(Karin, plan, new ActionInput
        {
            NeedId = needId, Description = "Mattestöd", ResponsibleUnitId = await UnitIdAsync(factory, "Ekskolan"),
            StartOn = DateOnly.FromDateTime(DateTime.Today), DueOn = DateOnly.FromDateTime(DateTime.Today).AddDays(30),
            DesiredOutcome = "Greta räknar själv", Status = ActionStatus.Planned,
        });

        var history = await factory.PlansAsAsync(Karin, s => s.HistoryAsync(plan.Id));

        Assert.Equal(
            [(PlanPart.Action, "Karin Ek", "Mattestöd"), (PlanPart.Need, "Omar Haddad", "Greta behöver stöd i matematik."), (PlanPart.Plan, "Karin Ek", null)],
            history.Select(h => (h.Part, h.By, h.Summary)));
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.At >= p.Second.At));
    }

    [Fact]
    public async Task ARefusedSaveLeavesNoTraceInTheHistory()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Hjalmar");
        var plan = await factory.OpenPlanAsync(Karin, childId);
        await factory.PlansAsAsync(Karin, s => s.SaveViewsAsync(plan.Id, new PlanViewsInput { ChildViews = "Hjalmar vill spela fotboll." }, plan.Version));

        // The second save starts from the version before the first one: refused, and not written to the history.
        var stale = await factory.PlansAsAsync(Omar, s => s.SaveViewsAsync(plan.Id, new PlanViewsInput { ChildViews = "Något annat." }, plan.Version));

        stale.AssertFailedWith(string.Empty, "Concurrency_Conflict");
        var history = await factory.PlansAsAsync(Karin, s => s.HistoryAsync(plan.Id));
        Assert.Equal([PlanPart.Views, PlanPart.Plan], history.Select(h => h.Part));
        Assert.DoesNotContain(history, h => h.By == "Omar Haddad");
    }

    [Fact]
    public async Task APractitionerWhoMayNotSeeTheChildCannotReadTheHistory()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Lilly");
        var plan = await factory.OpenPlanAsync(Karin, childId);

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => factory.PlansAsAsync(Maria, s => s.HistoryAsync(plan.Id)));
    }
}
