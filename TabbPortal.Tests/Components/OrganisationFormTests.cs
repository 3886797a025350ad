using Bunit;
using TabbPortal.Domain.Organisations;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Components.Shared;

namespace TabbPortal.Tests.Components;

public sealed class OrganisationFormTests : SwedishFormTestContext
{
    private const string NameError = "#organisation-name-error";
    private static readonly Guid SavedId = Guid.NewGuid();
    private static readonly Guid FlenId = Guid.NewGuid();

    private readonly SaveSpy<OrganisationInput, Typed> _save =
        new(i => new Typed(i.Id, i.Name, i.Kind, i.SubRegion), SaveResult.Saved(SavedId));

    private readonly List<Guid> _saved = [];
    private int _cancelled;

    public OrganisationFormTests()
    {
        Directory.WithOrganisation(FlenId, "Flens kommun", OrganisationKind.Municipality);
    }

    [Fact]
    public void SavesTheTypedValuesAndRaisesOnSaved()
    {
        var cut = RenderForm();

        Fill(cut, "  Katrineholms kommun ", "Municipality", "North");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal([SavedId], _saved), WaitTimeout);
        Assert.Equal(new Typed(null, "  Katrineholms kommun ", OrganisationKind.Municipality, SubRegion.North), Assert.Single(_save.Calls));
    }

    [Fact]
    public void SavesTheRegionWithoutSubRegion()
    {
        var cut = RenderForm();

        Fill(cut, "Region Sörmland", "Region", subRegion: null);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(_saved), WaitTimeout);
        Assert.Equal(new Typed(null, "Region Sörmland", OrganisationKind.Region, null), Assert.Single(_save.Calls));
    }

    [Fact]
    public void EditingSavesTheChangesUnderTheSameId()
    {
        var input = new OrganisationInput { Id = FlenId, Name = "Flens kommun", Kind = OrganisationKind.Municipality, SubRegion = SubRegion.South };
        var cut = RenderForm(input);

        Assert.Equal("Ändra organisation", TextOf(cut, "h2"));
        Assert.Equal("Flens kommun", ValueOf(cut, "#organisation-name"));
        Assert.Equal("Municipality", ValueOf(cut, "#organisation-kind"));
        Assert.Equal("South", ValueOf(cut, "#organisation-subregion"));

        cut.Find("#organisation-subregion").Change("West");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(_saved), WaitTimeout);
        Assert.Equal(new Typed(FlenId, "Flens kommun", OrganisationKind.Municipality, SubRegion.West), Assert.Single(_save.Calls));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyNameIsNotSavedAndTheOtherValuesStay(string name)
    {
        var cut = RenderForm();

        Fill(cut, name, "Municipality", "North");
        cut.Find("form").Submit();

        WaitForMessage(cut, NameError, "Ange organisationens namn.");
        Assert.Empty(_save.Calls);
        Assert.Empty(_saved);
        Assert.Equal("Municipality", ValueOf(cut, "#organisation-kind"));
        Assert.Equal("North", ValueOf(cut, "#organisation-subregion"));
    }

    [Fact]
    public void DuplicateNameIsNotSavedAndTheNameStays()
    {
        var cut = RenderForm();

        Fill(cut, "Flens kommun", "Municipality", "South");
        cut.Find("form").Submit();

        WaitForMessage(cut, NameError, "Det finns redan en organisation med det namnet.");
        Assert.Empty(_save.Calls);
        Assert.Equal("Flens kommun", ValueOf(cut, "#organisation-name"));
        Assert.Equal("South", ValueOf(cut, "#organisation-subregion"));
    }

    [Fact]
    public void MunicipalityWithoutSubRegionIsNotSaved()
    {
        var cut = RenderForm();

        Fill(cut, "Katrineholms kommun", "Municipality", subRegion: null);
        cut.Find("form").Submit();

        WaitForMessage(cut, "#organisation-subregion-error", "En kommun måste höra till en delregion.");
        Assert.Empty(_save.Calls);
        Assert.Equal("Katrineholms kommun", ValueOf(cut, "#organisation-name"));
        Assert.Equal("Municipality", ValueOf(cut, "#organisation-kind"));
        Assert.Equal(string.Empty, TextOf(cut, NameError));
    }

    [Fact]
    public void MissingKindIsNotSaved()
    {
        var cut = RenderForm();

        Fill(cut, "Katrineholms kommun", kind: null, subRegion: null);
        cut.Find("form").Submit();

        WaitForMessage(cut, "#organisation-kind-error", "Välj typ av organisation.");
        Assert.Empty(_save.Calls);
        Assert.Equal("Katrineholms kommun", ValueOf(cut, "#organisation-name"));
    }

    [Fact]
    public void ShowsTheNameErrorAsSoonAsTheNameIsCleared()
    {
        var cut = RenderForm();

        cut.Find("#organisation-name").Change("Flen");
        cut.Find("#organisation-name").Change(string.Empty);

        WaitForMessage(cut, NameError, "Ange organisationens namn.");
        Assert.Empty(_save.Calls);
    }

    [Fact]
    public void CorrectingTheInputClearsTheMessageAndSaves()
    {
        var cut = RenderForm();
        Fill(cut, "Flens kommun", "Municipality", "South");
        cut.Find("form").Submit();
        WaitForMessage(cut, NameError, "Det finns redan en organisation med det namnet.");

        cut.Find("#organisation-name").Change("Flens kommun 2");
        WaitForMessage(cut, NameError, string.Empty);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(_saved), WaitTimeout);
        Assert.Equal("Flens kommun 2", Assert.Single(_save.Calls).Name);
    }

    [Fact]
    public void AServerErrorForTheNameIsShownAtTheNameAndTheInputStays()
    {
        _save.Result = SaveResult.Failed(new FieldError(nameof(OrganisationInput.Name), "Organisation_Name_Taken", "server text"));
        var cut = RenderForm();

        Fill(cut, "Eskilstuna kommun", "Municipality", "West");
        cut.Find("form").Submit();

        WaitForMessage(cut, NameError, "Det finns redan en organisation med det namnet.");
        Assert.Single(_save.Calls);
        Assert.Empty(_saved);
        Assert.Equal("Eskilstuna kommun", ValueOf(cut, "#organisation-name"));
        Assert.Equal("Municipality", ValueOf(cut, "#organisation-kind"));
        Assert.Equal("West", ValueOf(cut, "#organisation-subregion"));
    }

    [Fact]
    public void AConcurrencyConflictIsShownForTheWholeFormAndTheInputStays()
    {
        _save.Result = SaveResult.Failed(new FieldError(string.Empty, "Concurrency_Conflict", "server text"));
        var cut = RenderForm();

        Fill(cut, "Eskilstuna kommun", "Municipality", "West");
        cut.Find("form").Submit();

        WaitForMessage(cut, ".form-errors[role=alert]",
            "Någon annan har sparat ändringar sedan du öppnade formuläret. Dina uppgifter finns kvar: ladda om för att se de sparade värdena.");
        Assert.Empty(_saved);
        Assert.Equal("Eskilstuna kommun", ValueOf(cut, "#organisation-name"));
        Assert.Equal("West", ValueOf(cut, "#organisation-subregion"));
        Assert.Equal(string.Empty, TextOf(cut, NameError));
    }

    [Fact]
    public void AServerErrorWithoutAResourceShowsTheServersMessage()
    {
        _save.Result = SaveResult.Failed(new FieldError(string.Empty, "Some_Unknown_Code", "Databasen svarar inte just nu."));
        var cut = RenderForm();

        Fill(cut, "Eskilstuna kommun", "Region", subRegion: null);
        cut.Find("form").Submit();

        WaitForMessage(cut, ".form-errors", "Databasen svarar inte just nu.");
        Assert.Empty(_saved);
    }

    [Fact]
    public void CancelRaisesOnCancelWithoutSaving()
    {
        var cut = RenderForm();

        cut.Find("button[type=button]").Click();

        Assert.Equal(1, _cancelled);
        Assert.Empty(_save.Calls);
    }

    [Fact]
    public void ShowsSwedishHeadingAndChoices()
    {
        var cut = RenderForm();

        Assert.Equal("Ny organisation", TextOf(cut, "h2"));
        Assert.Equal(
            ["Välj …", "Kommun", "Region", "Fristående huvudman"],
            cut.FindAll("#organisation-kind option").Select(o => o.TextContent.Trim()));
        Assert.Equal(
            ["Ingen (länsövergripande)", "Norr", "Väster", "Söder"],
            cut.FindAll("#organisation-subregion option").Select(o => o.TextContent.Trim()));
        Assert.Equal("Spara", TextOf(cut, "button[type=submit]"));
    }

    [Theory]
    [InlineData("organisation-name", "Namn")]
    [InlineData("organisation-kind", "Typ av organisation")]
    [InlineData("organisation-subregion", "Delregion")]
    public void EachFieldHasItsLabel(string id, string label)
    {
        AssertLabelled(RenderForm(), id, label);
    }

    [Fact]
    public void EveryFieldHasALabelAndEveryDescriptionExists()
    {
        var cut = RenderForm();

        AssertEveryFieldHasALabel(cut);
        AssertDescriptionsExist(cut);
    }

    private IRenderedComponent<OrganisationForm> RenderForm(OrganisationInput? input = null) =>
        RenderComponent<OrganisationForm>(p => p
            .Add(f => f.Input, input ?? new OrganisationInput())
            .Add(f => f.Save, _save.Save)
            .Add(f => f.OnSaved, id => _saved.Add(id))
            .Add(f => f.OnCancel, () => _cancelled++));

    private static void Fill(IRenderedFragment cut, string name, string? kind, string? subRegion)
    {
        cut.Find("#organisation-name").Change(name);
        if (kind is not null)
        {
            cut.Find("#organisation-kind").Change(kind);
        }

        if (subRegion is not null)
        {
            cut.Find("#organisation-subregion").Change(subRegion);
        }
    }

    private sealed record Typed(Guid? Id, string Name, OrganisationKind? Kind, SubRegion? SubRegion);
}
