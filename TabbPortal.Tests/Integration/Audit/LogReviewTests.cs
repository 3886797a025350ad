using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Audit;
using TabbPortal.Web.Audit;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Tests.Integration.Audit;

/// <summary>The log reviewer's queries and reviews over real SQLite: filters, the logged personnummer lookup, the sample, the record.</summary>
public sealed class LogReviewTests : IDisposable
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

    [Fact]
    public async Task The_log_is_shown_newest_first_in_pages_and_filtered_by_child_and_user()
    {
        var child = Guid.NewGuid();
        var log = _factory.Services.GetRequiredService<IAccessLog>();
        for (var i = 1; i <= 60; i++)
        {
            await log.AppendAsync(AccessLogTestData.Record(i, childId: i % 2 == 0 ? child : null, userId: i % 3 == 0 ? "user-three" : "user-other"), CancellationToken.None);
        }

        var all = await AsUllaAsync(s => s.GetRequiredService<AccessLogQueries>().SearchAsync(new AccessLogFilter(), 0));
        var second = await AsUllaAsync(s => s.GetRequiredService<AccessLogQueries>().SearchAsync(new AccessLogFilter(), 1));
        var byChild = await AsUllaAsync(s => s.GetRequiredService<AccessLogQueries>().SearchAsync(new AccessLogFilter { ChildId = child }, 0));
        var byBoth = await AsUllaAsync(s => s.GetRequiredService<AccessLogQueries>().SearchAsync(new AccessLogFilter { ChildId = child, UserId = "user-three" }, 0));

        Assert.Equal(60, all.Total);
        Assert.Equal(2, all.PageCount);
        Assert.Equal(Enumerable.Range(11, 50).Reverse().Select(i => (long)i), all.Rows.Select(r => r.Id));
        Assert.Equal(Enumerable.Range(1, 10).Reverse().Select(i => (long)i), second.Rows.Select(r => r.Id));
        Assert.Equal(30, byChild.Total);
        Assert.All(byChild.Rows, r => Assert.Equal(child, r.ChildId));
        Assert.Equal(10, byBoth.Total);
        Assert.All(byBoth.Rows, r => Assert.Equal(0, r.Id % 6));
    }

    [Fact]
    public async Task A_period_filter_takes_whole_local_days()
    {
        await AccessLogTestData.AppendAsync(_factory, 3);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);

        var todays = await AsUllaAsync(s => s.GetRequiredService<AccessLogQueries>().SearchAsync(new AccessLogFilter { From = today, To = today }, 0));
        var yesterdays = await AsUllaAsync(s => s.GetRequiredService<AccessLogQueries>().SearchAsync(new AccessLogFilter { From = today.AddDays(-1), To = today.AddDays(-1) }, 0));

        Assert.Equal(3, todays.Total);
        Assert.Equal(0, yesterdays.Total);
    }

    [Fact]
    public async Task Looking_a_child_up_by_personal_identity_number_gives_the_id_and_is_itself_logged()
    {
        Guid childId;
        string number;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var child = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Children.FirstAsync();
            (childId, number) = (child.Id, child.PersonalIdentityNumber.ToString());
        }

        var lookup = await AsUllaAsync(s => s.GetRequiredService<AccessLogQueries>().FindChildAsync(number));

        Assert.Equal(new ChildLookup(ChildLookupOutcome.Found, childId), lookup);
        await using var check = _factory.Services.CreateAsyncScope();
        var entry = Assert.Single(check.ServiceProvider.GetRequiredService<PortalDbContext>().AccessLog);
        Assert.Equal((childId, AccessKind.Lookup, AccessBasis.LogReview, "Ulla Wik", "LogReviewer", true),
            (entry.ChildId, entry.Kind, entry.Basis, entry.UserName, entry.Role, entry.Allowed));
        Assert.DoesNotContain(number.Replace("-", string.Empty, StringComparison.Ordinal)[2..8], entry.BasisReference ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_is_taken_as_it_is_and_a_number_of_no_child_or_nonsense_is_answered_without_a_log_entry()
    {
        var id = Guid.NewGuid();

        var byId = await AsUllaAsync(s => s.GetRequiredService<AccessLogQueries>().FindChildAsync(id.ToString()));
        var unknown = await AsUllaAsync(s => s.GetRequiredService<AccessLogQueries>().FindChildAsync("19991231-9994"));
        var nonsense = await AsUllaAsync(s => s.GetRequiredService<AccessLogQueries>().FindChildAsync("<script>alert(1)</script>"));

        Assert.Equal(new ChildLookup(ChildLookupOutcome.Found, id), byId);
        Assert.Equal(ChildLookupOutcome.NotFound, unknown.Outcome);
        Assert.Equal(ChildLookupOutcome.NotAnIdOrNumber, nonsense.Outcome);
        Assert.Equal(0, await AccessLogTestData.ScalarAsync(_factory.Database.ConnectionString, """SELECT count(*) FROM "AccessLog" """));
    }

    [Fact]
    public async Task A_sample_draws_distinct_entries_of_the_period_and_its_review_is_recorded()
    {
        await AccessLogTestData.AppendAsync(_factory, 80);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);

        var (sample, errors) = await AsUllaAsync(s => s.GetRequiredService<LogReviewService>().DrawSampleAsync(new LogSampleInput { From = today, To = today, Size = 15 }));
        var (other, _) = await AsUllaAsync(s => s.GetRequiredService<LogReviewService>().DrawSampleAsync(new LogSampleInput { From = today, To = today, Size = 15 }));

        Assert.Empty(errors);
        Assert.NotNull(sample);
        Assert.Equal(80, sample.EntriesInPeriod);
        Assert.Equal(15, sample.Entries.Select(e => e.Id).Distinct().Count());
        Assert.All(sample.Entries, e => Assert.InRange(e.Id, 1, 80));
        Assert.Equal(sample.Entries.Select(e => e.Id).Order(), sample.Entries.Select(e => e.Id));
        // 15 of 80 twice alike by chance: about 1 in 10^16.
        Assert.NotEqual(sample.Entries.Select(e => e.Id), other!.Entries.Select(e => e.Id));

        var saved = await AsUllaAsync(s => s.GetRequiredService<LogReviewService>().RecordAsync(sample, new LogReviewInput { Conclusion = "  Alla åtkomster hade stöd i samtycke.  ", HasRemarks = true }));
        var reviews = await AsUllaAsync(s => s.GetRequiredService<LogReviewService>().ListReviewsAsync());

        Assert.True(saved.Succeeded);
        var review = Assert.Single(reviews);
        Assert.Equal(("Ulla Wik", today, today, "Alla åtkomster hade stöd i samtycke.", true), (review.ReviewerName, review.PeriodFrom, review.PeriodTo, review.Conclusion, review.HasRemarks));
        Assert.Equal(sample.Entries.Select(e => e.Id), review.SampleEntryIds);
    }

    [Fact]
    public async Task A_sample_larger_than_the_period_takes_every_entry_and_bad_input_is_answered_at_its_field()
    {
        await AccessLogTestData.AppendAsync(_factory, 5);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);

        var (all, _) = await AsUllaAsync(s => s.GetRequiredService<LogReviewService>().DrawSampleAsync(new LogSampleInput { From = today, To = today, Size = 50 }));
        var (none, errors) = await AsUllaAsync(s => s.GetRequiredService<LogReviewService>().DrawSampleAsync(new LogSampleInput { From = today, To = today.AddDays(-1), Size = 0 }));

        Assert.Equal([1L, 2, 3, 4, 5], all!.Entries.Select(e => e.Id));
        Assert.Null(none);
        Assert.Equal(["LogReview_Period_Order", "LogSample_Size_Range"], errors.Select(e => e.Code).Order());
    }

    [Fact]
    public async Task A_review_without_a_conclusion_is_not_recorded_and_a_recorded_review_cannot_be_changed()
    {
        await AccessLogTestData.AppendAsync(_factory, 3);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        var (sample, _) = await AsUllaAsync(s => s.GetRequiredService<LogReviewService>().DrawSampleAsync(new LogSampleInput { From = today, To = today, Size = 3 }));

        var empty = await AsUllaAsync(s => s.GetRequiredService<LogReviewService>().RecordAsync(sample!, new LogReviewInput { Conclusion = "   " }));
        Assert.Equal("LogReview_Conclusion_Required", Assert.Single(empty.Errors).Code);

        await AsUllaAsync(s => s.GetRequiredService<LogReviewService>().RecordAsync(sample!, new LogReviewInput { Conclusion = "Utan anmärkning." }));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(_factory.Database.ConnectionString);
        await connection.OpenAsync();
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            AccessLogTestData.ExecuteAsync(connection, """UPDATE "LogReviews" SET "HasRemarks" = 1"""));
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            AccessLogTestData.ExecuteAsync(connection, """DELETE FROM "LogReviews" """));
    }

    public void Dispose() => _factory.Dispose();
}
