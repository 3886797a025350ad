using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Audit;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Tests.Integration.Plans;
using TabbPortal.Tests.Live;
using TabbPortal.Web.Security;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Access;

/// <summary>
/// The portal with the periodic access watch of hub connections slowed to once an hour, so that a refusal right after a
/// withdrawal can only come from the gate at the operation itself.
/// </summary>
public sealed class SlowWatchPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Live:AccessCheckSeconds", "3600");
    }
}

/// <summary>
/// A withdrawal takes effect at the user's next operation: in a page that is already open (its circuit scope) and in a
/// live hub session that has already joined the plan. The refusal is in the access log, and nothing was written.
/// </summary>
public sealed class WithdrawalDuringSessionTests(SlowWatchPortalFactory factory) : IClassFixture<SlowWatchPortalFactory>
{
    [Fact]
    public async Task An_open_page_is_refused_its_next_plan_operation_after_the_consent_is_withdrawn_and_the_refusal_is_logged()
    {
        var child = await MatrixChildren.BuildAsync(factory, ConsentState.Valid, "Cirkelsson");
        var sara = await UserIdAsync(factory, Sara);
        await using var page = await PlanServiceSession.StartAsync(factory, Sara);
        var shown = await page.Plans.GetForChildAsync(child.Id);
        Assert.Equal(child.PlanId, shown?.Id);

        await MatrixChildren.WithdrawAllAsync(factory, child.Id);
        var mark = await AccessLogProbe.MarkAsync(factory);

        await Assert.ThrowsAsync<ChildAccessDeniedException>(() =>
            page.Plans.SaveViewsAsync(child.PlanId, PlanInputs.Views("Efter återkallelsen."), shown!.Version));
        await Assert.ThrowsAsync<ChildAccessDeniedException>(() => page.Plans.GetForChildAsync(child.Id, refresh: true));
        await Assert.ThrowsAsync<ChildAccessDeniedException>(() => page.Plans.HistoryAsync(child.PlanId));

        var entries = await AccessLogProbe.SinceAsync(factory, mark, child.Id);
        Assert.Equal(["Write Plan denied", "Read Plan denied", "Read Plan denied"], entries.Select(AccessLogProbe.Describe));
        Assert.All(entries, e => Assert.Equal(sara, e.UserId));
        Assert.NotEqual("Efter återkallelsen.", await ChildViewsAsync(child.PlanId));
    }

    [Fact]
    public async Task A_joined_hub_session_is_refused_SaveViews_and_GetPlan_right_after_the_withdrawal_before_any_watch_runs()
    {
        var child = await MatrixChildren.BuildAsync(factory, ConsentState.Valid, "Navsson");
        var sara = await UserIdAsync(factory, Sara);
        await using var hub = await RawHubClient.ConnectAsync(factory, Sara);
        await hub.InvokeAsync("JoinPlan", child.PlanId);
        var plan = await hub.InvokeAsync("GetPlan", child.PlanId);
        var version = plan.GetProperty("version").GetGuid();

        await MatrixChildren.WithdrawAllAsync(factory, child.Id);
        var mark = await AccessLogProbe.MarkAsync(factory);

        var save = await Assert.ThrowsAsync<HubError>(() => hub.InvokeAsync("SaveViews", child.PlanId, PlanInputs.Views("Via navet efter återkallelsen."), version));
        var read = await Assert.ThrowsAsync<HubError>(() => hub.InvokeAsync("GetPlan", child.PlanId));

        // Still joined (the watch has not run): the refusals come from the gate at the call itself.
        Assert.DoesNotContain("Öppna planen", save.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Öppna planen", read.Message, StringComparison.Ordinal);
        var entries = await AccessLogProbe.SinceAsync(factory, mark, child.Id);
        Assert.Equal(["Write Plan denied", "Read Plan denied"], entries.Select(AccessLogProbe.Describe));
        Assert.All(entries, e => Assert.Equal(sara, e.UserId));
        Assert.NotEqual("Via navet efter återkallelsen.", await ChildViewsAsync(child.PlanId));
    }

    [Fact]
    public async Task The_registering_unit_keeps_its_own_part_after_the_withdrawal_but_not_the_joint_plan()
    {
        var child = await MatrixChildren.BuildAsync(factory, ConsentState.Valid, "Egensson");
        await MatrixChildren.WithdrawAllAsync(factory, child.Id);
        var mark = await AccessLogProbe.MarkAsync(factory);

        var seen = await factory.ReloadAsync(Karin, child.Id);
        await Assert.ThrowsAsync<ChildAccessDeniedException>(() => factory.PlansAsAsync(Karin, s => s.GetForChildAsync(child.Id)));

        Assert.Equal(ChildAccessScope.OwnUnitOnly, seen.Access.Scope);
        Assert.Equal(["Read Child allowed OwnUnit", "Read Plan denied"],
            (await AccessLogProbe.SinceAsync(factory, mark, child.Id)).Select(AccessLogProbe.Describe));
    }

    private async Task<string?> ChildViewsAsync(Guid planId)
    {
        await using var context = await ContextAsync(factory);
        return await context.Plans.Where(p => p.Id == planId).Select(p => p.ChildViews).SingleAsync();
    }
}
