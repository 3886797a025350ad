using Bunit;
using TabbPortal.Domain.Organisations;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Components.Shared;

namespace TabbPortal.Tests.Components;

public sealed class UnitFormTests : SwedishFormTestContext
{
    private const string NameError = "#unit-name-error";
    private static readonly Guid SavedId = Guid.NewGuid();
    private static readonly Guid FlenId = Guid.NewGuid();
    private static readonly Guid InactiveId = Guid.NewGuid();
    private static readonly Guid StenhammarId = Guid.NewGuid();

    private readonly SaveSpy<UnitInput, Typed> _save =
        new(i => new Typed(i.Id, i.OrganisationId, i.Name, i.Type, i.Municipality), SaveResult.Saved(SavedId));

    private readonly List<Guid> _saved = [];

    public UnitFormTests()
    {
        Directory
            .WithOrganisation(FlenId, "Flens kommun", OrganisationKind.Municipality)
            .WithOrganisation(InactiveId, "Gamla kommunen", OrganisationKind.Municipality, isActive: false)
            .WithUnit(StenhammarId, FlenId, "Stenhammarskolan");
    }

    [Theory]
    [InlineData(OrganisationKind.Municipality, "Preschool,School,StudentHealth,SocialServices,YouthActivity")]
    [InlineData(OrganisationKind.Region, "MaternityCare,ChildHealthCentre,ChildAndAdolescentPsychiatry,PrimaryCare")]
    [InlineData(OrganisationKind.IndependentSchoolProvider, "Preschool,School,StudentHealth")]
    public void OffersOnlyTheUnitTypesTheOrganisationKindRuns(OrganisationKind kind, string expected)
    {
        var cut = RenderForm(kind: kind);

        var offered = cut.FindAll("#unit-type option")
            .Select(o => o.GetAttribute("value"))
            .Where(v => !string.IsNullOrEmpty(v));
        Assert.Equal(expected.Split(','), offered);
    }

    [Fact]
    public void NamesEachTypeWithItsSectorInSwedish()
    {
        var cut = RenderForm(kind: OrganisationKind.Region);

        Assert.Equal(
            [
                "Välj …",
                "Barnmorskemottagning (Hälso- och sjukvård)",
                "Barnhälsovård (BVC) (Hälso- och sjukvård)",
                "Barn- och ungdomspsykiatri (BUP) (Hälso- och sjukvård)",
                "Vårdcentral (Hälso- och sjukvård)",
            ],
            cut.FindAll("#unit-type option").Select(o => o.TextContent.Trim()));
    }

    [Fact]
    public void SavesTheTypedValuesAndRaisesOnSaved()
    {
        var cut = RenderForm();

        Fill(cut, "Bruksskolan", "School", "Flen");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal([SavedId], _saved), WaitTimeout);
        Assert.Equal(new Typed(null, FlenId, "Bruksskolan", UnitType.School, "Flen"), Assert.Single(_save.Calls));
    }

    [Fact]
    public void EditingShowsTheSavedValuesAndSavesUnderTheSameId()
    {
        var input = new UnitInput { Id = StenhammarId, OrganisationId = FlenId, Name = "Stenhammarskolan", Type = UnitType.School, Municipality = "Flen" };
        var cut = RenderForm(input);

        Assert.Equal("Ändra enhet", TextOf(cut, "h2"));
        Assert.Equal("Stenhammarskolan", ValueOf(cut, "#unit-name"));
        Assert.Equal("School", ValueOf(cut, "#unit-type"));
        Assert.Equal("Flen", ValueOf(cut, "#unit-municipality"));

        cut.Find("#unit-type").Change("StudentHealth");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(_saved), WaitTimeout);
        Assert.Equal(new Typed(StenhammarId, FlenId, "Stenhammarskolan", UnitType.StudentHealth, "Flen"), Assert.Single(_save.Calls));
    }

    [Fact]
    public void EmptyNameIsNotSavedAndTheOtherValuesStay()
    {
        var cut = RenderForm();

        Fill(cut, "  ", "Preschool", "Flen");
        cut.Find("form").Submit();

        WaitForMessage(cut, NameError, "Ange enhetens namn.");
        Assert.Empty(_save.Calls);
        Assert.Equal("Preschool", ValueOf(cut, "#unit-type"));
        Assert.Equal("Flen", ValueOf(cut, "#unit-municipality"));
    }

    [Fact]
    public void DuplicateNameIsNotSavedAndTheNameStays()
    {
        var cut = RenderForm();

        Fill(cut, "Stenhammarskolan", "School", "Flen");
        cut.Find("form").Submit();

        WaitForMessage(cut, NameError, "Organisationen har redan en enhet med det namnet.");
        Assert.Empty(_save.Calls);
        Assert.Equal("Stenhammarskolan", ValueOf(cut, "#unit-name"));
        Assert.Equal("School", ValueOf(cut, "#unit-type"));
    }

    [Fact]
    public void MissingTypeIsNotSaved()
    {
        var cut = RenderForm();

        Fill(cut, "Bruksskolan", type: null, "Flen");
        cut.Find("form").Submit();

        WaitForMessage(cut, "#unit-type-error", "Välj typ av enhet.");
        Assert.Empty(_save.Calls);
        Assert.Equal("Bruksskolan", ValueOf(cut, "#unit-name"));
    }

    [Fact]
    public void MunicipalityNameLongerThan100CharactersIsNotSaved()
    {
        var cut = RenderForm();

        Fill(cut, "Bruksskolan", "School", new string('F', 101));
        cut.Find("form").Submit();

        WaitForMessage(cut, "#unit-municipality-error", "Kommunens namn får vara högst 100 tecken.");
        Assert.Empty(_save.Calls);
    }

    [Fact]
    public void AUnitOfAnInactiveOrganisationIsNotSaved()
    {
        var cut = RenderForm(new UnitInput { OrganisationId = InactiveId });

        Fill(cut, "Bruksskolan", "School", "Flen");
        cut.Find("form").Submit();

        WaitForMessage(cut, "#unit-organisation-error", "Organisationen finns inte eller är inaktiverad.");
        Assert.Empty(_save.Calls);
        Assert.Equal("Bruksskolan", ValueOf(cut, "#unit-name"));
    }

    [Fact]
    public void AServerErrorForTheWholeFormIsShownAndTheInputStays()
    {
        _save.Result = SaveResult.Failed(new FieldError(string.Empty, "Unit_Type_NotRunByOrganisation", "server text"));
        var cut = RenderForm();

        Fill(cut, "Bruksskolan", "School", "Flen");
        cut.Find("form").Submit();

        WaitForMessage(cut, ".form-errors[role=alert]", "Den här typen av enhet drivs inte av den valda organisationen.");
        Assert.Single(_save.Calls);
        Assert.Empty(_saved);
        Assert.Equal("Bruksskolan", ValueOf(cut, "#unit-name"));
        Assert.Equal("School", ValueOf(cut, "#unit-type"));
        Assert.Equal("Flen", ValueOf(cut, "#unit-municipality"));
    }

    [Fact]
    public void AServerErrorForTheNameIsShownAtTheName()
    {
        _save.Result = SaveResult.Failed(new FieldError(nameof(UnitInput.Name), "Unit_Name_Taken", "server text"));
        var cut = RenderForm();

        Fill(cut, "Bruksskolan", "School", "Flen");
        cut.Find("form").Submit();

        WaitForMessage(cut, NameError, "Organisationen har redan en enhet med det namnet.");
        Assert.Empty(_saved);
        Assert.Equal(string.Empty, TextOf(cut, ".form-errors"));
    }

    [Fact]
    public void AConcurrencyConflictIsShownForTheWholeForm()
    {
        _save.Result = SaveResult.Failed(new FieldError(string.Empty, "Concurrency_Conflict", "server text"));
        var cut = RenderForm();

        Fill(cut, "Bruksskolan", "School", "Flen");
        cut.Find("form").Submit();

        WaitForMessage(cut, ".form-errors",
            "Någon annan har sparat ändringar sedan du öppnade formuläret. Dina uppgifter finns kvar: ladda om för att se de sparade värdena.");
        Assert.Equal("Bruksskolan", ValueOf(cut, "#unit-name"));
    }

    [Theory]
    [InlineData("unit-name", "Namn")]
    [InlineData("unit-type", "Typ av enhet")]
    [InlineData("unit-municipality", "Kommun")]
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
        Assert.Equal("Ny enhet", TextOf(cut, "h2"));
    }

    private IRenderedComponent<UnitForm> RenderForm(UnitInput? input = null, OrganisationKind kind = OrganisationKind.Municipality) =>
        RenderComponent<UnitForm>(p => p
            .Add(f => f.Input, input ?? new UnitInput { OrganisationId = FlenId })
            .Add(f => f.OrganisationKind, kind)
            .Add(f => f.Save, _save.Save)
            .Add(f => f.OnSaved, id => _saved.Add(id)));

    private static void Fill(IRenderedFragment cut, string name, string? type, string municipality)
    {
        cut.Find("#unit-name").Change(name);
        if (type is not null)
        {
            cut.Find("#unit-type").Change(type);
        }

        cut.Find("#unit-municipality").Change(municipality);
    }

    private sealed record Typed(Guid? Id, Guid? OrganisationId, string Name, UnitType? Type, string? Municipality);
}
