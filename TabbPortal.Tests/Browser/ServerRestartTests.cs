using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace TabbPortal.Tests.Browser;

/// <summary>
/// A server restart in the middle of typing: .NET 8 refuses the old circuit, the page reloads by itself, and what the
/// user typed but had not saved is offered back from the drafts kept on the server.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ServerRestartTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TextTypedButNotSavedIsOfferedBackAfterTheServerRestarts()
    {
        var page = await fixture.NewPageAsync();
        await page.LogInWithKeyboardAsync("karin.ek@demo.example");
        await page.GotoAsync("/barn");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Noah Sjöberg" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Barnets plan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("presence")).ToContainTextAsync("Karin Ek");

        await page.Locator("#plan-guardian-views").FocusAsync();
        await page.Locator("#plan-guardian-views").PressSequentiallyAsync(" Mamma vill också ha ett möte med skolsköterskan.");
        var typed = await page.Locator("#plan-guardian-views").InputValueAsync();
        // Drafts are written about once a second; a busy machine may take longer, so the restart waits until the
        // server holds what was typed (a crash before that loses at most the last second of typing).
        var childId = Guid.Parse(new Uri(page.Url).Segments[^1]);
        await WaitForDraftAsync("karin.ek@demo.example", childId, "views.GuardianViews", typed);

        await page.EvaluateAsync("() => window.beforeRestart = true");
        await fixture.Server.RestartAsync();

        // The page reloads by itself once the restarted server refuses its circuit (a new document, without the mark);
        // the draft is offered on the plan tab.
        await page.WaitForFunctionAsync("() => window.beforeRestart === undefined && document.readyState === 'complete'", null, new() { Timeout = 30_000 });
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Barnets plan" }).ClickAsync();
        var offer = page.GetByTestId("draft-offer");
        await Assertions.Expect(offer).ToContainTextAsync("Vårdnadshavarnas synpunkter", new() { Timeout = 10_000 });
        await page.AssertNoAxeViolationsAsync();
        await offer.GetByRole(AriaRole.Button, new() { Name = "Återställ texten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#plan-guardian-views")).ToHaveValueAsync(typed);

        await page.Locator("form").Filter(new() { Has = page.Locator("#plan-views-title") }).GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bedömning och synpunkter har sparats.");
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Barnets plan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#plan-guardian-views")).ToHaveValueAsync(typed);
        await Assertions.Expect(page.GetByTestId("draft-offer")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    /// <summary>Waits until the user's draft of the field on the child's plan holds <paramref name="expected"/> (the user may have drafts of other plans).</summary>
    private async Task WaitForDraftAsync(string email, Guid childId, string field, string expected)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = fixture.Server.DatabaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        string? kept = null;
        for (var attempt = 0; attempt < 150; attempt++)
        {
            await using (var db = new SqliteConnection(connection.ToString()))
            {
                await db.OpenAsync();
                await using var command = db.CreateCommand();
                command.CommandText = """
                    SELECT d."Value" FROM "PlanDrafts" d JOIN "AspNetUsers" u ON u."Id" = d."UserId"
                    JOIN "Plans" p ON p."Id" = d."PlanId"
                    WHERE u."Email" = $email AND d."Field" = $field AND p."ChildId" = $child
                    """;
                command.Parameters.AddWithValue("$email", email);
                command.Parameters.AddWithValue("$field", field);
                command.Parameters.AddWithValue("$child", childId.ToString().ToUpperInvariant());
                kept = await command.ExecuteScalarAsync() as string;
            }

            if (kept == expected)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The draft of {field} on the server is \"{kept}\", not what was typed.");
    }
}
