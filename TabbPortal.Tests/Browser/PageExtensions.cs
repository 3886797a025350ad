using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TabbPortal.Tests.Browser;

internal static class PageExtensions
{
    /// <summary>Logs in through the real form with the keyboard only, as a user who does not use a mouse would.</summary>
    public static async Task LogInWithKeyboardAsync(this IPage page, string email, string password = PortalServer.DemoPassword)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#login-email").FocusAsync();
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Waits until the Blazor circuit is connected, so that clicks reach the server.</summary>
    public static async Task WaitForInteractiveAsync(this IPage page)
    {
        await page.Locator("[data-interactive='true']").WaitForAsync();
    }

    /// <summary>Runs axe-core on the page and fails with a readable list of every violation.</summary>
    public static async Task AssertNoAxeViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        var violations = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n => n.Html)))
            .ToList();
        Assert.True(violations.Count == 0, $"axe-core found violations on {page.Url}:\n" + string.Join("\n", violations));
    }

    /// <summary>
    /// On an open child page: records, on the consent tab, the consent of everyone whose consent is needed, for all three
    /// agencies, unless the school is already covered. The joint plan and assessments need it (ADR-009).
    /// </summary>
    public static async Task GiveConsentInTheBrowserAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Samtycken" }).ClickAsync();
        var school = page.Locator("[data-testid=consent-School]:visible");
        await Assertions.Expect(school).ToBeVisibleAsync();
        if ((await school.TextContentAsync() ?? string.Empty).Contains("samtycke gäller", StringComparison.Ordinal))
        {
            return;
        }

        var needed = await page.Locator("#consent-giver option").EvaluateAllAsync<string[]>(
            "options => options.filter(o => o.textContent.includes('behövs')).map(o => o.value)");
        foreach (var giver in needed)
        {
            await page.Locator("#consent-giver").SelectOptionAsync(giver);
            foreach (var box in new[] { "shared", "categories" })
            {
                foreach (var agency in new[] { "School", "SocialServices", "HealthCare" })
                {
                    await page.Locator($"#consent-{box}-{agency}").CheckAsync();
                }
            }

            await page.Locator("#consent-purpose").FillAsync("Samverkan kring barnets plan.");
            await page.Locator("#consent-form").SelectOptionAsync("Written");
            await page.GetByRole(AriaRole.Button, new() { Name = "Spara samtycket" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("är registrerat");
        }

        await Assertions.Expect(school).ToContainTextAsync("samtycke gäller");
    }
}
