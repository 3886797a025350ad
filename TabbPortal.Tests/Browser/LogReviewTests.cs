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
        // The lookup itself first, then the four seeded entries for the child (other tests may log on the same child).
        await Assertions.Expect(rows.First).ToContainTextAsync("Slog upp personnummer");
        await Assertions.Expect(rows.Filter(new() { HasText = "Testa Testsson" })).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("table.access-log tr.denied", new() { HasText = "Testa Testsson" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table.access-log tr.denied").First).ToContainTextAsync("Nekad");
        Assert.All(await page.Locator("table.access-log tbody tr > :nth-child(5)").AllInnerTextsAsync(), id => Assert.Equal(childId.ToString(), id.Trim()));
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

    [Fact]
    public async Task LogReviewerReviewsAnEmergencyAccessWithTheEntriesMadeUnderIt()
    {
        var contexts = Contexts();
        Guid childId;
        await using (var context = await contexts.CreateDbContextAsync())
        {
            var sara = await context.Users.SingleAsync(u => u.Email == "sara.holm@demo.example");
            childId = await context.Children.OrderBy(c => c.GivenName).Select(c => c.Id).FirstAsync();
            var access = TabbPortal.Domain.Consent.EmergencyAccess.Grant(childId,
                new TabbPortal.Domain.Consent.ConsentDocumenter(sara.Id, sara.DisplayName, sara.UnitId!.Value), "Socialjouren, akut skyddsbedömning.",
                DateTimeOffset.UtcNow.AddHours(-3), TimeSpan.FromHours(2));
            context.EmergencyAccesses.Add(access);
            await context.SaveChangesAsync();
            using var log = new SqliteAccessLog(contexts, TimeProvider.System, NullLogger<SqliteAccessLog>.Instance);
            foreach (var part in new[] { RecordPart.EmergencyAccess, RecordPart.Child, RecordPart.Plan })
            {
                await log.AppendAsync(new AccessLogRecord(sara.Id, sara.DisplayName, "Practitioner", sara.UnitId, Sector.SocialServices, childId,
                    part == RecordPart.EmergencyAccess ? AccessKind.Write : AccessKind.Read, part, true, AccessBasis.Emergency, access.Id.ToString(), "s"),
                    CancellationToken.None);
            }
        }

        var page = await fixture.NewPageAsync();
        await page.LogInWithKeyboardAsync("ulla.wik@demo.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nödåtkomster" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Nödåtkomster att granska");
        await page.WaitForInteractiveAsync();
        var waiting = page.Locator("section.emergency.waiting", new() { HasText = "Socialjouren, akut skyddsbedömning." });
        await Assertions.Expect(waiting).ToHaveCountAsync(1);
        await Assertions.Expect(waiting.Locator("table.access-log tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(waiting).ToContainTextAsync(childId.ToString());
        await page.AssertNoAxeViolationsAsync();

        await waiting.GetByRole(AriaRole.Button, new() { Name = "Registrera granskningen" }).ClickAsync();
        await Assertions.Expect(waiting.Locator(".field-error")).ToHaveTextAsync("Skriv granskningens slutsats.");
        await page.AssertNoAxeViolationsAsync();
        await waiting.GetByLabel("Slutsats", new() { Exact = true }).FillAsync("Befogad: socialjouren saknade annan väg.");
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Registrera granskningen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("är registrerad");
        var reviewed = page.Locator("section.emergency.reviewed", new() { HasText = "Socialjouren, akut skyddsbedömning." });
        await Assertions.Expect(reviewed).ToContainTextAsync("Befogad: socialjouren saknade annan väg.");
        await Assertions.Expect(reviewed).ToContainTextAsync("Ulla Wik");
        await page.AssertNoAxeViolationsAsync();
        await page.Context.CloseAsync();
    }

    private PooledDbContextFactory<PortalDbContext> Contexts() =>
        new(new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = fixture.Server.DatabaseFile }.ToString()).Options);

    /// <summary>Writes entries into the running portal's log through the real writer on its file (a second writer is safe).</summary>
    private async Task<(Guid ChildId, string Number)> SeedLogAsync()
    {
        var contexts = Contexts();
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
