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
}
