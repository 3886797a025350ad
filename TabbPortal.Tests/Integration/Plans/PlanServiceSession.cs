using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Plans;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Plans;
using TabbPortal.Web.Security;

namespace TabbPortal.Tests.Integration.Plans;

/// <summary>
/// <see cref="PlanService"/> as one signed-in user, in a DI scope of its own (a "circuit"), the same way as
/// <see cref="ChildServiceSession"/> does it for the children.
/// </summary>
internal sealed class PlanServiceSession : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private PlanServiceSession(AsyncServiceScope scope, PlanService plans, CurrentUser currentUser)
    {
        _scope = scope;
        Plans = plans;
        CurrentUser = currentUser;
    }

    public PlanService Plans { get; }

    public CurrentUser CurrentUser { get; }

    public static async Task<PlanServiceSession> StartAsync(PortalFactory factory, string email)
    {
        var (scope, _) = await SignedInScope.StartAsync(factory, email);
        return new PlanServiceSession(scope, scope.ServiceProvider.GetRequiredService<PlanService>(), scope.ServiceProvider.GetRequiredService<CurrentUser>());
    }

    /// <summary>The refusals in the tests must come from the rule, not from a session that failed to sign in.</summary>
    public async Task AssertSignedInAsync(string role)
    {
        var principal = await CurrentUser.GetPrincipalAsync();
        Assert.True(principal.Identity?.IsAuthenticated, "The session is not signed in.");
        Assert.True(principal.IsInRole(role), $"The session is not in the role {role}.");
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}

internal static class PlanTestExtensions
{
    /// <summary>Runs <paramref name="action"/> on <see cref="PlanService"/> as <paramref name="email"/>, in a scope of its own.</summary>
    public static async Task<T> PlansAsAsync<T>(this PortalFactory factory, string email, Func<PlanService, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var session = await PlanServiceSession.StartAsync(factory, email);
        return await action(session.Plans);
    }

    /// <summary>The child's plan as <paramref name="email"/> sees it, read in a scope of its own; fails if there is none.</summary>
    public static async Task<PlanDetails> ReloadPlanAsync(this PortalFactory factory, string email, Guid childId)
    {
        var plan = await factory.PlansAsAsync(email, s => s.GetForChildAsync(childId));
        Assert.True(plan is not null, $"{email} found no plan for child {childId}.");
        return plan;
    }

    /// <summary>Opens a plan for the child as <paramref name="email"/> and returns it as saved.</summary>
    public static async Task<PlanDetails> OpenPlanAsync(this PortalFactory factory, string email, Guid childId)
    {
        var opened = await factory.PlansAsAsync(email, s => s.OpenAsync(childId));
        opened.AssertSaved();
        var plan = await factory.ReloadPlanAsync(email, childId);
        Assert.Equal(opened.Id, plan.Id);
        return plan;
    }

    /// <summary>Adds a need (and returns its id as shown in the plan).</summary>
    public static async Task<Guid> AddNeedAsync(this PortalFactory factory, string email, PlanDetails plan, string description)
    {
        ArgumentNullException.ThrowIfNull(plan);
        (await factory.PlansAsAsync(email, s => s.AddNeedAsync(plan.Id, description))).AssertSaved();
        return Assert.Single((await factory.ReloadPlanAsync(email, plan.ChildId)).Needs, n => n.Description == description).Id;
    }

    /// <summary>Adds an action and returns it as shown in the plan, with its version.</summary>
    public static async Task<ActionView> AddActionAsync(this PortalFactory factory, string email, PlanDetails plan, ActionInput input)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var saved = await factory.PlansAsAsync(email, s => s.SaveActionAsync(plan.Id, input, null));
        saved.AssertActionSaved();
        return Action(await factory.ReloadPlanAsync(email, plan.ChildId), saved.Result.Id!.Value);
    }

    public static ActionView Action(PlanDetails plan, Guid actionId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Assert.Single(plan.Needs.SelectMany(n => n.Actions), a => a.Id == actionId);
    }

    public static void AssertActionSaved(this ActionSaveResult saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        saved.Result.AssertSaved();
        Assert.Null(saved.Theirs);
        Assert.Null(saved.TheirVersion);
    }

    /// <summary>The plan rows of the child straight from the database, past the service.</summary>
    public static async Task<List<Plan>> PlansInDatabaseAsync(PortalFactory factory, Guid childId)
    {
        await using var context = await DemoLookup.ContextAsync(factory);
        return await context.Plans.AsNoTracking().Include(p => p.Actions).Where(p => p.ChildId == childId).ToListAsync();
    }

    /// <summary>Where the action row hangs, straight from the database: "none" if there is no row, else its plan id (or "no plan").</summary>
    public static async Task<string> ActionRowInDatabaseAsync(PortalFactory factory, Guid actionId)
    {
        await using var context = await DemoLookup.ContextAsync(factory);
        var rows = await context.Set<PlanAction>().AsNoTracking().Where(a => a.Id == actionId)
            .Select(a => EF.Property<Guid?>(a, "PlanId")).ToListAsync();
        return rows.Count == 0 ? "none" : rows[0]?.ToString() ?? "no plan";
    }

    public static async Task<Guid> OrganisationIdAsync(PortalFactory factory, string name) =>
        await DemoLookup.MunicipalityIdAsync(factory, name);

    public static void AssertFailedWith(this ActionSaveResult saved, string property, string code)
    {
        ArgumentNullException.ThrowIfNull(saved);
        saved.Result.AssertFailedWith(property, code);
    }
}
