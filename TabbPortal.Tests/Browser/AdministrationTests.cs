using Microsoft.Playwright;

namespace TabbPortal.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class AdministrationTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AdministratorCreatesAnOrganisationWithTheKeyboardAlone()
    {
        var page = await fixture.NewPageAsync();
        await page.LogInWithKeyboardAsync("nils.dahl@demo.example");
        await page.GotoAsync("/admin/organisationer");
        await page.WaitForInteractiveAsync();
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Ny organisation" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#organisation-name")).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();

        // First attempt: a municipality without a sub-region.
        await page.Locator("#organisation-name").FocusAsync();
        await page.Keyboard.TypeAsync("Tangentkommunen");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#organisation-kind")).ToHaveValueAsync("Municipality");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#organisation-subregion-error")).ToHaveTextAsync("En kommun måste höra till en delregion.");
        await Assertions.Expect(page.Locator("#organisation-name")).ToHaveValueAsync("Tangentkommunen");

        // Then the sub-region, chosen with the arrow keys, and Enter in the name field submits.
        await page.Locator("#organisation-subregion").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Locator("#organisation-name").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Tangentkommunen har sparats.");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tangentkommunen" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DuplicateOrganisationNameIsRefusedAtTheField()
    {
        var page = await fixture.NewPageAsync();
        await page.LogInWithKeyboardAsync("nils.dahl@demo.example");
        await page.GotoAsync("/admin/organisationer");
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Ny organisation" }).ClickAsync();
        await page.Locator("#organisation-name").FillAsync("flen kommun");
        await page.Locator("#organisation-kind").SelectOptionAsync("Municipality");
        await page.Locator("#organisation-subregion").SelectOptionAsync("West");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();

        await Assertions.Expect(page.Locator("#organisation-name-error")).ToHaveTextAsync("Det finns redan en organisation med det namnet.");
        await Assertions.Expect(page.Locator("#organisation-subregion")).ToHaveValueAsync("West");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AdministrationPagesAreAccessibleWithFormsOpen()
    {
        var page = await fixture.NewPageAsync();
        await page.LogInWithKeyboardAsync("nils.dahl@demo.example");

        await page.GotoAsync("/admin/konton");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Gridcell, new() { Name = "Karin Ek", Exact = true })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nytt konto" }).ClickAsync();
        await Assertions.Expect(page.Locator("#account-email")).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync("/admin/organisationer");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Flen kommun" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Flen kommun");
        await Assertions.Expect(page.GetByRole(AriaRole.Gridcell, new() { Name = "Ekskolan", Exact = true })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ny enhet" }).ClickAsync();
        await Assertions.Expect(page.Locator("#unit-name")).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AdministratorCreatesAnAccountThatCanLogIn()
    {
        var page = await fixture.NewPageAsync();
        await page.LogInWithKeyboardAsync("nils.dahl@demo.example");
        await page.GotoAsync("/admin/konton");
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Nytt konto" }).ClickAsync();
        await page.Locator("#account-name").FillAsync("Petra Testsson");
        await page.Locator("#account-email").FillAsync("inte-en-adress");
        await page.Locator("#account-title").FillAsync("Förskollärare");
        await page.Locator("#account-unit").SelectOptionAsync(new SelectOptionValue { Label = "Förskolan Myran (Skola och förskola)" });
        await page.Locator("#account-password").FillAsync("Kort1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();

        await Assertions.Expect(page.Locator("#account-email-error")).ToHaveTextAsync("Ange en giltig e-postadress, till exempel namn@kommun.se.");
        await Assertions.Expect(page.Locator("#account-password-error")).ToContainTextAsync("minst 12 tecken");
        await Assertions.Expect(page.Locator("#account-name")).ToHaveValueAsync("Petra Testsson");

        await page.Locator("#account-email").FillAsync("petra.testsson@flen.example");
        await page.Locator("#account-password").FillAsync("Ett-Starkt-Losen-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Petra Testsson har sparats.");
        await page.Context.CloseAsync();

        var newcomer = await fixture.NewPageAsync();
        await newcomer.LogInWithKeyboardAsync("petra.testsson@flen.example", "Ett-Starkt-Losen-2026");
        await Assertions.Expect(newcomer.GetByTestId("my-unit")).ToHaveTextAsync("Förskolan Myran");
        await newcomer.Context.CloseAsync();
    }

    [Fact]
    public async Task AdministratorAddsAUnitAndAnAccountWithTheKeyboardAlone()
    {
        var page = await fixture.NewPageAsync();
        await page.LogInWithKeyboardAsync("nils.dahl@demo.example");
        await page.GotoAsync("/admin/organisationer");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Vingåker kommun" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Vingåker kommun");

        await page.GetByRole(AriaRole.Button, new() { Name = "Ny enhet" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#unit-name").FocusAsync();
        await page.Keyboard.TypeAsync("Förskolan Tangenten");
        await page.Keyboard.PressAsync("Tab");
        // A closed select picks by typed initial letters (ASCII here: Playwright types other letters as pasted text).
        await page.Keyboard.TypeAsync("F");
        await Assertions.Expect(page.Locator("#unit-type")).ToHaveValueAsync("Preschool");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Vingåker");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Förskolan Tangenten har sparats.");
        await Assertions.Expect(page.GetByRole(AriaRole.Gridcell, new() { Name = "Förskolan Tangenten", Exact = true })).ToBeVisibleAsync();

        await page.GotoAsync("/admin/konton");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nytt konto" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#account-name").FocusAsync();
        await page.Keyboard.TypeAsync("Tove Tangent");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("tove.tangent@vingaker.example");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("BVC-sjuksköterska");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Y");
        await Assertions.Expect(page.Locator("#account-role")).ToHaveValueAsync("Practitioner");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("BVC Vi");
        await Assertions.Expect(page.Locator("#account-unit option:checked")).ToHaveTextAsync("BVC Vingåker (Hälso- och sjukvård)");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Tangent-Losen-2026");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Tove Tangent har sparats.");
        await page.Context.CloseAsync();
    }
}
