using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TabbPortal.Domain.Audit;
using TabbPortal.Tests.Integration.DataExport;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Tests.Browser;

/// <summary>The data subject export as its reader meets it (link from the child, the page, print and download), and the retention page.</summary>
[Collection(BrowserTests.Name)]
public sealed class DataExportTests(BrowserFixture fixture)
{
    [Fact]
    public async Task PractitionerOpensTheExportFromTheChildPrintsItAndDownloadsTheJson()
    {
        var page = await fixture.NewPageAsync();
        await page.LogInWithKeyboardAsync("karin.ek@demo.example");
        await page.GotoAsync("/barn");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Noah Sjöberg" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Registerutdrag (allt som sparats om barnet)" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Registerutdrag för Noah Sjöberg");
        var export = page.GetByTestId("data-export");
        await Assertions.Expect(export).ToContainTextAsync("Morgonsamtal med mentor varje skoldag");
        await Assertions.Expect(export).ToContainTextAsync("Petra Sjöberg");
        await Assertions.Expect(export.GetByTestId("export-access-log")).ToContainTextAsync("Registerutdrag eller export");
        await page.AssertNoAxeViolationsAsync();

        // Printed, only the document is left: no menu, header or tools.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Skriv ut" })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("header.top-bar")).ToBeHiddenAsync();
        await Assertions.Expect(export).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Ladda ned som JSON" }).ClickAsync());
        Assert.StartsWith("registerutdrag-", download.SuggestedFilename, StringComparison.Ordinal);
        var json = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("\"givenName\": \"Noah\"", json, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheReadablePageShowsEveryPartOfASeededRecordAndNothingOfTheSiblingAndRefusesAPractitionerWithoutAccess()
    {
        // A portal of its own: the seeded family must not change what the other browser tests see in the demo data.
        await using var server = await PortalServer.StartAsync();
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-60).AddHours(9), TimeSpan.Zero);
        var child = await SeededChild.SeedAsync(() => OpenAsync(server), "Majken", "Sidsson", start);
        var sibling = await SeededChild.SeedAsync(() => OpenAsync(server), "Vendela", "Sidsson", start.AddDays(1));

        var page = await NewPageAsync(server);
        await page.LogInWithKeyboardAsync("karin.ek@demo.example");
        await page.GotoAsync($"/barn/{child.ChildId}/registerutdrag");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Registerutdrag för Majken Sidsson");
        var export = page.GetByTestId("data-export");
        foreach (var heading in new[] { "Uppgifter om barnet", "Vårdnadshavare och andra närstående", "Stödnivå och dess historik", "Roller kring barnet",
                     "Oro för barnet", "Välbefinnande", "Planer", "Behov, mål och insatser", "Ändringshistorik", "Fastställda versioner", "Samverkansmöten",
                     "Samtycken", "Nödåtkomst", "Åtkomstlogg" })
        {
            await Assertions.Expect(export.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
        }

        foreach (var text in new[] { "Majken är ofta ledsen.", "Majken gillar att rita.", "Lästräning för Majken", "Beslut för Majken", "Anteckningar om Majken.",
                     "Samordnad plan för Majken.", "Ersätts av ett bredare samtycke.", "Akut läkemedelsfråga om Majken.", "BVC Flen",
                     "visas inte i familjens exemplar", $"{child.Number[..8]}-{child.Number[8..]}", "Enskilda medarbetares namn redovisas inte" })
        {
            await Assertions.Expect(export).ToContainTextAsync(text);
        }

        await Assertions.Expect(export.GetByTestId("export-access-log")).ToContainTextAsync("Registerutdrag eller export");
        await Assertions.Expect(export).Not.ToContainTextAsync(sibling.GivenName);
        await page.AssertNoAxeViolationsAsync();
        await page.Context.CloseAsync();

        // Maria (BVC Flen) is not connected to the child: the page refuses her, shows nothing of the record, and the refusal is logged.
        var maria = await NewPageAsync(server);
        await maria.LogInWithKeyboardAsync("maria.lund@demo.example");
        await maria.GotoAsync($"/barn/{child.ChildId}/registerutdrag");
        await Assertions.Expect(maria.GetByText("Du kan inte ta ut ett registerutdrag för barnet.")).ToBeVisibleAsync();
        await Assertions.Expect(maria.Locator("main")).Not.ToContainTextAsync("Majken");
        await maria.AssertNoAxeViolationsAsync();
        await maria.Context.CloseAsync();
        await using var context = await OpenAsync(server);
        var mariaId = await context.Users.Where(u => u.Email == "maria.lund@demo.example").Select(u => u.Id).SingleAsync();
        Assert.Contains(await context.AccessLog.AsNoTracking().Where(e => e.ChildId == child.ChildId && e.Part == RecordPart.DataExport).ToListAsync(),
            e => e.UserId == mariaId && !e.Allowed);
    }

    [Fact]
    public async Task AdministratorMakesADryRunAndSeesItsReceipt()
    {
        var page = await fixture.NewPageAsync();
        await page.LogInWithKeyboardAsync("nils.dahl@demo.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Gallring" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Gallring");
        await Assertions.Expect(page.GetByTestId("retention-rule")).ToContainTextAsync("mer än 5 år sedan");
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Provkör (ändrar ingenting)" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Provkörningen är klar");
        await Assertions.Expect(page.GetByTestId("retention-receipts")).ToContainTextAsync("Provkörning");
        await Assertions.Expect(page.GetByTestId("retention-receipts")).ToContainTextAsync("Nils Dahl");
        await page.AssertNoAxeViolationsAsync();
        await page.Context.CloseAsync();
    }

    private static Task<PortalDbContext> OpenAsync(PortalServer server) =>
        Task.FromResult(new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={server.DatabaseFile}").Options));

    private async Task<IPage> NewPageAsync(PortalServer server)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            Locale = "sv-SE",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }
}
