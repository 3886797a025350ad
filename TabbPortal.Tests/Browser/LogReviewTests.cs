using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Organisations;
using TabbPortal.Web.Audit;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Tests.Browser;

/// <summary>The log reviewer in Chromium: the log filtered by personnummer, a sample reviewed and recorded; axe on every view.</summary>
[Collection(BrowserTests.Name)]
public sealed class LogReviewTests(BrowserFixture fixture)
{
    [Fact]
    public async Task LogReviewerFindsAChildsEntriesByPersonnummerAndRecordsASampleReview()
    {
        var (childId, number) = await SeedLogAsync();
        var page = await fixture.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.LogInWithKeyboardAsync("ulla.wik@demo.example");
        Assert.EndsWith("/logg", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Åtkomstlogg");
        await page.AssertNoAxeViolationsAsync();

        await page.GetByLabel("Barn (ID eller personnummer)").FillAsync(number);
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Personnumret hör till barn-ID {childId}. Uppslaget har loggats.");
        var rows = page.Locator("table.access-log tbody tr");
        // Four seeded entries for the child and the lookup itself.
        await Assertions.Expect(rows).ToHaveCountAsync(5);
        await Assertions.Expect(rows.First).ToContainTextAsync("Slog upp personnummer");
        await Assertions.Expect(page.Locator("table.access-log tr.denied")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table.access-log tr.denied")).ToContainTextAsync("Nekad");
        Assert.DoesNotContain(number, await page.Locator("table.access-log").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Stickprov" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Stickprov i åtkomstloggen");
        await page.WaitForInteractiveAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Antal poster").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dra stickprov" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.access-log tbody tr")).ToHaveCountAsync(6);

        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera granskningen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sample-conclusion-error")).ToHaveTextAsync("Skriv granskningens slutsats.");
        await page.AssertNoAxeViolationsAsync();

        const string Conclusion = "Det nekade försöket följs upp. <script>alert('x')</script><img src=x onerror=alert(2)>";
        await page.GetByLabel("Slutsats", new() { Exact = true }).FillAsync(Conclusion);
        await page.GetByLabel("Granskningen ledde till anmärkning").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera granskningen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Granskningen är registrerad.");
        var review = page.Locator("table[data-testid='log-reviews'] tbody tr").First;
        await Assertions.Expect(review).ToContainTextAsync(Conclusion);
        await Assertions.Expect(review).ToContainTextAsync("Ja");
        await page.AssertNoAxeViolationsAsync();
        Assert.Equal(0, dialogs);
        await page.Context.CloseAsync();
    }

    /// <summary>Writes entries into the running portal's log through the real writer on its file (a second writer is safe).</summary>
    private async Task<(Guid ChildId, string Number)> SeedLogAsync()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = fixture.Server.DatabaseFile }.ToString()).Options;
        var contexts = new PooledDbContextFactory<PortalDbContext>(options);
        Guid childId;
        string number;
        await using (var context = await contexts.CreateDbContextAsync())
        {
            var child = await context.Children.OrderBy(c => c.FamilyName).Skip(3).FirstAsync();
            (childId, number) = (child.Id, child.PersonalIdentityNumber.ToString());
        }

        using var log = new SqliteAccessLog(contexts, TimeProvider.System, NullLogger<SqliteAccessLog>.Instance);
        for (var i = 0; i < 12; i++)
        {
            var forChild = i % 3 == 0;
            var allowed = i != 3;
            await log.AppendAsync(new AccessLogRecord(
                "browser-test-user", "Testa Testsson", "Practitioner", null, Sector.HealthCare, forChild ? childId : Guid.NewGuid(),
                AccessKind.Read, RecordPart.Plan, allowed, allowed ? AccessBasis.Consent : AccessBasis.None, null, "browser-session"), CancellationToken.None);
        }

        return (childId, number);
    }
}
