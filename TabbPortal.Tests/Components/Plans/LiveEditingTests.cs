using Bunit;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Meetings;
using TabbPortal.Domain.Plans;
using TabbPortal.Tests.Integration;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Tests.Integration.Plans;
using TabbPortal.Web.Components.Pages.Plans;
using TabbPortal.Web.Plans;
using static TabbPortal.Tests.Integration.Children.DemoLookup;
using static TabbPortal.Tests.Integration.Plans.PlanInputs;

namespace TabbPortal.Tests.Components.Plans;

/// <summary>
/// The plan's views and the meeting's record while someone else saves. The server hears of a keystroke only when its
/// input event arrives, so a field the user is in (it has the focus) is never given the other's value, even while the
/// server still holds the value the user started from; a field the user is not in takes it, and so does the field the
/// user leaves with nothing typed. Omar Haddad's editor runs over the real <see cref="PlanService"/> and SQLite
/// (<see cref="PortalFactory"/>); Karin Ek saves meanwhile, and the editor is given the plan as read again.
/// </summary>
public sealed class LiveEditingTests : SwedishFormTestContext, IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string KarinsSummary = "Karin: Elsa har kommit igång med läxorna.";
    private const string OmarsSummary = "Omar: Familjen vill ha stöd på eftermiddagarna.";
    private readonly PortalFactory _factory;
    private PlanServiceSession? _omar;

    public LiveEditingTests(PortalFactory factory)
    {
        _factory = factory;
        Services.AddScoped<IValidator<PlanViewsInput>, PlanViewsInputValidator>();
        Services.AddScoped<IValidator<MeetingInput>, MeetingInputValidator>();
    }

    public async Task InitializeAsync()
    {
        _omar = await PlanServiceSession.StartAsync(_factory, Omar);
        Services.AddSingleton(_omar.Plans);
    }

    public async Task DisposeAsync()
    {
        if (_omar is not null)
        {
            await _omar.DisposeAsync();
        }
    }

    [Fact]
    public async Task AFieldTheUserIsInKeepsTheirTypingWhenSomeoneSavesBeforeTheKeystrokeArrives_AndTheirValueIsOfferedOnSave()
    {
        var plan = await ReadyPlanAsync("Elsa");
        var cut = RenderComponent<PlanViewsEditor>(p => p.Add(x => x.Plan, plan));
        var summary = cut.Find("#plan-summary");

        // Omar is in the summary and has typed; the keystroke is still on its way when Karin's save arrives.
        summary.Focus();
        var karins = await KarinSavesViewsAsync(plan, v => v.Summary = KarinsSummary);
        cut.SetParametersAndRender(p => p.Add(x => x.Plan, karins));

        Assert.Equal(plan.Summary, ValueOf(cut, "#plan-summary"));
        Assert.Equal("Någon annan har sparat ändringar här medan du skrev. Din text finns kvar. När du sparar slås ändringarna ihop, och där ni har ändrat samma fält får du välja.",
            TextOf(cut, "[data-testid=views-changed-underneath]"));

        // The keystroke arrives; leaving the field takes nothing over it, and saving offers both texts.
        cut.Find("#plan-summary").Input(OmarsSummary);
        cut.Find("#plan-summary").Blur();
        Assert.Equal(plan.Summary, ValueOf(cut, "#plan-summary"));
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Contains(KarinsSummary, TextOf(cut, "[data-testid=field-conflict]")), WaitTimeout);
        Assert.Contains(OmarsSummary, TextOf(cut, "[data-testid=field-conflict]"));
        Assert.Equal(KarinsSummary, (await _factory.ReloadPlanAsync(Karin, plan.ChildId)).Summary);

        cut.Find("button[aria-label='Behåll min: Sammanfattning av behov och bedömning']").Click();
        Assert.Empty(cut.FindAll("[data-testid=field-conflict]"));
        cut.Find("form").Submit();
        await WaitForStoredSummaryAsync(plan.ChildId, OmarsSummary);
    }

    [Fact]
    public async Task FieldsTheUserIsNotInTakeWhatSomeoneSaved_TheFieldTheUserIsInKeepsItsText()
    {
        var plan = await ReadyPlanAsync("Elis");
        var cut = RenderComponent<PlanViewsEditor>(p => p.Add(x => x.Plan, plan));

        cut.Find("#plan-child-views").Focus();
        var karins = await KarinSavesViewsAsync(plan, v =>
        {
            v.Summary = KarinsSummary;
            v.ChildViews = "Elis vill sitta närmare tavlan.";
        });
        cut.SetParametersAndRender(p => p.Add(x => x.Plan, karins));

        Assert.Equal(KarinsSummary, ValueOf(cut, "#plan-summary"));
        Assert.Equal(plan.ChildViews, ValueOf(cut, "#plan-child-views"));
        Assert.Single(cut.FindAll("[data-testid=views-changed-underneath]"));
    }

    [Fact]
    public async Task AFieldNobodyIsInShowsWhatSomeoneSaved()
    {
        var plan = await ReadyPlanAsync("Edvin");
        var cut = RenderComponent<PlanViewsEditor>(p => p.Add(x => x.Plan, plan));

        var karins = await KarinSavesViewsAsync(plan, v => v.Summary = KarinsSummary);
        cut.SetParametersAndRender(p => p.Add(x => x.Plan, karins));

        Assert.Equal(KarinsSummary, ValueOf(cut, "#plan-summary"));
        Assert.Empty(cut.FindAll("[data-testid=views-changed-underneath]"));
    }

    [Fact]
    public async Task LeavingTheFieldWithNothingTypedTakesTheirValue_AndASaveThenOverwritesNothing()
    {
        var plan = await ReadyPlanAsync("Esther");
        var cut = RenderComponent<PlanViewsEditor>(p => p.Add(x => x.Plan, plan));

        cut.Find("#plan-summary").Focus();
        var karins = await KarinSavesViewsAsync(plan, v => v.Summary = KarinsSummary);
        cut.SetParametersAndRender(p => p.Add(x => x.Plan, karins));
        Assert.Equal(plan.Summary, ValueOf(cut, "#plan-summary"));

        cut.Find("#plan-summary").Blur();

        Assert.Equal(KarinsSummary, ValueOf(cut, "#plan-summary"));
        Assert.Empty(cut.FindAll("[data-testid=views-changed-underneath]"));
        cut.Find("#plan-guardian-views").Input("Mamma vill ha ett möte i januari.");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.False(cut.Find("button[type=submit]").HasAttribute("disabled")), WaitTimeout);
        var stored = await _factory.ReloadPlanAsync(Karin, plan.ChildId);
        Assert.Equal((KarinsSummary, "Mamma vill ha ett möte i januari."), (stored.Summary, stored.GuardianViews));
        Assert.Empty(cut.FindAll("[data-testid=field-conflict]"));
    }

    [Fact]
    public async Task TypingOnAfterSavingIsNotReplacedWhenTheSavedPlanComesBack()
    {
        var plan = await ReadyPlanAsync("Emir");
        var cut = RenderComponent<PlanViewsEditor>(p => p.Add(x => x.Plan, plan));
        cut.Find("#plan-summary").Focus();
        cut.Find("#plan-summary").Input(OmarsSummary);
        cut.Find("#plan-summary").Blur();
        cut.Find("form").Submit();
        await WaitForStoredSummaryAsync(plan.ChildId, OmarsSummary);

        // Omar goes back into the field and types on before his saved plan comes back to the page.
        cut.Find("#plan-summary").Focus();
        cut.Find("#plan-summary").Input(OmarsSummary + " Och på lördagar.");
        var saved = await _factory.ReloadPlanAsync(Omar, plan.ChildId);
        cut.SetParametersAndRender(p => p.Add(x => x.Plan, saved));

        Assert.Empty(cut.FindAll("[data-testid=views-changed-underneath]"));
        cut.Find("#plan-summary").Blur();
        cut.Find("form").Submit();
        await WaitForStoredSummaryAsync(plan.ChildId, OmarsSummary + " Och på lördagar.");
        Assert.Empty(cut.FindAll("[data-testid=field-conflict]"));
    }

    [Fact]
    public async Task TheMeetingNotesTheUserIsInAreNotGivenAnotherSavedText_UntilTheUserLeavesThemWithNothingTyped()
    {
        var plan = await ReadyPlanAsync("Ebba");
        (await _factory.PlansAsAsync(Karin, s => s.StartMeetingAsync(plan.Id, "1. Läget"))).AssertSaved();
        var cut = RenderComponent<MeetingPanel>(p => p.Add(x => x.Plan, plan).Add(x => x.Units, []));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#meeting-notes")), WaitTimeout);

        cut.Find("#meeting-notes").Focus();
        var meeting = (await _factory.PlansAsAsync(Karin, s => s.GetOpenMeetingAsync(plan.Id)))!;
        var karins = new MeetingInput { Agenda = meeting.Agenda, Notes = "Karin: Ebba har haft en bra vecka." };
        (await _factory.PlansAsAsync(Karin, s => s.SaveMeetingAsync(meeting.Id, karins, meeting.Version))).Result.AssertSaved();
        var reread = await _factory.ReloadPlanAsync(Omar, plan.ChildId);
        cut.SetParametersAndRender(p => p.Add(x => x.Plan, reread));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=meeting-changed-underneath]")), WaitTimeout);
        Assert.True(string.IsNullOrEmpty(ValueOf(cut, "#meeting-notes")), "The notes the user is in were given another's text.");

        cut.Find("#meeting-notes").Blur();

        Assert.Equal("Karin: Ebba har haft en bra vecka.", ValueOf(cut, "#meeting-notes"));
        Assert.Empty(cut.FindAll("[data-testid=meeting-changed-underneath]"));
    }

    /// <summary>A child of its own with an open plan whose views Karin has saved once.</summary>
    private async Task<PlanDetails> ReadyPlanAsync(string givenName)
    {
        var childId = await ChildInputs.RegisterInFlenAsync(_factory, givenName);
        var plan = await _factory.OpenPlanAsync(Karin, childId);
        (await _factory.PlansAsAsync(Karin, s => s.SaveViewsAsync(plan.Id, Views($"{givenName} vill vara med."), plan.Version))).AssertSaved();
        return await _factory.ReloadPlanAsync(Omar, childId);
    }

    /// <summary>Karin saves the views from <paramref name="plan"/>'s version; returns the plan as Omar's page reads it then.</summary>
    private async Task<PlanDetails> KarinSavesViewsAsync(PlanDetails plan, Action<PlanViewsInput> change)
    {
        var input = plan.ToViewsInput();
        change(input);
        (await _factory.PlansAsAsync(Karin, s => s.SaveViewsAsync(plan.Id, input, plan.Version))).AssertSaved();
        return await _factory.ReloadPlanAsync(Omar, plan.ChildId);
    }

    private async Task WaitForStoredSummaryAsync(Guid childId, string expected)
    {
        string? stored = null;
        for (var attempt = 0; attempt < 50 && stored != expected; attempt++)
        {
            await Task.Delay(100);
            stored = (await _factory.ReloadPlanAsync(Karin, childId)).Summary;
        }

        Assert.Equal(expected, stored);
    }
}
