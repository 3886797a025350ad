using System.Text;
using Microsoft.Playwright;

namespace TabbPortal.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class IndicatorsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ProcessLeaderOpensTheIndicatorsChoosesAnAreaAndExportsATableAsCsv()
    {
        var page = await fixture.NewPageAsync();
        await page.LogInWithKeyboardAsync("eva.strand@demo.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Indikatorer från arbetet per kommun och månad" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Indikatorer från arbetet");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("table-levels")).ToContainTextAsync("<5");
        await page.AssertNoAxeViolationsAsync();

        await page.GetByLabel("Område", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Flen kommun" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("area=", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("table-levels").Locator("tbody tr").First).ToContainTextAsync("Flen kommun");
        await Assertions.Expect(page.GetByTestId("table-levels")).Not.ToContainTextAsync("Eskilstuna kommun");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Exportera som CSV: Barn med plan per stödnivå" }).ClickAsync());
        var file = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(file!);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Månad;Kommun;Universellt stöd;Riktat stöd;Samordnat stöd;Totalt", lines[0]);
        Assert.Equal(12, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Contains(";Flen kommun;", l, StringComparison.Ordinal));
        Assert.StartsWith("indikatorer-levels-", download.SuggestedFilename, StringComparison.Ordinal);

        // The period report prints without the filter and the buttons.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Skriv ut periodrapport" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByLabel("Område", new() { Exact = true })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("table-actions")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task APractitionerHandsOutACodeAndEntersPaperAnswersAndTheResultsShowFromFiveAnswers()
    {
        var karin = await fixture.NewPageAsync();
        await karin.LogInWithKeyboardAsync("karin.ek@demo.example");
        await karin.GetByRole(AriaRole.Link, new() { Name = "Enkätkod till möte" }).ClickAsync();
        await karin.WaitForInteractiveAsync();
        // Karin's municipality is chosen for her.
        await Assertions.Expect(karin.Locator("#issue-municipality")).Not.ToHaveValueAsync(string.Empty);
        await karin.GetByLabel("Antal som ska kunna svara").FillAsync("5");
        await karin.GetByRole(AriaRole.Button, new() { Name = "Skapa kod" }).ClickAsync();
        var code = (await karin.GetByTestId("answer-code").TextContentAsync())!.Trim();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        await karin.AssertNoAxeViolationsAsync();
        await karin.Context.CloseAsync();

        // A guardian answers with the code in a browser of their own, without signing in (the circuit admits them;
        // nothing else does).
        var guardian = await fixture.NewPageAsync();
        await guardian.GotoAsync("/enkat?kod=" + code);
        await guardian.WaitForInteractiveAsync();
        await guardian.GetByLabel("Vårdnadshavare").CheckAsync();
        await guardian.GetByTestId("question-G1").GetByLabel("4 Stämmer ganska bra").CheckAsync();
        await guardian.GetByTestId("question-G2").GetByLabel("5 Stämmer helt").CheckAsync();
        await guardian.AssertNoAxeViolationsAsync();
        await guardian.GetByRole(AriaRole.Button, new() { Name = "Skicka svaren" }).ClickAsync();
        await Assertions.Expect(guardian.GetByRole(AriaRole.Status)).ToContainTextAsync("Tack! Dina svar är sparade.");
        await guardian.GotoAsync("/barn");
        Assert.Contains("/Account/Login", guardian.Url, StringComparison.Ordinal);
        await guardian.Context.CloseAsync();

        // Five guardians' paper questionnaires are entered afterwards; municipality and month stay for the next paper.
        var paper = await fixture.NewPageAsync();
        await paper.LogInWithKeyboardAsync("karin.ek@demo.example");
        await paper.GetByRole(AriaRole.Link, new() { Name = "Registrera pappersenkät" }).ClickAsync();
        await paper.WaitForInteractiveAsync();
        await paper.GetByLabel("Månad för mötet").FillAsync(DateTime.Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < 5; i++)
        {
            await paper.GetByLabel("Vårdnadshavare").CheckAsync();
            if (i == 0)
            {
                await paper.GetByRole(AriaRole.Button, new() { Name = "Skicka svaren" }).ClickAsync();
                await Assertions.Expect(paper.Locator("#paper-answers-error")).ToHaveTextAsync("Svara på minst en fråga.");
                await paper.AssertNoAxeViolationsAsync();
            }

            await paper.GetByTestId("question-G1").GetByLabel("4 Stämmer ganska bra").CheckAsync();
            await paper.GetByTestId("question-G2").GetByLabel("5 Stämmer helt").CheckAsync();
            await paper.GetByRole(AriaRole.Button, new() { Name = "Skicka svaren" }).ClickAsync();
            await Assertions.Expect(paper.GetByRole(AriaRole.Status)).ToContainTextAsync($"{i + 1} enkäter har registrerats.");
        }

        await paper.Context.CloseAsync();

        var eva = await fixture.NewPageAsync();
        await eva.LogInWithKeyboardAsync("eva.strand@demo.example");
        await eva.GetByRole(AriaRole.Link, new() { Name = "Enkätresultat" }).ClickAsync();
        await Assertions.Expect(eva.Locator("h1")).ToHaveTextAsync("Enkätresultat efter samverkansmöten");
        await eva.WaitForInteractiveAsync();
        var guardians = eva.GetByTestId("table-guardian");
        await Assertions.Expect(guardians.Locator("tr.total").Last).ToContainTextAsync("4,0");
        await Assertions.Expect(eva.Locator("figure.report-chart svg").First).ToBeVisibleAsync();
        await eva.AssertNoAxeViolationsAsync();
        await eva.Context.CloseAsync();
    }
}
