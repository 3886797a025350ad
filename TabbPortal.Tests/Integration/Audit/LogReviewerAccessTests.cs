using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Audit;
using TabbPortal.Web.Audit;

namespace TabbPortal.Tests.Integration.Audit;

/// <summary>The log reviewer's pages and services are for the log reviewer only, checked on the server; the reviewer sees no child.</summary>
public sealed class LogReviewerAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Ulla = "ulla.wik@demo.example";
    private static readonly string[] ReviewerPages = ["/logg", "/logg/stickprov", "/logg/nodatkomst"];

    [Fact]
    public async Task The_log_reviewer_signs_in_to_the_access_log_in_Swedish()
    {
        using var browser = new PortalBrowser(factory);

        var login = await browser.LogInAsync(Ulla);
        Assert.Equal("/logg", login.Location?.AbsolutePath);

        var page = await browser.GetAsync("/logg");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<h1>Åtkomstlogg</h1>", page.Text, StringComparison.Ordinal);
        Assert.Contains("Välkommen, Ulla Wik.", page.Text, StringComparison.Ordinal);
        Assert.Contains("Stickprov", page.Text, StringComparison.Ordinal);

        var sample = await browser.GetAsync("/logg/stickprov");
        Assert.Equal(HttpStatusCode.OK, sample.Status);
        Assert.Contains("<h1>Stickprov i åtkomstloggen</h1>", sample.Text, StringComparison.Ordinal);

        var queue = await browser.GetAsync("/logg/nodatkomst");
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        Assert.Contains("<h1>Nödåtkomster att granska</h1>", queue.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("karin.ek@demo.example")]
    [InlineData("sara.holm@demo.example")]
    [InlineData("maria.lund@demo.example")]
    [InlineData("eva.strand@demo.example")]
    [InlineData("nils.dahl@demo.example")]
    public async Task Every_other_role_is_refused_the_reviewer_pages(string email)
    {
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(email);

        foreach (var page in ReviewerPages)
        {
            var response = await browser.GetAsync(page);

            AssertRefused(response, $"{email} asked for {page}");
        }
    }

    [Theory]
    [InlineData("/barn")]
    [InlineData("/mitt-arbete")]
    [InlineData("/uppfoljning")]
    [InlineData("/admin/konton")]
    public async Task The_log_reviewer_is_refused_the_other_roles_pages_and_every_child(string page)
    {
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(Ulla);

        AssertRefused(await browser.GetAsync(page), $"the log reviewer asked for {page}");
    }

    [Fact]
    public async Task The_log_reviewer_is_refused_a_childs_page_by_id()
    {
        Guid childId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            childId = scope.ServiceProvider.GetRequiredService<TabbPortal.Web.Persistence.PortalDbContext>().Children.Select(c => c.Id).First();
        }

        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(Ulla);

        AssertRefused(await browser.GetAsync($"/barn/{childId}"), "the log reviewer asked for a child");
    }

    [Theory]
    [InlineData("karin.ek@demo.example")]
    [InlineData("eva.strand@demo.example")]
    [InlineData("nils.dahl@demo.example")]
    public async Task Every_reviewer_service_call_refuses_other_roles_on_the_server(string email)
    {
        var (scope, _) = await SignedInScope.StartAsync(factory, email);
        await using (scope)
        {
            var queries = scope.ServiceProvider.GetRequiredService<AccessLogQueries>();
            var reviews = scope.ServiceProvider.GetRequiredService<LogReviewService>();
            var today = DateOnly.FromDateTime(DateTime.Today);
            var sample = new LogSample(today, today, 1, []);

            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => queries.SearchAsync(new AccessLogFilter(), 0));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => queries.FindChildAsync("20150314-4826"));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => queries.ListUsersAsync());
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => queries.ListUnitsAsync());
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => reviews.DrawSampleAsync(new LogSampleInput { From = today, To = today }));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => reviews.RecordAsync(sample, new LogReviewInput { Conclusion = "x" }));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => reviews.ListReviewsAsync());
        }
    }

    private static void AssertRefused(PortalResponse response, string what)
    {
        var refused = response.Status == HttpStatusCode.Forbidden
            || (response.Status == HttpStatusCode.Found && response.Location?.AbsolutePath == PortalBrowser.AccessDeniedPath);
        Assert.True(refused, $"{what} and got {response}");
        Assert.DoesNotContain("<h1>", response.Html, StringComparison.Ordinal);
    }
}
