using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace TabbPortal.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class ImplementationTests(BrowserFixture fixture)
{
    private const string Step = "Rutin för samtycke på plats";

    [Fact]
    public async Task ProcessLeaderUpdatesAStepForFlenSeesTheOverviewChangeAndExportsIt()
    {
        var page = await fixture.NewPageAsync();
        await page.LogInWithKeyboardAsync("eva.strand@demo.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Införandet", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Införandet i länet");
        await page.WaitForInteractiveAsync();

        var flenCell = page.Locator($"tr[data-organisation='Flen kommun'] td[data-step='{Step}']");
        await Assertions.Expect(flenCell).ToHaveTextAsync("Pågår");
        await Assertions.Expect(page.Locator("tr.stalled[data-organisation='Vingåker kommun']")).ToContainTextAsync("Står still");
        await Assertions.Expect(page.GetByTestId("progress-table")).ToContainTextAsync("Länsövergripande");
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Flen kommun" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Flen kommun");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Ändra: {Step}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#progress-form-title")).ToBeFocusedAsync();

        // Done without a date: the message is at the date, and what was typed stays.
        await page.Locator("#progress-status").SelectOptionAsync("Done");
        await page.Locator("#progress-date").FillAsync(string.Empty);
        await page.Locator("#progress-evidence").FillAsync("Rutinen antogs av socialnämnden och barn- och utbildningsnämnden.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.Locator("#progress-date-error")).ToHaveTextAsync("Ange när steget blev klart.");
        await Assertions.Expect(page.Locator("#progress-evidence")).ToHaveValueAsync("Rutinen antogs av socialnämnden och barn- och utbildningsnämnden.");
        await page.AssertNoAxeViolationsAsync();

        var today = DateTime.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.Locator("#progress-date").FillAsync(today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{Step}: Klart har sparats.");
        var row = page.GetByTestId("organisation-steps").Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = Step }) });
        await Assertions.Expect(row).ToContainTextAsync("Klart");
        await Assertions.Expect(page.GetByTestId("history-table").Locator("tbody tr").First).ToContainTextAsync("Pågår → Klart");
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Tillbaka till översikten" }).ClickAsync();
        await Assertions.Expect(flenCell).ToHaveTextAsync("Klart");
        await Assertions.Expect(flenCell).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("status-done"));

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Exportera översikten (CSV)" }).ClickAsync());
        Assert.Equal("inforande-oversikt.csv", download.SuggestedFilename);
        var path = await download.PathAsync();
        var lines = (await File.ReadAllTextAsync(path, Encoding.UTF8)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimStart('\uFEFF').Split(';');
        var column = Array.IndexOf(header, Step);
        Assert.True(column > 0, lines[0]);
        var flen = lines.Single(l => l.Contains(";Flen kommun;", StringComparison.Ordinal)).Split(';');
        Assert.Equal("Klart", flen[column]);
        await page.Context.CloseAsync();
    }
}
