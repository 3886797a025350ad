using Microsoft.Playwright;

namespace TabbPortal.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class SignInTests(BrowserFixture fixture)
{
    [Fact]
    public async Task PractitionerLogsInSeesSwedishStartPageAndLogsOut()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
        await page.AssertNoAxeViolationsAsync();

        await page.LogInWithKeyboardAsync("karin.ek@demo.example");

        Assert.EndsWith("/mitt-arbete", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mitt arbete");
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("Karin Ek");
        await Assertions.Expect(page.GetByTestId("my-unit")).ToHaveTextAsync("Ekskolan");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "De fem frågorna" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Du är utloggad.");

        await page.GotoAsync("/mitt-arbete");
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EmptyLoginShowsSwedishMessagesAtTheFieldsAndKeepsTheEmail()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("#login-email").FillAsync("karin.ek@demo.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();

        await Assertions.Expect(page.Locator("#login-password-error")).ToHaveTextAsync("Ange ditt lösenord.");
        await Assertions.Expect(page.Locator("#login-email")).ToHaveValueAsync("karin.ek@demo.example");
        await Assertions.Expect(page.Locator("#login-password")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.AssertNoAxeViolationsAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EnglishCanBeChosenOnTheLoginPage()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Log in");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("sara.holm@demo.example", "/mitt-arbete", "Mitt arbete")]
    [InlineData("maria.lund@demo.example", "/mitt-arbete", "Mitt arbete")]
    [InlineData("eva.strand@demo.example", "/uppfoljning", "Uppföljning av införandet")]
    [InlineData("nils.dahl@demo.example", "/admin", "Administration")]
    public async Task EachRoleLandsOnAnAccessibleStartPage(string email, string path, string heading)
    {
        var page = await fixture.NewPageAsync();
        await page.LogInWithKeyboardAsync(email);

        Assert.EndsWith(path, page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        await page.AssertNoAxeViolationsAsync();
        await page.Context.CloseAsync();
    }
}
