using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Tests.Integration.Plans;
using TabbPortal.Web.Benchmarking;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Benchmarking;

/// <summary>
/// The live-meeting benchmark's invented plans: seeded only when <c>Benchmark:Plans</c> is set, each with the consent
/// its joint plan needs, so the benchmark's users (Karin and Omar at Ekskolan) may open and edit them.
/// </summary>
public sealed class BenchmarkSeedTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TheBenchmarkPlansComeWithConsentSoTheSchoolMayOpenThem()
    {
        var factory = _factory.WithWebHostBuilder(b => b.UseSetting("Benchmark:Plans", "3"));
        _ = factory.Server;
        await using var context = await factory.Services.GetRequiredService<IDbContextFactory<TabbPortal.Web.Persistence.PortalDbContext>>().CreateDbContextAsync();
        var children = await context.Children.Where(c => c.FamilyName == BenchHub.FamilyName).Select(c => c.Id).ToListAsync();

        Assert.Equal(3, children.Count);
        Assert.Equal(3, await context.Consents.CountAsync(c => children.Contains(c.ChildId)));
        foreach (var id in children)
        {
            var plan = await _factory.PlansAsAsync(Omar, s => s.GetForChildAsync(id));
            Assert.NotNull(plan);
            Assert.Equal(8, Assert.Single(plan.Needs).Actions.Count);
        }
    }
}
