using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Web.Live;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Plans;

/// <summary>A plan page's live session with the real presence registry: present while open and connected, gone when the connection drops or the page closes.</summary>
public sealed class PlanLiveSessionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private PlanPresence Presence => factory.Services.GetRequiredService<PlanPresence>();

    private IEnumerable<string> NamesOn(Guid planId) => Presence.Current(planId).Present.Select(p => p.DisplayName);

    [Fact]
    public async Task PresenceFollowsThePagesConnectionAndEndsWithThePage()
    {
        var plan = await factory.OpenPlanAsync(Karin, await ChildInputs.RegisterInFlenAsync(factory, "Jenny"));
        var (scope, _) = await SignedInScope.StartAsync(factory, Omar);
        await using (scope)
        {
            var live = scope.ServiceProvider.GetRequiredService<PlanLive>();
            var session = await live.OpenAsync(plan.Id, _ => Task.CompletedTask, () => Task.CompletedTask);
            Assert.Equal(["Omar Haddad"], NamesOn(plan.Id));
            Assert.Equal("Ekskolan", session.Who.UnitName);

            await session.BeginEditAsync("views.Summary");
            await live.ConnectionDownAsync();
            Assert.Empty(NamesOn(plan.Id));
            Assert.Empty(factory.Services.GetRequiredService<SoftLocks>().Current(plan.Id));

            await live.ConnectionUpAsync();
            Assert.Equal(["Omar Haddad"], NamesOn(plan.Id));

            await session.DisposeAsync();
            Assert.Empty(NamesOn(plan.Id));
        }
    }

    [Fact]
    public async Task APractitionerWhoMayNotSeeTheChildCannotOpenALiveSession()
    {
        var plan = await factory.OpenPlanAsync(Karin, await ChildInputs.RegisterInFlenAsync(factory, "Kajsa"));
        var (scope, _) = await SignedInScope.StartAsync(factory, Maria);
        await using (scope)
        {
            var live = scope.ServiceProvider.GetRequiredService<PlanLive>();

            await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => live.OpenAsync(plan.Id, _ => Task.CompletedTask, () => Task.CompletedTask));
            Assert.Empty(NamesOn(plan.Id));
        }
    }
}
