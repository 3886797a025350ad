using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Assessments;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Web.Assessments;
using TabbPortal.Web.Security;

namespace TabbPortal.Tests.Integration.Assessments;

/// <summary>
/// <see cref="AssessmentService"/> as one signed-in user, in a DI scope of its own (a "circuit"), the same way as
/// <see cref="ChildServiceSession"/> does it for the children.
/// </summary>
internal sealed class AssessmentServiceSession : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private AssessmentServiceSession(AsyncServiceScope scope, PortalUser user, AssessmentService assessments, CurrentUser currentUser)
    {
        _scope = scope;
        User = user;
        Assessments = assessments;
        CurrentUser = currentUser;
    }

    public PortalUser User { get; }

    public AssessmentService Assessments { get; }

    public CurrentUser CurrentUser { get; }

    public static async Task<AssessmentServiceSession> StartAsync(PortalFactory factory, string email)
    {
        var (scope, user) = await SignedInScope.StartAsync(factory, email);
        return new AssessmentServiceSession(scope, user, scope.ServiceProvider.GetRequiredService<AssessmentService>(), scope.ServiceProvider.GetRequiredService<CurrentUser>());
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

internal static class AssessmentTestExtensions
{
    /// <summary>Runs <paramref name="action"/> on <see cref="AssessmentService"/> as <paramref name="email"/>, in a scope of its own.</summary>
    public static async Task<T> AssessmentsAsAsync<T>(this PortalFactory factory, string email, Func<AssessmentService, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var session = await AssessmentServiceSession.StartAsync(factory, email);
        return await action(session.Assessments);
    }

    /// <summary>The assessment rows of the child straight from the database, past the service.</summary>
    public static async Task<List<WellbeingAssessment>> AssessmentsInDatabaseAsync(PortalFactory factory, Guid childId)
    {
        await using var context = await DemoLookup.ContextAsync(factory);
        return await context.WellbeingAssessments.AsNoTracking().Include(a => a.Ratings).Where(a => a.ChildId == childId).ToListAsync();
    }

    /// <summary>All rating rows, of every child, straight from the database.</summary>
    public static async Task<int> CountRatingsInDatabaseAsync(PortalFactory factory)
    {
        await using var context = await DemoLookup.ContextAsync(factory);
        return await context.Set<WellbeingRating>().CountAsync();
    }

    public static async Task<string> DisplayNameAsync(PortalFactory factory, string email)
    {
        await using var context = await DemoLookup.ContextAsync(factory);
        return await context.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync();
    }
}
