using Microsoft.Playwright;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Tests.Browser;

/// <summary>
/// Consent in the browser, on Hugo (no other browser test uses him): a withdrawal recorded by the school takes the plan
/// from the social worker's open page at once; a psychologist without consent opens Hugo by emergency access and sees it
/// marked on screen.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ConsentBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AWithdrawalEndsAnOpenPlanPageAndEmergencyAccessIsMarkedOnScreen()
    {
        var karin = await OpenHugoAsync("karin.ek@demo.example");
        await karin.GetByRole(AriaRole.Tab, new() { Name = "Barnets plan" }).ClickAsync();
        await Assertions.Expect(karin.Locator("[data-testid=consent-SocialServices]:visible")).ToContainTextAsync("samtycke gäller till och med");
        if (await karin.GetByRole(AriaRole.Button, new() { Name = "Upprätta barnets plan" }).IsVisibleAsync())
        {
            await karin.GetByRole(AriaRole.Button, new() { Name = "Upprätta barnets plan" }).ClickAsync();
        }

        await Assertions.Expect(karin.GetByTestId("presence")).ToBeVisibleAsync();
        var sara = await OpenHugoAsync("sara.holm@demo.example");
        await sara.GetByRole(AriaRole.Tab, new() { Name = "Barnets plan" }).ClickAsync();
        await Assertions.Expect(sara.GetByTestId("presence")).ToContainTextAsync("Karin Ek");

        // Hugo's mother withdraws her consent; Karin records it on the consent tab.
        await karin.GetByRole(AriaRole.Tab, new() { Name = "Samtycken" }).ClickAsync();
        await karin.AssertNoAxeViolationsAsync();
        await karin.GetByRole(AriaRole.Button, new() { Name = "Återkalla samtycket från Lena Dahlberg" }).ClickAsync();
        await karin.Locator("#consent-withdrawn-by").FillAsync(string.Empty);
        await karin.GetByRole(AriaRole.Button, new() { Name = "Återkalla samtycket", Exact = true }).ClickAsync();
        await Assertions.Expect(karin.Locator("#consent-withdrawn-by-error")).ToHaveTextAsync("Ange vem som återkallade samtycket.");
        await karin.Locator("#consent-withdrawn-by").FillAsync("Lena Dahlberg");
        await karin.Locator("#consent-withdraw-note").FillAsync("Ringde skolan.");
        await karin.GetByRole(AriaRole.Button, new() { Name = "Återkalla samtycket", Exact = true }).ClickAsync();
        await Assertions.Expect(karin.GetByTestId("consent-ledger")).ToContainTextAsync("av Lena Dahlberg (registrerat av Karin Ek)");
        await Assertions.Expect(karin.Locator("[data-testid=consent-SocialServices]:visible")).ToContainTextAsync("inget giltigt samtycke från Lena Dahlberg");

        // Sara's open page learns it at once: the plan is gone from her screen.
        await Assertions.Expect(sara.GetByTestId("access-ended")).ToBeVisibleAsync(new() { Timeout = 5000 });
        await Assertions.Expect(sara.GetByTestId("presence")).ToHaveCountAsync(0);

        // Jonas (BUP) has no connection to Hugo: the emergency page, with a reason, opens the record, marked on screen.
        var jonas = await fixture.NewPageAsync();
        await jonas.LogInWithKeyboardAsync("jonas.nyberg@demo.example");
        await jonas.GotoAsync("/barn/nodatkomst");
        await jonas.WaitForInteractiveAsync();
        await jonas.GetByLabel("Personnummer").FillAsync(DemoChildren.Number(new DateOnly(2011, 10, 23), 536).ToString());
        await jonas.GetByLabel("Skäl till nödåtkomst").FillAsync("Kort");
        await jonas.GetByRole(AriaRole.Button, new() { Name = "Öppna med nödåtkomst" }).ClickAsync();
        await Assertions.Expect(jonas.Locator("#emergency-page-reason-error")).ToHaveTextAsync("Beskriv varför du behöver nödåtkomst (minst 10 tecken).");
        await jonas.AssertNoAxeViolationsAsync();
        await jonas.GetByLabel("Skäl till nödåtkomst").FillAsync("Hugo är inlagd akut och jag behöver se vilka insatser som pågår.");
        await jonas.GetByRole(AriaRole.Button, new() { Name = "Öppna med nödåtkomst" }).ClickAsync();
        await Assertions.Expect(jonas.GetByRole(AriaRole.Heading, new() { Name = "Hugo Dahlberg", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(jonas.GetByTestId("emergency-banner").First).ToContainTextAsync("Nödåtkomst: du ser barnets uppgifter med nödåtkomst till klockan");
        await jonas.GetByRole(AriaRole.Tab, new() { Name = "Barnets plan" }).ClickAsync();
        await Assertions.Expect(jonas.Locator("[data-testid=consent-status]:visible [data-testid=emergency-banner]")).ToBeVisibleAsync();
        await jonas.AssertNoAxeViolationsAsync();

        await karin.Context.CloseAsync();
        await sara.Context.CloseAsync();
        await jonas.Context.CloseAsync();
    }

    private async Task<IPage> OpenHugoAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        await page.LogInWithKeyboardAsync(email);
        await page.GotoAsync("/barn");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Hugo Dahlberg" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hugo Dahlberg", Level = 1 })).ToBeVisibleAsync();
        return page;
    }
}
