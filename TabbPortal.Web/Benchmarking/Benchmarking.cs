using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Consent;
using TabbPortal.Domain.Plans;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Web.Benchmarking;

/// <summary>
/// What the live-meeting benchmark (benchmarks/live) needs from the server, and nothing in normal use: with
/// Benchmark:Plans set above 0 the server seeds that many invented plans at Ekskolan (each with eight actions, one per
/// participant) and maps a bare broadcast hub, the floor the plan hub is measured against. Off by default.
/// </summary>
public static class Benchmarking
{
    public const string BareHubPath = "/hubs/bench";

    public static int PlanCount(IConfiguration configuration) => configuration.GetValue<int?>("Benchmark:Plans") ?? 0;

    public static async Task SeedBenchmarkPlansAsync(this WebApplication app)
    {
        var count = PlanCount(app.Configuration);
        if (count <= 0)
        {
            return;
        }

        var factory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var context = await factory.CreateDbContextAsync();
        var existing = await context.Children.CountAsync(c => c.FamilyName == BenchHub.FamilyName);
        var school = await context.Units.SingleAsync(u => u.Name == "Ekskolan");
        var municipality = await context.Units.Where(u => u.Id == school.Id).Select(u => u.OrganisationId).SingleAsync();
        var karin = await context.Users.SingleAsync(u => u.Email == "karin.ek@" + DemoSeeder.DemoEmailDomain);
        var now = TimeProvider.System.GetUtcNow();
        var today = DateOnly.FromDateTime(now.Date);
        for (var i = existing; i < count; i++)
        {
            var child = Child.Register(DemoChildren.Number(new DateOnly(2012, 1, 1).AddDays(i), 900 + (i % 90)), $"Bänk{i:000}", BenchHub.FamilyName,
                municipality, school.Id, [new GuardianInput { Name = "Vårdnadshavare Bänk", HasCustody = true }],
                new StaffRef(karin.Id, karin.DisplayName, school.Id), now);
            context.Children.Add(child);
            // The joint plan needs the family's consent (ADR-009): the guardian consents for all three agencies.
            var guardian = child.Guardians.Single();
            context.Consents.Add(ConsentEntry.Record(child.Id, new ConsentInput
            {
                Giver = ConsentGiver.Guardian, GuardianId = guardian.Id, SharedWith = Agencies.All, Categories = Agencies.All,
                Purpose = "Benchmark.", Form = ConsentForm.Written, ValidFrom = today, ValidTo = today.AddYears(1),
            }, guardian.Name, new ConsentDocumenter(karin.Id, karin.DisplayName, school.Id), now));
            var plan = Plan.Open(child.Id, karin.Id, now);
            plan.RecordViews(null, "Barnets synpunkter (benchmark).", null, null);
            var need = plan.AddNeed("Behov (benchmark)");
            for (var a = 0; a < 8; a++)
            {
                plan.AddAction(new ActionInput
                {
                    NeedId = need.Id, Description = $"Insats {a + 1}", ResponsibleUnitId = school.Id, StartOn = today, DueOn = today.AddDays(60),
                    DesiredOutcome = "Resultat", Status = ActionStatus.InProgress,
                });
            }

            context.Plans.Add(plan);
        }

        await context.SaveChangesAsync();
    }

    public static IEndpointRouteBuilder MapBenchmarking(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (PlanCount(configuration) > 0)
        {
            endpoints.MapHub<BenchHub>(BareHubPath);
        }

        return endpoints;
    }
}

/// <summary>The floor: a bare broadcast to a group, with no validation, no database and no access check beyond sign-in.</summary>
[Authorize(Roles = PortalRoles.Practitioner)]
public sealed class BenchHub(IDbContextFactory<PortalDbContext> contextFactory) : Hub
{
    public const string FamilyName = "Benchmark";

    /// <summary>The benchmark plans and their children.</summary>
    public async Task<IReadOnlyList<BenchPlan>> Plans()
    {
        await using var context = await contextFactory.CreateDbContextAsync();
        return await context.Plans.Join(context.Children.Where(c => c.FamilyName == FamilyName), p => p.ChildId, c => c.Id, (p, c) => new { p.Id, ChildId = c.Id, c.GivenName })
            .OrderBy(x => x.GivenName).Select(x => new BenchPlan(x.Id, x.ChildId)).ToListAsync();
    }

    public Task JoinGroup(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

    public Task Broadcast(string group, object payload) => Clients.Group(group).SendAsync("Broadcast", payload);

    /// <summary>
    /// The durable floor: what any path that saves before it publishes must at least do. One row written to SQLite (the
    /// benchmark action's evidence, in the portal's write queue, committed with the portal's <c>synchronous=FULL</c>),
    /// then the same broadcast. No validation, access rule, access log or change tracking.
    /// </summary>
    public async Task BroadcastSaved(string group, Guid actionId, string evidence, object payload)
    {
        await using var context = await contextFactory.CreateDbContextAsync();
        var gate = SqliteWriteGate.For(context.Database.GetConnectionString());
        await gate.WaitAsync();
        try
        {
            if (await context.Database.ExecuteSqlAsync($"UPDATE \"PlanActions\" SET \"Evidence\" = {evidence} WHERE \"Id\" = {actionId}") != 1)
            {
                throw new HubException("No such benchmark action.");
            }
        }
        finally
        {
            gate.Release();
        }

        await Clients.Group(group).SendAsync("Broadcast", payload);
    }
}

public sealed record BenchPlan(Guid PlanId, Guid ChildId);
