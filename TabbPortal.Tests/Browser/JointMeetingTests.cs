using System.Diagnostics;
using Microsoft.Playwright;

namespace TabbPortal.Tests.Browser;

/// <summary>
/// The live joint meeting in two browsers: a teacher's principal (Karin) and a social worker (Sara) have Noah's plan open
/// at their own computers. What one saves appears at the other within a second, presence shows both, a conflicting edit
/// shows the choice, and ending the meeting fixes the version for both.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class JointMeetingTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToHaveValueOptions WithinASecond = new() { Timeout = 1000 };

    [Fact]
    public async Task TwoProfessionalsEditThePlanTogetherInRealTime()
    {
        var karin = await OpenNoahsPlanAsync("karin.ek@demo.example");
        var sara = await OpenNoahsPlanAsync("sara.holm@demo.example");

        // Presence: each sees both, with their agency.
        await Assertions.Expect(karin.GetByTestId("presence")).ToContainTextAsync("Sara Holm (Flen kommun socialtjänst, barn och unga)");
        await Assertions.Expect(sara.GetByTestId("presence")).ToContainTextAsync("Karin Ek (Ekskolan)");
        var versionsBefore = await karin.GetByTestId("plan-versions").Locator("tbody tr").CountAsync();

        await karin.Locator("#meeting-agenda-new").FillAsync("1. Läget i skolan\n2. Insatser");
        await karin.GetByRole(AriaRole.Button, new() { Name = "Starta möte" }).ClickAsync();
        await Assertions.Expect(sara.GetByTestId("meeting-state")).ToContainTextAsync("startat av Karin Ek", new() { Timeout = 1000 });
        await Assertions.Expect(sara.Locator("#meeting-agenda")).ToHaveValueAsync("1. Läget i skolan\n2. Insatser", WithinASecond);

        // While Karin writes the notes, Sara sees that she is writing there; the saved notes reach Sara within a second.
        await karin.Locator("#meeting-notes").FocusAsync();
        await karin.Locator("#meeting-notes").PressSequentiallyAsync("Noah berättar att morgnarna är lättare nu.");
        await Assertions.Expect(sara.GetByTestId("meeting-notes-editing")).ToHaveTextAsync("Karin Ek skriver här just nu.");
        await karin.Locator("#meeting-attendee-0-present").CheckAsync();
        await karin.Locator("#meeting-attendee-2-present").CheckAsync();
        var saved = Stopwatch.StartNew();
        await karin.GetByRole(AriaRole.Button, new() { Name = "Spara mötesanteckningarna" }).ClickAsync();
        await Assertions.Expect(sara.Locator("#meeting-notes")).ToHaveValueAsync("Noah berättar att morgnarna är lättare nu.", WithinASecond);
        Assert.True(saved.ElapsedMilliseconds < 1500, $"The notes took {saved.ElapsedMilliseconds} ms to reach the other browser.");
        await Assertions.Expect(sara.GetByTestId("live-changes")).ToContainTextAsync("Karin Ek sparade mötesanteckningarna");
        await Assertions.Expect(sara.Locator("#meeting-attendee-2-present")).ToBeCheckedAsync();
        await sara.AssertNoAxeViolationsAsync();

        // A decision becomes an action in one step, and the action appears in Karin's list.
        await sara.Locator("#decision-new").FillAsync("Socialtjänsten erbjuder familjen föräldrastöd.");
        await sara.GetByRole(AriaRole.Button, new() { Name = "Lägg till beslut" }).ClickAsync();
        await Assertions.Expect(karin.GetByTestId("decisions")).ToContainTextAsync("Socialtjänsten erbjuder familjen föräldrastöd.");
        await sara.GetByRole(AriaRole.Button, new() { Name = "Gör till insats: Socialtjänsten erbjuder familjen föräldrastöd." }).ClickAsync();
        await sara.Locator("#action-unit").SelectOptionAsync(new SelectOptionValue { Label = "Flen kommun socialtjänst, barn och unga" });
        await sara.Locator("#action-due").FillAsync(DateTime.Today.AddDays(90).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await sara.Locator("#action-outcome").FillAsync("Mamma känner sig tryggare i morgonrutinerna");
        await sara.Locator("form").Filter(new() { Has = sara.Locator("#action-form-title") }).GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();
        await Assertions.Expect(karin.GetByRole(AriaRole.Rowheader, new() { Name = "Socialtjänsten erbjuder familjen föräldrastöd." })).ToBeVisibleAsync(new() { Timeout = 1000 });
        await Assertions.Expect(karin.GetByTestId("decisions")).ToContainTextAsync("Har blivit en insats");

        // Both change the child's views from the same starting point: Karin saves first, and Sara is shown both and chooses.
        await sara.Locator("#plan-child-views").FillAsync("Noah vill ha en lugn start på dagen.");
        // Sara is seen to be writing there before Karin starts, as in a meeting: her circuit has her text by then.
        await Assertions.Expect(karin.GetByTestId("plan-child-views-editing")).ToHaveTextAsync("Sara Holm skriver här just nu.");
        await karin.Locator("#plan-child-views").FillAsync("Noah vill börja skolan kl. 9.");
        await karin.Locator("form").Filter(new() { Has = karin.Locator("#plan-views-title") }).GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();
        await Assertions.Expect(sara.GetByTestId("live-changes")).ToContainTextAsync("Karin Ek sparade bedömning och synpunkter");
        await Assertions.Expect(sara.Locator("#plan-child-views")).ToHaveValueAsync("Noah vill ha en lugn start på dagen.");
        await sara.Locator("form").Filter(new() { Has = sara.Locator("#plan-views-title") }).GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();
        var choice = sara.GetByTestId("field-conflict");
        await Assertions.Expect(choice).ToContainTextAsync("Noah vill börja skolan kl. 9.");
        await Assertions.Expect(choice).ToContainTextAsync("Noah vill ha en lugn start på dagen.");
        await sara.AssertNoAxeViolationsAsync();
        await choice.GetByRole(AriaRole.Button, new() { Name = "Behåll min: Barnets egna synpunkter" }).ClickAsync();
        await sara.Locator("form").Filter(new() { Has = sara.Locator("#plan-views-title") }).GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();
        await Assertions.Expect(karin.Locator("#plan-child-views")).ToHaveValueAsync("Noah vill ha en lugn start på dagen.", WithinASecond);

        // Ending the meeting fixes the version, with the attendance, in both browsers.
        await karin.GetByRole(AriaRole.Button, new() { Name = "Avsluta mötet och fastställ planen" }).ClickAsync();
        await Assertions.Expect(karin.GetByTestId("plan-versions").Locator("tbody tr")).ToHaveCountAsync(versionsBefore + 1);
        await Assertions.Expect(sara.GetByTestId("plan-versions").Locator("tbody tr")).ToHaveCountAsync(versionsBefore + 1, new() { Timeout = 1000 });
        await Assertions.Expect(sara.GetByTestId("plan-versions").Locator("tbody tr").First).ToContainTextAsync("Karin Ek (Ekskolan), Petra Sjöberg (Vårdnadshavare)");
        await Assertions.Expect(sara.GetByText("Inget möte pågår.", new() { Exact = false })).ToBeVisibleAsync();
        await karin.Context.CloseAsync();
        await sara.Context.CloseAsync();
    }

    [Fact]
    public async Task WhatOneTypesStaysInTheFieldWhenAnotherSavesItWhileTheKeystrokesAreOnTheirWay()
    {
        // Sara's line to the portal is slow: while it is held, what her page sends waits, in order, as on a slow connection.
        var saraLine = new SlowLine();
        var pages = await Task.WhenAll(OpenNoahsPlanAsync("sara.holm@demo.example", saraLine), OpenNoahsPlanAsync("karin.ek@demo.example"));
        var (sara, karin) = (pages[0], pages[1]);
        var saraSummary = sara.Locator("#plan-summary");
        var karinsText = $"Karin: Noah behöver en lugn plats att äta lunch på. ({Guid.NewGuid().ToString("N")[..8]})";

        // Sara is in the summary (Karin sees her there) and types; her keystrokes are still on their way when Karin saves
        // the same field and Sara's page gets Karin's plan.
        await saraSummary.FocusAsync();
        await Assertions.Expect(karin.GetByTestId("plan-summary-editing")).ToHaveTextAsync("Sara Holm skriver här just nu.");
        saraLine.Hold();
        await saraSummary.PressSequentiallyAsync(" Sara: Mamma vill vara med på mötet i skolan.");
        var typed = await saraSummary.InputValueAsync();
        Assert.True(saraLine.HeldCount > 0, "Nothing Sara typed was held on its way.");
        await karin.Locator("#plan-summary").FillAsync(karinsText);
        await ViewsForm(karin).GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();
        await Assertions.Expect(sara.GetByTestId("live-changes")).ToContainTextAsync("Karin Ek sparade bedömning och synpunkter");
        await sara.WaitForFunctionAsync(
            "typed => document.querySelector('[data-testid=views-changed-underneath]') !== null || document.querySelector('#plan-summary').value !== typed", typed);
        await Assertions.Expect(saraSummary).ToHaveValueAsync(typed);
        await Assertions.Expect(sara.GetByTestId("views-changed-underneath")).ToBeVisibleAsync();

        // The keystrokes arrive; Sara's text stays, and saving offers Karin's text next to hers.
        saraLine.Release();
        await ViewsForm(sara).GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();
        var choice = sara.GetByTestId("field-conflict");
        await Assertions.Expect(choice).ToContainTextAsync(karinsText);
        await Assertions.Expect(choice).ToContainTextAsync(typed.Trim());
        await Assertions.Expect(saraSummary).ToHaveValueAsync(typed);
        await Assertions.Expect(karin.Locator("#plan-summary")).ToHaveValueAsync(karinsText);
        await choice.GetByRole(AriaRole.Button, new() { Name = "Behåll min: Sammanfattning av behov och bedömning" }).ClickAsync();
        await ViewsForm(sara).GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();
        await Assertions.Expect(karin.Locator("#plan-summary")).ToHaveValueAsync(typed.Trim(), WithinASecond);
        await karin.Context.CloseAsync();
        await sara.Context.CloseAsync();
    }

    private static ILocator ViewsForm(IPage page) => page.Locator("form").Filter(new() { Has = page.Locator("#plan-views-title") });

    private async Task<IPage> OpenNoahsPlanAsync(string email, SlowLine? line = null)
    {
        var page = await fixture.NewPageAsync();
        if (line is not null)
        {
            await page.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/_blazor"), line.Attach);
        }

        await page.LogInWithKeyboardAsync(email);
        await page.GotoAsync("/barn");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Noah Sjöberg" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Barnets plan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("presence")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>
    /// A page's Blazor connection passed through the test: while held, the messages the page sends (its events) wait and
    /// are then sent in order, as on a slow line; what the portal sends reaches the page at once.
    /// </summary>
    private sealed class SlowLine
    {
        private readonly object _gate = new();
        private readonly Queue<IWebSocketFrame> _held = new();
        private IWebSocketRoute? _server;
        private bool _holding;

        public int HeldCount
        {
            get
            {
                lock (_gate)
                {
                    return _held.Count;
                }
            }
        }

        public void Attach(IWebSocketRoute page)
        {
            var server = page.ConnectToServer();
            lock (_gate)
            {
                _server = server;
            }

            page.OnMessage(frame =>
            {
                lock (_gate)
                {
                    if (_holding)
                    {
                        _held.Enqueue(frame);
                    }
                    else
                    {
                        Send(server, frame);
                    }
                }
            });
        }

        public void Hold()
        {
            lock (_gate)
            {
                _holding = true;
            }
        }

        public void Release()
        {
            lock (_gate)
            {
                while (_held.TryDequeue(out var frame))
                {
                    Send(_server!, frame);
                }

                _holding = false;
            }
        }

        private static void Send(IWebSocketRoute server, IWebSocketFrame frame)
        {
            if (frame.Binary is { } binary)
            {
                server.Send(binary);
            }
            else
            {
                server.Send(frame.Text ?? string.Empty);
            }
        }
    }
}
