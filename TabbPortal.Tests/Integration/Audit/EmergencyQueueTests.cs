using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Consent;
using TabbPortal.Domain.Organisations;
using TabbPortal.Web.Audit;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Tests.Integration.Audit;

/// <summary>The emergency-access queue over SQLite: unreviewed first, each with the log entries made under it; a review is recorded once.</summary>
public sealed class EmergencyQueueTests : IDisposable
{
    private const string Ulla = "ulla.wik@demo.example";
    private readonly PortalFactory _factory = new();

    private async Task<T> AsUllaAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        var (scope, _) = await SignedInScope.StartAsync(_factory, Ulla);
        await using (scope)
        {
            return await action(scope.ServiceProvider);
        }
    }

    /// <summary>An emergency access granted <paramref name="hoursAgo"/> hours ago, with <paramref name="entries"/> log entries under it.</summary>
    internal static async Task<(Guid AccessId, Guid ChildId)> GrantAsync(IServiceProvider services, int hoursAgo, int entries, string reason)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var sara = await context.Users.SingleAsync(u => u.Email == "sara.holm@demo.example");
        var childId = await context.Children.OrderBy(c => c.GivenName).Select(c => c.Id).Skip(hoursAgo % 5).FirstAsync();
        var access = EmergencyAccess.Grant(childId, new ConsentDocumenter(sara.Id, sara.DisplayName, sara.UnitId!.Value), reason,
            DateTimeOffset.UtcNow.AddHours(-hoursAgo), TimeSpan.FromHours(2));
        context.EmergencyAccesses.Add(access);
        await context.SaveChangesAsync();
        var log = services.GetRequiredService<IAccessLog>();
        for (var i = 0; i < entries; i++)
        {
            await log.AppendAsync(new AccessLogRecord(sara.Id, sara.DisplayName, "Practitioner", sara.UnitId, Sector.SocialServices, childId,
                i == 0 ? AccessKind.Write : AccessKind.Read, i == 0 ? RecordPart.EmergencyAccess : RecordPart.Plan, true, AccessBasis.Emergency,
                access.Id.ToString(), "session-sara"), CancellationToken.None);
        }

        // An entry on the same child on another basis is not the emergency access's.
        await log.AppendAsync(new AccessLogRecord(sara.Id, sara.DisplayName, "Practitioner", sara.UnitId, Sector.SocialServices, childId,
            AccessKind.Read, RecordPart.Child, true, AccessBasis.OwnUnit, null, "session-sara"), CancellationToken.None);
        return (access.Id, childId);
    }

    [Fact]
    public async Task Unreviewed_accesses_come_first_with_the_entries_made_under_each()
    {
        var older = await GrantAsync(_factory.Services, hoursAgo: 30, entries: 3, "Akut skyddsbedömning en fredag kväll.");
        var newer = await GrantAsync(_factory.Services, hoursAgo: 1, entries: 2, "Barnet kom till akuten, behövde planen.");
        var reviewed = await GrantAsync(_factory.Services, hoursAgo: 50, entries: 1, "Jour, ingen ansvarig nåbar.");
        var saved = await AsUllaAsync(s => s.GetRequiredService<EmergencyAccessReviewService>().ReviewAsync(reviewed.AccessId, new EmergencyReviewInput { Conclusion = "Befogad." }));
        Assert.True(saved.Succeeded);

        var queue = await AsUllaAsync(s => s.GetRequiredService<EmergencyAccessReviewService>().ListAsync());

        Assert.Equal([older.AccessId, newer.AccessId, reviewed.AccessId], queue.Select(q => q.Id));
        Assert.Equal([3, 2, 1], queue.Select(q => q.Entries.Count));
        Assert.All(queue[0].Entries, e => Assert.Equal((older.ChildId, AccessBasis.Emergency), (e.ChildId, e.Basis)));
        Assert.Equal("Akut skyddsbedömning en fredag kväll.", queue[0].Reason);
        Assert.True(queue[1].IsActive);
        Assert.False(queue[0].IsActive);
        Assert.Equal(("Ulla Wik", "Befogad."), (queue[2].ReviewedByName, queue[2].ReviewConclusion));
        Assert.Null(queue[0].ReviewedAt);
    }

    [Fact]
    public async Task A_review_is_recorded_once_and_needs_a_conclusion()
    {
        var (accessId, _) = await GrantAsync(_factory.Services, hoursAgo: 3, entries: 1, "Akut läge, socialjouren.");

        var empty = await AsUllaAsync(s => s.GetRequiredService<EmergencyAccessReviewService>().ReviewAsync(accessId, new EmergencyReviewInput { Conclusion = " " }));
        var first = await AsUllaAsync(s => s.GetRequiredService<EmergencyAccessReviewService>().ReviewAsync(accessId, new EmergencyReviewInput { Conclusion = "Befogad." }));
        var second = await AsUllaAsync(s => s.GetRequiredService<EmergencyAccessReviewService>().ReviewAsync(accessId, new EmergencyReviewInput { Conclusion = "Obefogad." }));
        var missing = await AsUllaAsync(s => s.GetRequiredService<EmergencyAccessReviewService>().ReviewAsync(Guid.NewGuid(), new EmergencyReviewInput { Conclusion = "x" }));

        Assert.Equal("EmergencyReview_Conclusion_Required", Assert.Single(empty.Errors).Code);
        Assert.True(first.Succeeded);
        Assert.Equal("EmergencyReview_AlreadyReviewed", Assert.Single(second.Errors).Code);
        Assert.Equal("EmergencyReview_NotFound", Assert.Single(missing.Errors).Code);
        await using var scope = _factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().EmergencyAccesses.SingleAsync(a => a.Id == accessId);
        Assert.Equal("Befogad.", stored.ReviewConclusion);
    }

    [Fact]
    public async Task Two_reviewers_at_the_same_moment_record_one_review()
    {
        var (accessId, _) = await GrantAsync(_factory.Services, hoursAgo: 3, entries: 1, "Akut läge, socialjouren.");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            AsUllaAsync(s => s.GetRequiredService<EmergencyAccessReviewService>().ReviewAsync(accessId, new EmergencyReviewInput { Conclusion = $"Slutsats {i}" }))));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(3, results.Count(r => r.Errors.Any(e => e.Code == "EmergencyReview_AlreadyReviewed")));
    }

    [Theory]
    [InlineData("karin.ek@demo.example")]
    [InlineData("eva.strand@demo.example")]
    [InlineData("nils.dahl@demo.example")]
    public async Task Other_roles_are_refused_the_queue_and_the_review(string email)
    {
        var (accessId, _) = await GrantAsync(_factory.Services, hoursAgo: 3, entries: 1, "Akut läge, socialjouren.");
        var (scope, _) = await SignedInScope.StartAsync(_factory, email);
        await using (scope)
        {
            var queue = scope.ServiceProvider.GetRequiredService<EmergencyAccessReviewService>();
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => queue.ListAsync());
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => queue.ReviewAsync(accessId, new EmergencyReviewInput { Conclusion = "x" }));
        }
    }

    public void Dispose() => _factory.Dispose();
}
