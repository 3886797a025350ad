using Microsoft.Playwright;

namespace TabbPortal.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class PlanTests(BrowserFixture fixture)
{
    [Fact]
    public async Task PractitionerBuildsAPlanWithTwoActionsAndEscalatesItToASip()
    {
        var page = await OpenPlanTabAsync("karin.ek@demo.example", "Maja Holmqvist");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upprätta barnets plan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-type")).ToContainTextAsync("Barnets plan");

        // Without the child's views, the reason for their absence is asked for at its field.
        await page.Locator("#plan-guardian-views").FillAsync("Pappa vill att Maja får mer hjälp med matematik.");
        await PlanForm(page, "#plan-views-title").GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.Locator("#plan-child-views-missing-error")).ToHaveTextAsync("Skriv barnets egna synpunkter, eller varför de saknas.");
        await page.Locator("#plan-child-views").FillAsync("Maja säger att matten är svår men att hon gillar att rita.");
        await PlanForm(page, "#plan-views-title").GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bedömning och synpunkter har sparats.");
        await Assertions.Expect(page.Locator("#plan-guardian-views")).ToHaveValueAsync("Pappa vill att Maja får mer hjälp med matematik.");

        await page.Locator("#need-new").FillAsync("Maja behöver stöd i matematik.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till behov" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Maja behöver stöd i matematik." })).ToBeVisibleAsync();
        var need = page.Locator("article.need");
        await need.GetByLabel("Nytt mål").FillAsync("Maja klarar målen i matematik i årskurs 2.");
        await need.GetByRole(AriaRole.Button, new() { Name = "Lägg till mål" }).ClickAsync();
        await Assertions.Expect(need.GetByText("Maja klarar målen i matematik i årskurs 2.")).ToBeVisibleAsync();

        await AddActionAsync(page, "Extra mattestöd två gånger i veckan", "Ekskolan", "2027-03-31", "Maja räknar själv i vardagen");
        await AddActionAsync(page, "Föräldrastödssamtal", "Flen kommun socialtjänst, barn och unga", "2027-02-28", "Pappa kan stötta läxorna");
        await Assertions.Expect(need.Locator("tbody tr")).ToHaveCountAsync(2);
        await page.AssertNoAxeViolationsAsync();

        // A review judges the goal and sets the next review date.
        await page.GetByLabel("Delvis uppnått").CheckAsync();
        await page.Locator("#review-next").FillAsync(DateTime.Today.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#review-notes").FillAsync("Maja räknar mer själv.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara uppföljningen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uppföljningen har sparats.");
        await Assertions.Expect(page.GetByTestId("review-goals")).ToContainTextAsync("Maja klarar målen i matematik i årskurs 2.: Delvis uppnått");
        await page.AssertNoAxeViolationsAsync();

        await page.Locator("#plan-sip-responsible").SelectOptionAsync(new SelectOptionValue { Label = "Region Sörmland" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Gör om till SIP" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-type")).ToContainTextAsync("Samordnad individuell plan (SIP) · Övergripande ansvar: Region Sörmland");
        await Assertions.Expect(need.Locator("tbody tr")).ToHaveCountAsync(2);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TwoColleaguesSavingTheSameActionSeeBothValuesAndNothingIsLost()
    {
        var karin = await OpenPlanTabAsync("karin.ek@demo.example", "Hugo Dahlberg");
        await karin.GetByRole(AriaRole.Button, new() { Name = "Upprätta barnets plan" }).ClickAsync();
        await karin.Locator("#need-new").FillAsync("Hugo behöver en trygg vardag.");
        await karin.GetByRole(AriaRole.Button, new() { Name = "Lägg till behov" }).ClickAsync();
        await AddActionAsync(karin, "Samtal med kurator varje vecka", "Flen kommun elevhälsa", "2027-01-15", "Hugo vet vem han kan prata med");

        var omar = await OpenPlanTabAsync("omar.haddad@demo.example", "Hugo Dahlberg");
        await karin.GetByRole(AriaRole.Button, new() { Name = "Ändra: Samtal med kurator varje vecka" }).ClickAsync();
        await omar.GetByRole(AriaRole.Button, new() { Name = "Ändra: Samtal med kurator varje vecka" }).ClickAsync();

        await karin.Locator("#action-outcome").FillAsync("Hugo säger att han känner sig tryggare");
        await PlanForm(karin, "#action-form-title").GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(karin.GetByRole(AriaRole.Status)).ToHaveTextAsync("Insatsen har sparats.");

        await omar.Locator("#action-outcome").FillAsync("Hugo går till skolan varje dag");
        await PlanForm(omar, "#action-form-title").GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        var conflict = omar.GetByTestId("action-conflict");
        await Assertions.Expect(conflict).ToContainTextAsync("Hugo säger att han känner sig tryggare");
        await Assertions.Expect(conflict).ToContainTextAsync("Hugo går till skolan varje dag");
        await omar.AssertNoAxeViolationsAsync();

        await conflict.GetByRole(AriaRole.Button, new() { Name = "Spara mina uppgifter" }).ClickAsync();
        await Assertions.Expect(omar.GetByRole(AriaRole.Status)).ToHaveTextAsync("Insatsen har sparats.");

        await karin.ReloadAsync();
        await karin.WaitForInteractiveAsync();
        await karin.GetByRole(AriaRole.Tab, new() { Name = "Barnets plan" }).ClickAsync();
        await karin.GetByRole(AriaRole.Button, new() { Name = "Ändra: Samtal med kurator varje vecka" }).ClickAsync();
        await Assertions.Expect(karin.Locator("#action-outcome")).ToHaveValueAsync("Hugo går till skolan varje dag");
        await karin.Context.CloseAsync();
        await omar.Context.CloseAsync();
    }

    [Fact]
    public async Task PractitionerFixesTheVersionOpensTheFamilyCopyAndComparesItWithTheCurrentPlan()
    {
        var page = await OpenPlanTabAsync("karin.ek@demo.example", "Noah Sjöberg");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ändra: Familjestöd i hemmet" }).ClickAsync();
        await page.Locator("#action-withheld").CheckAsync();
        await PlanForm(page, "#action-form-title").GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Familjestöd i hemmet" })).ToContainTextAsync("Visas inte för familjen");

        // Nobody ticked as present: the message appears at the list, and the rows typed stay.
        await page.GetByRole(AriaRole.Button, new() { Name = "Fastställ planen" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Namn, person 1")).ToHaveValueAsync("Karin Ek");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fastställ", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#fix-attendees-error")).ToHaveTextAsync("Ange vilka som var med när planen fastställdes.");
        await page.GetByLabel("Person 1 var med").CheckAsync();
        await page.GetByLabel("Person 3 var med").CheckAsync();
        await Assertions.Expect(page.GetByLabel("Namn, person 3")).ToHaveValueAsync("Petra Sjöberg");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fastställ", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Planen är fastställd.");
        var versions = page.GetByTestId("plan-versions");
        await Assertions.Expect(versions).ToContainTextAsync("Karin Ek (Ekskolan), Petra Sjöberg (Vårdnadshavare)");

        // A change after fixing becomes part of the current plan, not of version 1.
        await page.Locator("#need-new").FillAsync("Noah behöver sova bättre.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till behov" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Noah behöver sova bättre." })).ToBeVisibleAsync();

        // Newest first: the version just fixed (the joint meeting test may have fixed one before).
        await versions.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Familjens exemplar av version") }).First.ClickAsync();
        var copy = page.GetByTestId("family-copy");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Noahs plan");
        await Assertions.Expect(copy).ToContainTextAsync("Morgonsamtal med mentor varje skoldag");
        await Assertions.Expect(copy).ToContainTextAsync("Noah säger att han vill gå till skolan men att morgnarna är jobbiga.");
        await Assertions.Expect(copy).ToContainTextAsync("Petra Sjöberg");
        await Assertions.Expect(copy).Not.ToContainTextAsync("Familjestöd i hemmet");
        await Assertions.Expect(copy).Not.ToContainTextAsync("Noah behöver sova bättre.");
        await page.WaitForInteractiveAsync();
        await page.AssertNoAxeViolationsAsync();
        // The printout is the copy alone: the portal's navigation and the print button are not printed.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Skriv ut" })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("header.top-bar")).ToBeHiddenAsync();
        await Assertions.Expect(copy).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GoBackAsync();
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Barnets plan" }).ClickAsync();
        await page.GetByTestId("plan-versions").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Jämför med nuvarande, version \\d+") }).First.ClickAsync();
        var comparison = page.GetByTestId("comparison");
        await Assertions.Expect(comparison.Locator("caption")).ToContainTextAsync("jämförd med Nuvarande plan (inte fastställd). Antal skillnader: 1");
        await Assertions.Expect(comparison.GetByRole(AriaRole.Row).Filter(new() { HasText = "Noah behöver sova bättre." }).First).ToContainTextAsync("Tillagd");
        await page.WaitForInteractiveAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.Context.CloseAsync();
    }

    private async Task<IPage> OpenPlanTabAsync(string email, string childName)
    {
        var page = await fixture.NewPageAsync();
        await page.LogInWithKeyboardAsync(email);
        await page.GotoAsync("/barn");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = childName }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(childName);
        await page.GiveConsentInTheBrowserAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Barnets plan" }).ClickAsync();
        return page;
    }

    private static ILocator PlanForm(IPage page, string titleSelector) => page.Locator("form").Filter(new() { Has = page.Locator(titleSelector) });

    private static async Task AddActionAsync(IPage page, string description, string unit, string due, string outcome)
    {
        await page.Locator("article.need").GetByRole(AriaRole.Button, new() { Name = "Ny insats" }).ClickAsync();
        await page.Locator("#action-description").FillAsync(description);
        await page.Locator("#action-unit").SelectOptionAsync(new SelectOptionValue { Label = unit });
        await page.Locator("#action-due").FillAsync(due);
        await page.Locator("#action-outcome").FillAsync(outcome);
        await PlanForm(page, "#action-form-title").GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = description })).ToBeVisibleAsync();
    }
}
