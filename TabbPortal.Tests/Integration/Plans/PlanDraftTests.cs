using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Web.Plans;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Plans;

/// <summary>Drafts kept on the server while a user types: their own, of plans they may see, and gone once saved or thrown away.</summary>
public sealed class PlanDraftTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<T> DraftsAsAsync<T>(string email, Func<PlanDraftService, Task<T>> action)
    {
        var (scope, _) = await SignedInScope.StartAsync(factory, email);
        await using (scope)
        {
            return await action(scope.ServiceProvider.GetRequiredService<PlanDraftService>());
        }
    }

    private Task<bool> DraftsAsAsync(string email, Func<PlanDraftService, Task> action) => DraftsAsAsync(email, async s =>
    {
        await action(s);
        return true;
    });

    [Fact]
    public async Task TheNewestTextIsKeptPerUserAndField()
    {
        var plan = await factory.OpenPlanAsync(Karin, await ChildInputs.RegisterInFlenAsync(factory, "Gunnel"));

        await DraftsAsAsync(Karin, s => s.SaveAsync(plan.Id, "views.ChildViews", "Gunnel vill"));
        await DraftsAsAsync(Karin, s => s.SaveAsync(plan.Id, "views.ChildViews", "Gunnel vill rita"));
        await DraftsAsAsync(Karin, s => s.SaveAsync(plan.Id, "meeting.Notes", "Anteckning"));
        await DraftsAsAsync(Omar, s => s.SaveAsync(plan.Id, "views.ChildViews", "Omars text"));

        var karins = await DraftsAsAsync(Karin, s => s.ListAsync(plan.Id, "views."));
        var omars = await DraftsAsAsync(Omar, s => s.ListAsync(plan.Id, string.Empty));
        Assert.Equal([("views.ChildViews", "Gunnel vill rita")], karins.Select(d => (d.Field, d.Value)));
        Assert.Equal([("views.ChildViews", "Omars text")], omars.Select(d => (d.Field, d.Value)));
    }

    [Fact]
    public async Task DiscardingForgetsOnlyTheUsersDraftsUnderThePrefix()
    {
        var plan = await factory.OpenPlanAsync(Karin, await ChildInputs.RegisterInFlenAsync(factory, "Harriet"));
        await DraftsAsAsync(Karin, s => s.SaveAsync(plan.Id, "views.Summary", "a"));
        await DraftsAsAsync(Karin, s => s.SaveAsync(plan.Id, "meeting.Notes", "b"));
        await DraftsAsAsync(Omar, s => s.SaveAsync(plan.Id, "views.Summary", "c"));

        await DraftsAsAsync(Karin, s => s.DiscardAsync(plan.Id, "views."));

        Assert.Equal(["meeting.Notes"], (await DraftsAsAsync(Karin, s => s.ListAsync(plan.Id, string.Empty))).Select(d => d.Field));
        Assert.Single(await DraftsAsAsync(Omar, s => s.ListAsync(plan.Id, string.Empty)));
    }

    [Fact]
    public async Task APractitionerWhoMayNotSeeTheChildCanNeitherWriteNorReadDrafts()
    {
        var plan = await factory.OpenPlanAsync(Karin, await ChildInputs.RegisterInFlenAsync(factory, "Iris"));

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => DraftsAsAsync(Maria, s => s.SaveAsync(plan.Id, "views.Summary", "x")));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => DraftsAsAsync(Maria, s => s.ListAsync(plan.Id, string.Empty)));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => DraftsAsAsync(Eva, s => s.ListAsync(plan.Id, string.Empty)));
    }
}
