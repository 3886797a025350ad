using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace TabbPortal.Tests.Browser;

/// <summary>
/// Script and HTML typed into every text field a practitioner reaches are saved, shown again as the literal text after a
/// reload (on the child's page, the plan, the comparison and the family's copy) and never run: no dialog opens, the
/// <c>window.__xss</c> flag that every payload would set stays unset, and no injected element appears in the page.
/// Then a practitioner without access tries the child's ids in the addresses: refused, and each refusal is in the log.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed partial class HostileInputTests(BrowserFixture fixture)
{
    private const string InjectedElements = "img[onerror], svg[onload], [onmouseover], iframe, object, embed";

    /// <summary>The three classic shapes in one text, tagged so that a run would say which field it came from.</summary>
    private static string Payload(string tag) =>
        $"{tag} <script>window.__xss='{tag}'</script> <img src=x onerror=\"window.__xss='{tag}'\"> \"><svg onload=\"window.__xss='{tag}'\">";

    [Fact]
    public async Task Script_and_html_in_every_text_field_are_shown_as_text_and_never_run_and_other_childrens_ids_are_refused_and_logged()
    {
        var dialogs = new List<string>();
        var page = await fixture.NewPageAsync();
        Watch(page, dialogs);
        await page.LogInWithKeyboardAsync("karin.ek@demo.example");

        // The child: names and guardian (the names are short fields: one shape each).
        const string givenName = "Ylva <img src=x onerror=window.__xss='given'>";
        const string familyName = "Ek\"><svg onload=window.__xss='family'>";
        const string guardian = "<script>window.__xss='guardian'</script>Greta";
        await page.GotoAsync("/barn/ny");
        await page.WaitForInteractiveAsync();
        await page.Locator("#child-given-name").FillAsync(givenName);
        await page.Locator("#child-family-name").FillAsync(familyName);
        await page.Locator("#child-pin").FillAsync(InventedNumber(new DateOnly(2017, 3, 9), 734));
        await page.Locator("#child-municipality").SelectOptionAsync(new SelectOptionValue { Label = "Flen kommun" });
        await page.Locator("#child-school").SelectOptionAsync(new SelectOptionValue { Label = "Ekskolan" });
        await page.Locator("#guardian-0-name").FillAsync(guardian);
        await page.Locator("#guardian-0-relationship").FillAsync("<b onmouseover=\"window.__xss='relation'\">mamma</b>");
        await page.Locator("#guardian-0-phone").FillAsync("070-987 65 43");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"{givenName} {familyName}");
        var childUrl = page.Url;
        var childId = Guid.Parse(ChildIdInUrl().Match(childUrl).Groups["id"].Value);
        await AssertNothingRanAsync(page, dialogs, "registration");

        // The concern's answers.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Oro" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ny oro" }).ClickAsync();
        await page.GetByLabel("Vad hindrar barnet från att må bra?").FillAsync(Payload("concern-way"));
        await page.GetByLabel("Vad kan jag göra nu?").FillAsync(Payload("concern-ican"));
        await page.GetByLabel("Inhämta samtycke och kalla till samverkansmöte").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Oron har registrerats.");

        // The consent's purpose (the guardian's consent is the one needed; all agencies).
        await page.GetByRole(AriaRole.Tab, new() { Name = "Samtycken" }).ClickAsync();
        // The options: "choose", the child, then the guardian (with custody, so hers is the consent needed).
        await page.Locator("#consent-giver").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        foreach (var box in await page.Locator("input[type=checkbox][id^='consent-shared'], input[type=checkbox][id^='consent-categories']").AllAsync())
        {
            await box.CheckAsync();
        }

        await page.Locator("#consent-purpose").FillAsync(Payload("consent-purpose"));
        await page.Locator("#consent-form").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara samtycket" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("consent-ledger")).ToContainTextAsync(Payload("consent-purpose"));
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Barnets plan" })).ToBeVisibleAsync();

        // The plan: views, a need, a goal, an action.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Barnets plan" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Upprätta barnets plan" }).ClickAsync();
        await page.Locator("#plan-summary").FillAsync(Payload("summary"));
        await page.Locator("#plan-child-views").FillAsync(Payload("child-views"));
        await page.Locator("#plan-guardian-views").FillAsync(Payload("guardian-views"));
        await PlanForm(page, "#plan-views-title").GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bedömning och synpunkter har sparats.");
        await page.Locator("#need-new").FillAsync(Payload("need"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till behov" }).ClickAsync();
        var need = page.Locator("article.need");
        await Assertions.Expect(need).ToContainTextAsync(Payload("need"));
        await need.GetByLabel("Nytt mål").FillAsync(Payload("goal"));
        await need.GetByRole(AriaRole.Button, new() { Name = "Lägg till mål" }).ClickAsync();
        await Assertions.Expect(need).ToContainTextAsync(Payload("goal"));
        await need.GetByRole(AriaRole.Button, new() { Name = "Ny insats" }).ClickAsync();
        await page.Locator("#action-description").FillAsync(Payload("action"));
        await page.Locator("#action-unit").SelectOptionAsync(new SelectOptionValue { Label = "Ekskolan" });
        await page.Locator("#action-person").FillAsync("<script>window.__xss='person'</script>");
        await page.Locator("#action-due").FillAsync(DateTime.Today.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#action-outcome").FillAsync(Payload("outcome"));
        await page.Locator("#action-evidence").FillAsync(Payload("evidence"));
        await PlanForm(page, "#action-form-title").GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();
        await Assertions.Expect(need.Locator("tbody")).ToContainTextAsync(Payload("action"));
        await AssertNothingRanAsync(page, dialogs, "plan");

        // The meeting: agenda, notes, a decision; ending it fixes version 1.
        await page.Locator("#meeting-agenda-new").FillAsync(Payload("agenda"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Starta möte" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("meeting-state")).ToContainTextAsync("startat av Karin Ek");
        await page.Locator("#meeting-notes").FillAsync(Payload("notes"));
        await page.Locator("#meeting-attendee-0-present").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara mötesanteckningarna" }).ClickAsync();
        await page.Locator("#decision-new").FillAsync(Payload("decision"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till beslut" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("decisions")).ToContainTextAsync(Payload("decision"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Avsluta mötet och fastställ planen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-versions").Locator("tbody tr")).ToHaveCountAsync(1);
        await AssertNothingRanAsync(page, dialogs, "meeting");

        // Reloaded: every text is there literally, nothing ran.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"{givenName} {familyName}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(guardian);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Oro" }).ClickAsync();
        await Assertions.Expect(page.Locator(".concern")).ToContainTextAsync(Payload("concern-way"));
        await Assertions.Expect(page.Locator(".concern")).ToContainTextAsync(Payload("concern-ican"));
        await page.GetByRole(AriaRole.Tab, new() { Name = "Barnets plan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#plan-child-views")).ToHaveValueAsync(Payload("child-views"));
        await Assertions.Expect(page.Locator("#plan-guardian-views")).ToHaveValueAsync(Payload("guardian-views"));
        await Assertions.Expect(page.Locator("article.need")).ToContainTextAsync(Payload("goal"));
        await Assertions.Expect(page.Locator("article.need tbody")).ToContainTextAsync(Payload("action"));
        await AssertNothingRanAsync(page, dialogs, "child page after reload");
        var compareUrl = await page.GetByTestId("plan-versions").Locator("a[href*='/jamfor']").First.GetAttributeAsync("href");
        var copyUrl = await page.GetByTestId("plan-versions").Locator("a[href*='familjens-exemplar']").First.GetAttributeAsync("href");

        // The comparison and the family's copy show the same texts as text.
        await page.GotoAsync("/" + compareUrl!.TrimStart('/'));
        await page.WaitForInteractiveAsync();
        await page.Locator("#compare-only-changes").UncheckAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Payload("need"));
        await AssertNothingRanAsync(page, dialogs, "comparison");
        await page.GotoAsync("/" + copyUrl!.TrimStart('/'));
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Payload("action"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(givenName);
        await AssertNothingRanAsync(page, dialogs, "family copy");
        await page.Context.CloseAsync();

        // Jonas (BUP) has nothing to do with the child: its ids in the addresses are refused, and each refusal is logged.
        var jonas = await fixture.NewPageAsync();
        Watch(jonas, dialogs);
        await jonas.LogInWithKeyboardAsync("jonas.nyberg@demo.example");
        foreach (var (url, heading) in new[] { (childUrl, "Barnet hittades inte"), ("/" + compareUrl.TrimStart('/'), "Planen hittades inte"), ("/" + copyUrl.TrimStart('/'), "Planen hittades inte") })
        {
            await jonas.GotoAsync(url);
            await jonas.WaitForInteractiveAsync();
            await Assertions.Expect(jonas.Locator("h1")).ToHaveTextAsync(heading);
            await Assertions.Expect(jonas.Locator("main")).Not.ToContainTextAsync("Ylva");
        }

        var denied = await EntriesAsync(childId, "jonas.nyberg@demo.example", allowed: false);
        Assert.Equal(["Read Child", "Read PlanVersion", "Print FamilyCopy"], denied);

        // Emergency access, with script in the reason: the record opens, marked, and nothing runs.
        await jonas.GotoAsync("/barn/nodatkomst");
        await jonas.WaitForInteractiveAsync();
        await jonas.Locator("input[id$='-number']").FillAsync(InventedNumber(new DateOnly(2017, 3, 9), 734));
        await jonas.Locator("textarea[id$='-reason']").FillAsync(Payload("emergency-reason"));
        await jonas.GetByRole(AriaRole.Button, new() { Name = "Öppna med nödåtkomst" }).ClickAsync();
        await Assertions.Expect(jonas.Locator("h1")).ToHaveTextAsync($"{givenName} {familyName}");
        await Assertions.Expect(jonas.GetByTestId("emergency-banner").First).ToBeVisibleAsync();
        await AssertNothingRanAsync(jonas, dialogs, "emergency access");
        // One opening in a real browser reads each part it shows once (the record pages are not prerendered, so not twice).
        var allowed = await EntriesAsync(childId, "jonas.nyberg@demo.example", allowed: true);
        Assert.Equal(["Write EmergencyAccess", "Read Child"], allowed.Take(2));
        Assert.Equal(allowed.Distinct(), allowed);
        await jonas.Context.CloseAsync();
    }

    private static void Watch(IPage page, List<string> dialogs) =>
        page.Dialog += (_, dialog) =>
        {
            lock (dialogs)
            {
                dialogs.Add(dialog.Message);
            }

            _ = dialog.DismissAsync();
        };

    private static async Task AssertNothingRanAsync(IPage page, List<string> dialogs, string where)
    {
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        Assert.Equal(0, await page.Locator(InjectedElements).CountAsync());
        lock (dialogs)
        {
            Assert.True(dialogs.Count == 0, $"A dialog opened ({where}): {string.Join(", ", dialogs)}");
        }
    }

    /// <summary>The allowed or refused operations of the user on the child in the server's access log: "Kind Part", oldest first.</summary>
    private async Task<List<string>> EntriesAsync(Guid childId, string email, bool allowed)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = fixture.Server.DatabaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var db = new SqliteConnection(connection.ToString());
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = """
            SELECT l."Kind" || ' ' || l."Part" FROM "AccessLog" l JOIN "AspNetUsers" u ON u."Id" = l."UserId"
            WHERE l."ChildId" = $child AND u."Email" = $email AND l."Allowed" = $allowed ORDER BY l."Id"
            """;
        command.Parameters.AddWithValue("$child", childId.ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$email", email);
        command.Parameters.AddWithValue("$allowed", allowed ? 1 : 0);
        var found = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    private static ILocator PlanForm(IPage page, string titleSelector) => page.Locator("form").Filter(new() { Has = page.Locator(titleSelector) });

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

    [GeneratedRegex("/barn/(?<id>[0-9a-fA-F-]{36})")]
    private static partial Regex ChildIdInUrl();
}
