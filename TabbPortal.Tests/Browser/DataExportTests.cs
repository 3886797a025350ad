using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TabbPortal.Domain.Consent;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Tests.Browser;

/// <summary>The data subject export as its reader meets it (link from the child, the page, print and download), and the retention page.</summary>
[Collection(BrowserTests.Name)]
public sealed class DataExportTests(BrowserFixture fixture)
{
    [Fact]
    public async Task PractitionerOpensTheExportFromTheChildPrintsItAndDownloadsTheJson()
    {
        await GiveConsentAsync("Noah", "Sjöberg");
        var page = await fixture.NewPageAsync();
        await page.LogInWithKeyboardAsync("karin.ek@demo.example");
        await page.GotoAsync("/barn");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Noah Sjöberg" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Registerutdrag (allt som sparats om barnet)" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Registerutdrag för Noah Sjöberg");
        var export = page.GetByTestId("data-export");
        foreach (var heading in new[] { "Uppgifter om barnet", "Vårdnadshavare och andra närstående", "Stödnivå och dess historik", "Roller kring barnet",
                     "Oro för barnet", "Välbefinnande", "Planer", "Åtkomstlogg" })
        {
            await Assertions.Expect(export.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
        }

        await Assertions.Expect(export).ToContainTextAsync("Morgonsamtal med mentor varje skoldag");
        await Assertions.Expect(export).ToContainTextAsync("Petra Sjöberg");
        await Assertions.Expect(export.GetByTestId("export-access-log")).ToContainTextAsync("Registerutdrag eller export");
        await page.AssertNoAxeViolationsAsync();

        // Printed, only the document is left: no menu, header or tools.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Skriv ut" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Barn", Exact = true })).ToBeHiddenAsync();
        await Assertions.Expect(export).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Ladda ned som JSON" }).ClickAsync());
        Assert.StartsWith("registerutdrag-", download.SuggestedFilename, StringComparison.Ordinal);
        var json = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("\"givenName\": \"Noah\"", json, StringComparison.Ordinal);
        await page.Context.CloseAsync();
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

    /// <summary>
    /// A consent of the child's guardians with custody for all three agencies, valid from yesterday for a year, written
    /// straight into the portal's database (as the consent page would record it) so that the export's full access rests on it.
    /// </summary>
    private async Task GiveConsentAsync(string givenName, string familyName)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={fixture.Server.DatabaseFile}").Options;
        await using var context = new PortalDbContext(options);
        var child = await context.Children.Include(c => c.Guardians).SingleAsync(c => c.GivenName == givenName && c.FamilyName == familyName);
        var karin = await context.Users.Where(u => u.Email == "karin.ek@demo.example").Select(u => new { u.Id, u.DisplayName, UnitId = u.UnitId!.Value }).SingleAsync();
        var today = DateOnly.FromDateTime(DateTime.Now);
        foreach (var guardian in child.Guardians.Where(g => g.HasCustody))
        {
            context.Consents.Add(ConsentEntry.Record(child.Id, new ConsentInput
            {
                Giver = ConsentGiver.Guardian, GuardianId = guardian.Id, SharedWith = Agencies.All, Categories = Agencies.All, Purpose = "Samordnad plan.",
                Form = ConsentForm.Written, ValidFrom = today.AddDays(-1), ValidTo = today.AddYears(1),
            }, guardian.Name, new ConsentDocumenter(karin.Id, karin.DisplayName, karin.UnitId), DateTimeOffset.UtcNow));
        }

        await context.SaveChangesAsync();
    }
}
