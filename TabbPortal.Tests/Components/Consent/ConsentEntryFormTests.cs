using Bunit;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Consent;
using TabbPortal.Tests.Components.Children;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Components.Pages.Consent;
using TabbPortal.Web.Consent;

namespace TabbPortal.Tests.Components.Consent;

public sealed class ConsentEntryFormTests : SwedishFormTestContext
{
    private static readonly Guid Petra = Guid.NewGuid();
    private readonly List<ConsentInput> _saved = [];

    public ConsentEntryFormTests()
    {
        Services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void RecordsAGuardiansConsentWithTheChosenAgencies()
    {
        var cut = Render(SaveResult.Saved(Guid.NewGuid()));

        cut.Find("#consent-giver").Change(Petra.ToString());
        cut.Find("#consent-shared-School").Change(true);
        cut.Find("#consent-shared-SocialServices").Change(true);
        cut.Find("#consent-categories-School").Change(true);
        cut.Find("#consent-purpose").Change("Samverkan kring Noahs plan.");
        cut.Find("#consent-form").Change(nameof(ConsentForm.Written));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(_saved), WaitTimeout);
        var input = _saved[0];
        Assert.Equal((ConsentGiver.Guardian, Petra, Agencies.School | Agencies.SocialServices, Agencies.School, ConsentForm.Written),
            (input.Giver, input.GuardianId, input.SharedWith, input.Categories, input.Form!.Value));
        Assert.Equal((new DateOnly(2026, 11, 30), new DateOnly(2027, 11, 30)), (input.ValidFrom, input.ValidTo));
    }

    [Fact]
    public void MissingAnswersAreNamedAtTheirFieldsInSwedishAndWhatWasTypedStays()
    {
        var cut = Render(SaveResult.Saved(Guid.NewGuid()));

        cut.Find("#consent-purpose").Change("Samverkan.");
        cut.Find("form").Submit();

        WaitForMessage(cut, "#consent-giver-error", "Välj vem som lämnar samtycket.");
        WaitForMessage(cut, "#consent-shared-error", "Välj vilka verksamheter som får dela information.");
        WaitForMessage(cut, "#consent-categories-error", "Välj vilka verksamheters uppgifter som får delas.");
        WaitForMessage(cut, "#consent-form-error", "Ange om samtycket lämnades skriftligt eller muntligt.");
        Assert.Empty(_saved);
        Assert.Equal("Samverkan.", cut.Find("#consent-purpose").GetAttribute("value"));
    }

    [Fact]
    public void TheServersRefusalIsShownAtItsField()
    {
        var cut = Render(SaveResult.Failed(new FieldError(nameof(ConsentInput.ValidTo), "Consent_ValidTo_TooLong", "x")));

        cut.Find("#consent-giver").Change("child");
        cut.Find("#consent-shared-HealthCare").Change(true);
        cut.Find("#consent-categories-HealthCare").Change(true);
        cut.Find("#consent-purpose").Change("Samverkan.");
        cut.Find("#consent-form").Change(nameof(ConsentForm.Oral));
        cut.Find("form").Submit();

        WaitForMessage(cut, "#consent-to-error", "Ett samtycke kan gälla högst tre år; be om ett nytt därefter.");
        Assert.Equal(ConsentGiver.Child, Assert.Single(_saved).Giver);
    }

    [Fact]
    public void EveryAgencyBoxHasALabelInsideAFieldsetWithALegend()
    {
        var cut = Render(SaveResult.Saved(Guid.NewGuid()));

        Assert.Equal(["Verksamheter som får dela", "Uppgifter från"], cut.FindAll("fieldset legend").Select(l => l.TextContent.Trim()));
        foreach (var box in cut.FindAll("input[type=checkbox]"))
        {
            Assert.NotNull(cut.Find($"label[for={box.Id}]"));
        }
    }

    private IRenderedComponent<ConsentEntryForm> Render(SaveResult result) =>
        RenderComponent<ConsentEntryForm>(p => p
            .Add(c => c.Givers, [new ConsentGiverOption(ConsentGiver.Child, null, "Noah Sjöberg", false), new ConsentGiverOption(ConsentGiver.Guardian, Petra, "Petra Sjöberg", true)])
            .Add(c => c.Save, input =>
            {
                _saved.Add(input);
                return Task.FromResult(result);
            }));
}
