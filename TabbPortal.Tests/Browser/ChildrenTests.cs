using System.Globalization;
using Microsoft.Playwright;

namespace TabbPortal.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class ChildrenTests(BrowserFixture fixture)
{
    [Fact]
    public async Task PractitionerRegistersAChildRecordsAConcernAndMovesItToTargetedSupport()
    {
        var page = await fixture.NewPageAsync();
        await page.LogInWithKeyboardAsync("karin.ek@demo.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Barn", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Barn");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Noah Sjöberg" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Registrera barn" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Registrera barn");
        await page.WaitForInteractiveAsync();
        await page.AssertNoAxeViolationsAsync();

        // A wrong check digit is refused at the field; the rest of the input stays.
        var number = InventedNumber(new DateOnly(2016, 6, 15), 731);
        await page.Locator("#child-given-name").FillAsync("Tilde");
        await page.Locator("#child-family-name").FillAsync("Testsson");
        await page.Locator("#child-pin").FillAsync(number[..^1] + ((number[^1] - '0' + 1) % 10).ToString(CultureInfo.InvariantCulture));
        await page.Locator("#child-municipality").SelectOptionAsync(new SelectOptionValue { Label = "Flen kommun" });
        await page.Locator("#child-school").SelectOptionAsync(new SelectOptionValue { Label = "Ekskolan" });
        await page.Locator("#guardian-0-name").FillAsync("Greta Testsson");
        await page.Locator("#guardian-0-relationship").FillAsync("mamma");
        await page.Locator("#guardian-0-phone").FillAsync("070-987 65 43");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.Locator("#child-pin-error")).ToHaveTextAsync("Kontrollsiffran stämmer inte – kontrollera personnumret.");
        await Assertions.Expect(page.Locator("#guardian-0-name")).ToHaveValueAsync("Greta Testsson");

        await page.Locator("#child-pin").FillAsync(number);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tilde Testsson");
        await Assertions.Expect(page.GetByTestId("support-level")).ToHaveTextAsync("Universellt stöd");
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Greta Testsson" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();

        // The concern, guided by the five questions, with a report to social services.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Oro" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ny oro" }).ClickAsync();
        await page.GetByLabel("Vad hindrar barnet från att må bra?").FillAsync("Tilde <script>window.injected = true</script> gråter ofta på morgonen.");
        await page.GetByLabel("Vad kan jag göra nu?").FillAsync("Prata med Tilde och hennes mamma.");
        await page.GetByLabel("Inhämta samtycke och kalla till samverkansmöte").CheckAsync();
        await page.GetByLabel("En orosanmälan har gjorts").CheckAsync();
        await page.Locator("#concern-reported-on").FillAsync(DateTime.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Oron har registrerats.");
        await Assertions.Expect(page.Locator(".concern")).ToContainTextAsync("<script>window.injected = true</script>");
        Assert.False(await page.EvaluateAsync<bool>("() => window.injected === true"), "Text typed into a field must never run as script.");

        // The wellbeing wheel is shared between the agencies: first the family's consent, then the rating from the
        // professionals' perspective, shown as a table over time.
        await page.GiveConsentInTheBrowserAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Välbefinnande" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ny bedömning" }).ClickAsync();
        await page.GetByLabel("De professionella").CheckAsync();
        await page.Locator("#rating-Safe").SelectOptionAsync("2");
        await page.Locator("#rating-Safe-comment").FillAsync("Oro på morgnarna.");
        await page.Locator("#rating-Included").SelectOptionAsync("4");
        await page.Locator("#myworld-care-concerns").FillAsync("Behöver lugna morgnar.");
        await page.AssertNoAxeViolationsAsync();
        await page.Locator("form").Filter(new() { Has = page.Locator("#assessment-form-title") })
            .GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bedömningen har sparats.");
        var ratings = page.GetByTestId("wellbeing-table");
        await Assertions.Expect(ratings.Locator("thead")).ToContainTextAsync("Trygg");
        await Assertions.Expect(ratings.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(ratings.Locator("tbody tr td").First).ToHaveTextAsync("2");
        await page.AssertNoAxeViolationsAsync();

        // The level of support, kept with its history.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Stödnivå" }).ClickAsync();
        await page.Locator("#support-level").SelectOptionAsync("Targeted");
        await page.Locator("#support-level-reason").FillAsync("Extra stöd i klassrummet.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("support-level")).ToHaveTextAsync("Riktat stöd");
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Universellt stöd" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();

        // The contact person, assigned to the principal herself.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Roller" }).ClickAsync();
        await page.Locator("#role-staff").SelectOptionAsync(new SelectOptionValue { Label = "Karin Ek, Rektor" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("current-ContactPerson")).ToContainTextAsync("Karin Ek, Ekskolan");
        await page.AssertNoAxeViolationsAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task APractitionerOfAnotherUnitCannotOpenTheChild()
    {
        var page = await fixture.NewPageAsync();
        await page.LogInWithKeyboardAsync("karin.ek@demo.example");
        await page.GotoAsync("/barn");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Maja Holmqvist" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Maja Holmqvist");
        var address = page.Url;
        await page.Context.CloseAsync();

        var other = await fixture.NewPageAsync();
        await other.LogInWithKeyboardAsync("jonas.nyberg@demo.example");
        await other.GotoAsync(address);
        await Assertions.Expect(other.Locator("h1")).ToHaveTextAsync("Barnet hittades inte");
        await Assertions.Expect(other.Locator("main")).Not.ToContainTextAsync("Holmqvist");
        await other.Context.CloseAsync();
    }

    /// <summary>An invented number with a valid check digit, in the 12-digit form with a hyphen.</summary>
    private static string InventedNumber(DateOnly born, int serial)
    {
        var nine = born.ToString("yyMMdd", CultureInfo.InvariantCulture) + serial.ToString("000", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < nine.Length; i++)
        {
            var product = (nine[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += (product / 10) + (product % 10);
        }

        return born.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + serial.ToString("000", CultureInfo.InvariantCulture)
            + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }
}
