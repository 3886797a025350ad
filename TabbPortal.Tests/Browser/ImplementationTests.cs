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

        // The same session goes on to the indicators from the work and exports one of their tables.
        await page.GotoAsync("/uppfoljning");
        await page.GetByRole(AriaRole.Link, new() { Name = "Indikatorer från arbetet per kommun och månad" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Indikatorer från arbetet");
        await page.WaitForInteractiveAsync();
        await page.AssertNoAxeViolationsAsync();
        var indicators = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Exportera som CSV: Barn med plan per stödnivå" }).ClickAsync());
        var indicatorLines = (await File.ReadAllTextAsync((await indicators.PathAsync())!, Encoding.UTF8)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Månad;Kommun;Universellt stöd;Riktat stöd;Samordnat stöd;Totalt", indicatorLines[0].TrimStart('\uFEFF'));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ProcessLeaderAddsAStepSetsAMilestoneAndOpensThePeriodReport()
    {
        var page = await fixture.NewPageAsync();
        await page.LogInWithKeyboardAsync("eva.strand@demo.example");

        await page.GotoAsync("/uppfoljning/inforande/steg");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nytt steg" }).ClickAsync();
        await page.Locator("#step-name").FillAsync("Beslut om att införa modellen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.Locator("#step-name-error")).ToHaveTextAsync("Det finns redan ett steg med det namnet.");
        await page.AssertNoAxeViolationsAsync();
        await page.Locator("#step-name").FillAsync("Samverkan med fritidsverksamheten");
        await page.Locator("#step-scope").SelectOptionAsync("Unit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Samverkan med fritidsverksamheten har sparats.");
        await Assertions.Expect(page.GetByTestId("steps-table")).ToContainTextAsync("Samverkan med fritidsverksamheten");

        await page.GotoAsync("/uppfoljning/inforande/milstolpar");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ändra: Samverkansmodellen är reviderad vid behov" }).ClickAsync();
        await page.Locator("#milestone-status").SelectOptionAsync("Done");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.Locator("#milestone-completed-error")).ToHaveTextAsync("Ange när målet nåddes.");
        await page.AssertNoAxeViolationsAsync();
        await page.Locator("#milestone-completed").FillAsync(DateTime.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Samverkansmodellen är reviderad vid behov har sparats.");
        var row = page.GetByTestId("milestones-table").Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Samverkansmodellen är reviderad vid behov" }) });
        await Assertions.Expect(row).ToContainTextAsync("Klart");

        await page.GotoAsync("/uppfoljning/inforande");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Samverkan med fritidsverksamheten" }).First).ToBeVisibleAsync();
        await page.Locator("#stalled-days").SelectOptionAsync("365");
        await Assertions.Expect(page.Locator("tr.stalled[data-organisation='Vingåker kommun']")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Periodrapport om införandet" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Periodrapport om införandet");
        await Assertions.Expect(page.GetByTestId("period-report")).ToContainTextAsync("Ändringar under perioden");
        await page.AssertNoAxeViolationsAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("nav.side-nav")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Skriv ut" })).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }
}
