using Bunit;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Organisations;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Children;
using TabbPortal.Web.Components.Pages.Children;

namespace TabbPortal.Tests.Components.Children;

public sealed class ChildFormTests : ChildrenFormTestContext
{
    private const string GivenNameError = "#child-given-name-error";
    private const string FamilyNameError = "#child-family-name-error";
    private const string PinError = "#child-pin-error";
    private const string MunicipalityError = "#child-municipality-error";
    private const string ConflictText =
        "Någon annan har sparat ändringar sedan du öppnade formuläret. Dina uppgifter finns kvar: ladda om för att se de sparade värdena.";

    private static readonly Guid SavedId = Guid.NewGuid();
    private static readonly Guid FlenId = Guid.NewGuid();
    private static readonly Guid KatrineholmId = Guid.NewGuid();
    private static readonly Guid StenhammarId = Guid.NewGuid();
    private static readonly Guid SolstralenId = Guid.NewGuid();
    private static readonly Guid ForsskolanId = Guid.NewGuid();
    private static readonly Guid RegisteredChildId = Guid.NewGuid();

    // Invented numbers: a child born 2015-06-03 (serial 238) is free; one born 2016-09-21 (serial 457) is already registered.
    private static readonly DateOnly Born = new(2015, 6, 3);
    private static readonly string FreePin = TestPin.WithCentury(Born, 238);
    private static readonly DateOnly RegisteredBorn = new(2016, 9, 21);

    private static readonly Option[] Municipalities =
    [
        new(FlenId.ToString(), "Flens kommun"),
        new(KatrineholmId.ToString(), "Katrineholms kommun"),
    ];

    private static readonly Option[] Schools =
    [
        new(StenhammarId.ToString(), "Stenhammarskolan", "Flens kommun"),
        new(SolstralenId.ToString(), "Förskolan Solstrålen", "Flens kommun"),
        new(ForsskolanId.ToString(), "Forsskolan", "Katrineholms kommun"),
    ];

    private readonly SaveSpy<ChildInput, Snapshot> _save = new(Snapshot.Of, SaveResult.Saved(SavedId));
    private readonly List<Guid> _saved = [];
    private int _cancelled;

    public ChildFormTests()
    {
        Children
            .WithActiveMunicipality(FlenId)
            .WithActiveMunicipality(KatrineholmId)
            .WithActiveUnit(StenhammarId, UnitType.School)
            .WithActiveUnit(SolstralenId, UnitType.Preschool)
            .WithActiveUnit(ForsskolanId, UnitType.School)
            .WithChild(TestPin.Canonical(RegisteredBorn, 457), RegisteredChildId);
    }

    [Fact]
    public void ValidInputWithOneGuardianIsSavedWithTheTypedValuesAndRaisesOnSaved()
    {
        var cut = RenderForm();

        FillChild(cut, "Elsa", "Lindqvist", FreePin, FlenId, StenhammarId);
        FillGuardian(cut, 0, "Maria Lindqvist", "Mamma", "070-123 45 67", "maria@exempel.se");
        cut.Find("#guardian-0-custody").Change(false);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal([SavedId], _saved), WaitTimeout);
        var call = Assert.Single(_save.Calls);
        Assert.Equal(new Typed(null, "Elsa", "Lindqvist", FreePin, FlenId, StenhammarId), call.Child);
        Assert.Equal([new TypedGuardian("Maria Lindqvist", "Mamma", "070-123 45 67", "maria@exempel.se", HasCustody: false)], call.Guardians);
    }

    [Fact]
    public void ANumberInTheShortFormAndNoSchoolIsAccepted()
    {
        var cut = RenderForm();

        FillChild(cut, "Elsa", "Lindqvist", TestPin.WithoutCentury(Born, 238), KatrineholmId, school: null);
        FillGuardian(cut, 0, "Maria Lindqvist");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(_saved), WaitTimeout);
        var call = Assert.Single(_save.Calls);
        Assert.Equal(new Typed(null, "Elsa", "Lindqvist", TestPin.WithoutCentury(Born, 238), KatrineholmId, null), call.Child);
        Assert.Contains($"Registered:{TestPin.Canonical(Born, 238)}", Children.Questions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyGivenNameIsNotSavedAndTheOtherValuesStay(string givenName)
    {
        var cut = RenderForm();

        FillChild(cut, givenName, "Lindqvist", FreePin, FlenId, StenhammarId);
        FillGuardian(cut, 0, "Maria Lindqvist");
        cut.Find("form").Submit();

        WaitForMessage(cut, GivenNameError, "Ange barnets förnamn.");
        Assert.Empty(_save.Calls);
        Assert.Empty(_saved);
        Assert.Equal("Lindqvist", ValueOf(cut, "#child-family-name"));
        Assert.Equal(FreePin, ValueOf(cut, "#child-pin"));
        Assert.Equal(FlenId.ToString(), ValueOf(cut, "#child-municipality"));
        Assert.Equal(StenhammarId.ToString(), ValueOf(cut, "#child-school"));
        Assert.Equal("Maria Lindqvist", ValueOf(cut, "#guardian-0-name"));
        Assert.Equal(string.Empty, TextOf(cut, FamilyNameError));
        Assert.Equal(string.Empty, TextOf(cut, PinError));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyFamilyNameIsNotSavedAndTheOtherValuesStay(string familyName)
    {
        var cut = RenderForm();

        FillChild(cut, "Elsa", familyName, FreePin, FlenId, school: null);
        FillGuardian(cut, 0, "Maria Lindqvist");
        cut.Find("form").Submit();

        WaitForMessage(cut, FamilyNameError, "Ange barnets efternamn.");
        Assert.Empty(_save.Calls);
        Assert.Equal("Elsa", ValueOf(cut, "#child-given-name"));
        Assert.Equal(FreePin, ValueOf(cut, "#child-pin"));
        Assert.Equal(FlenId.ToString(), ValueOf(cut, "#child-municipality"));
        Assert.Equal(string.Empty, TextOf(cut, GivenNameError));
    }

    [Theory]
    [InlineData("empty", "Ange barnets personnummer eller samordningsnummer.")]
    [InlineData("format", "Ange personnumret som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.")]
    [InlineData("date", "Personnumret innehåller inget giltigt datum.")]
    [InlineData("checksum", "Kontrollsiffran stämmer inte – kontrollera personnumret.")]
    [InlineData("future", "Födelsedatumet ligger i framtiden.")]
    public void AnInvalidPersonalIdentityNumberIsNotSavedAndTheMessageSaysWhy(string fault, string expected)
    {
        var pin = fault switch
        {
            "empty" => string.Empty,
            "format" => "2015-06-03",
            "date" => "20150230-2384",
            "checksum" => TestPin.WithWrongControlDigit(Born, 238),
            // The day after the fixed "today": in the past for the real clock, so this fails if the form ignores the injected clock.
            "future" => TestPin.WithCentury(Today.AddDays(1), 238),
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };
        var cut = RenderForm();

        FillChild(cut, "Elsa", "Lindqvist", pin, FlenId, StenhammarId);
        FillGuardian(cut, 0, "Maria Lindqvist");
        cut.Find("form").Submit();

        WaitForMessage(cut, PinError, expected);
        Assert.Empty(_save.Calls);
        Assert.Equal("Elsa", ValueOf(cut, "#child-given-name"));
        Assert.Equal("Lindqvist", ValueOf(cut, "#child-family-name"));
        Assert.Equal(pin, ValueOf(cut, "#child-pin"));
        Assert.Equal(FlenId.ToString(), ValueOf(cut, "#child-municipality"));
        Assert.Equal(StenhammarId.ToString(), ValueOf(cut, "#child-school"));
    }

    [Fact]
    public void AChildBornTodayIsAccepted()
    {
        var cut = RenderForm();

        FillChild(cut, "Elsa", "Lindqvist", TestPin.WithCentury(Today, 238), FlenId, school: null);
        FillGuardian(cut, 0, "Maria Lindqvist");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(_saved), WaitTimeout);
        Assert.Equal(string.Empty, TextOf(cut, PinError));
    }

    [Fact]
    public void MissingMunicipalityIsNotSavedAndTheOtherValuesStay()
    {
        var cut = RenderForm();

        FillChild(cut, "Elsa", "Lindqvist", FreePin, municipality: null, StenhammarId);
        FillGuardian(cut, 0, "Maria Lindqvist");
        cut.Find("form").Submit();

        WaitForMessage(cut, MunicipalityError, "Välj den kommun barnet bor i.");
        Assert.Empty(_save.Calls);
        Assert.Equal("Elsa", ValueOf(cut, "#child-given-name"));
        Assert.Equal(FreePin, ValueOf(cut, "#child-pin"));
        Assert.Equal(StenhammarId.ToString(), ValueOf(cut, "#child-school"));
        Assert.Equal(string.Empty, TextOf(cut, PinError));
    }

    [Fact]
    public void ANumberAlreadyRegisteredIsNotSavedEvenWhenTypedInTheShortForm()
    {
        var taken = TestPin.WithoutCentury(RegisteredBorn, 457);
        var cut = RenderForm();

        FillChild(cut, "Elsa", "Lindqvist", taken, FlenId, school: null);
        FillGuardian(cut, 0, "Maria Lindqvist");
        cut.Find("form").Submit();

        WaitForMessage(cut, PinError, "Ett barn med det personnumret finns redan registrerat.");
        Assert.Empty(_save.Calls);
        Assert.Equal(taken, ValueOf(cut, "#child-pin"));
        Assert.Equal("Elsa", ValueOf(cut, "#child-given-name"));
    }

    [Fact]
    public void EditingAChildDoesNotCountTheChildsOwnNumberAsTaken()
    {
        var input = new ChildInput
        {
            Id = RegisteredChildId,
            GivenName = "Nils",
            FamilyName = "Berg",
            PersonalIdentityNumber = TestPin.WithCentury(RegisteredBorn, 457),
            MunicipalityId = KatrineholmId,
            SchoolUnitId = ForsskolanId,
            Guardians = [new GuardianInput { Name = "Sara Berg", Phone = "0150-123 45" }],
        };
        var cut = RenderForm(input);

        Assert.Equal("Nils", ValueOf(cut, "#child-given-name"));
        Assert.Equal(KatrineholmId.ToString(), ValueOf(cut, "#child-municipality"));
        Assert.Equal(ForsskolanId.ToString(), ValueOf(cut, "#child-school"));
        Assert.Equal("Sara Berg", ValueOf(cut, "#guardian-0-name"));

        cut.Find("#child-family-name").Change("Bergström");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(_saved), WaitTimeout);
        var call = Assert.Single(_save.Calls);
        Assert.Equal(new Typed(RegisteredChildId, "Nils", "Bergström", TestPin.WithCentury(RegisteredBorn, 457), KatrineholmId, ForsskolanId), call.Child);
        Assert.Equal([new TypedGuardian("Sara Berg", null, "0150-123 45", null, HasCustody: true)], call.Guardians);
    }

    [Fact]
    public void ASchoolThatIsNotAPreschoolOrSchoolIsNotSaved()
    {
        var studentHealthId = Guid.NewGuid();
        Children.WithActiveUnit(studentHealthId, UnitType.StudentHealth);
        var schools = new[] { new Option(studentHealthId.ToString(), "Elevhälsan", "Flens kommun") };
        var cut = RenderForm(schools: schools);

        FillChild(cut, "Elsa", "Lindqvist", FreePin, FlenId, studentHealthId);
        FillGuardian(cut, 0, "Maria Lindqvist");
        cut.Find("form").Submit();

        WaitForMessage(cut, "#child-school-error", "Välj en förskola eller skola.");
        Assert.Empty(_save.Calls);
        Assert.Equal(studentHealthId.ToString(), ValueOf(cut, "#child-school"));
    }

    [Fact]
    public void GuardianErrorsAreShownAtTheGuardiansOwnFields()
    {
        var cut = RenderForm();

        FillChild(cut, "Elsa", "Lindqvist", FreePin, FlenId, StenhammarId);
        FillGuardian(cut, 0, "  ", "Pappa", "ring mig", "inte-en-adress");
        cut.Find("form").Submit();

        WaitForMessage(cut, "#guardian-0-name-error", "Ange vårdnadshavarens namn.");
        Assert.Equal("Ange telefonnumret med siffror, till exempel 070-123 45 67.", TextOf(cut, "#guardian-0-phone-error"));
        Assert.Equal("Ange en giltig e-postadress, till exempel namn@exempel.se.", TextOf(cut, "#guardian-0-email-error"));
        Assert.Equal(string.Empty, TextOf(cut, "#guardian-0-relationship-error"));
        Assert.Empty(_save.Calls);
        Assert.Equal("Pappa", ValueOf(cut, "#guardian-0-relationship"));
        Assert.Equal("ring mig", ValueOf(cut, "#guardian-0-phone"));
        Assert.Equal("inte-en-adress", ValueOf(cut, "#guardian-0-email"));
        Assert.Equal("Elsa", ValueOf(cut, "#child-given-name"));
    }

    [Fact]
    public void AnErrorOfTheSecondGuardianIsShownAtTheSecondGuardianOnly()
    {
        var cut = RenderForm();
        ClickButton(cut, "Lägg till vårdnadshavare");

        FillChild(cut, "Elsa", "Lindqvist", FreePin, FlenId, school: null);
        FillGuardian(cut, 0, "Maria Lindqvist", email: "maria@exempel.se");
        FillGuardian(cut, 1, "Johan Lindqvist", email: "johan@");
        cut.Find("form").Submit();

        WaitForMessage(cut, "#guardian-1-email-error", "Ange en giltig e-postadress, till exempel namn@exempel.se.");
        Assert.Equal(string.Empty, TextOf(cut, "#guardian-0-email-error"));
        Assert.Empty(_save.Calls);
    }

    [Fact]
    public void AddingAGuardianAddsASecondGroupWithItsOwnLabelledFields()
    {
        var cut = RenderForm();
        FillGuardian(cut, 0, "Maria Lindqvist");

        ClickButton(cut, "Lägg till vårdnadshavare");

        Assert.Equal(2, cut.FindAll(".guardian[role=group]").Count);
        var second = cut.FindAll(".guardian[role=group]")[1];
        Assert.Equal("guardian-1-title", second.GetAttribute("aria-labelledby"));
        Assert.Equal("Vårdnadshavare 2", TextOf(cut, "#guardian-1-title"));
        AssertLabelled(cut, "guardian-1-name", "Namn");
        AssertLabelled(cut, "guardian-1-relationship", "Relation till barnet");
        AssertLabelled(cut, "guardian-1-phone", "Telefon");
        AssertLabelled(cut, "guardian-1-email", "E-postadress");
        AssertLabelled(cut, "guardian-1-custody", "Har vårdnad");
        Assert.Equal(string.Empty, ValueOf(cut, "#guardian-1-name"));
        Assert.Equal("Maria Lindqvist", ValueOf(cut, "#guardian-0-name"));
        Assert.Single(cut.FindAll("button"), b => b.TextContent.Trim() == "Ta bort vårdnadshavare 2");
    }

    [Fact]
    public void TwoGuardiansAreSavedInTheOrderTyped()
    {
        var cut = RenderForm();
        ClickButton(cut, "Lägg till vårdnadshavare");

        FillChild(cut, "Elsa", "Lindqvist", FreePin, FlenId, StenhammarId);
        FillGuardian(cut, 0, "Maria Lindqvist", "Mamma");
        FillGuardian(cut, 1, "Johan Lindqvist", "Pappa", "+46 70 765 43 21");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(_saved), WaitTimeout);
        Assert.Equal(
            [
                new TypedGuardian("Maria Lindqvist", "Mamma", null, null, HasCustody: true),
                new TypedGuardian("Johan Lindqvist", "Pappa", "+46 70 765 43 21", null, HasCustody: true),
            ],
            Assert.Single(_save.Calls).Guardians);
    }

    [Fact]
    public void RemovingTheFirstGuardianKeepsTheSecondGuardiansValues()
    {
        var cut = RenderForm();
        ClickButton(cut, "Lägg till vårdnadshavare");
        FillChild(cut, "Elsa", "Lindqvist", FreePin, FlenId, school: null);
        FillGuardian(cut, 0, "Maria Lindqvist", "Mamma", "070-123 45 67", "maria@exempel.se");
        FillGuardian(cut, 1, "Johan Lindqvist", "Pappa", "070-765 43 21", "johan@exempel.se");
        cut.Find("#guardian-1-custody").Change(false);

        ClickButton(cut, "Ta bort vårdnadshavare 1");

        Assert.Single(cut.FindAll(".guardian[role=group]"));
        Assert.Empty(cut.FindAll("#guardian-1-name"));
        Assert.Equal("Vårdnadshavare 1", TextOf(cut, "#guardian-0-title"));
        Assert.Equal("Johan Lindqvist", ValueOf(cut, "#guardian-0-name"));
        Assert.Equal("Pappa", ValueOf(cut, "#guardian-0-relationship"));
        Assert.Equal("070-765 43 21", ValueOf(cut, "#guardian-0-phone"));
        Assert.Equal("johan@exempel.se", ValueOf(cut, "#guardian-0-email"));
        Assert.False(cut.Find("#guardian-0-custody").HasAttribute("checked"));

        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Single(_saved), WaitTimeout);
        Assert.Equal(
            [new TypedGuardian("Johan Lindqvist", "Pappa", "070-765 43 21", "johan@exempel.se", HasCustody: false)],
            Assert.Single(_save.Calls).Guardians);
    }

    [Fact]
    public void RemovingTheSecondGuardianKeepsTheFirstGuardiansValues()
    {
        var cut = RenderForm();
        ClickButton(cut, "Lägg till vårdnadshavare");
        FillChild(cut, "Elsa", "Lindqvist", FreePin, FlenId, school: null);
        FillGuardian(cut, 0, "Maria Lindqvist", "Mamma");
        FillGuardian(cut, 1, "Johan Lindqvist", "Pappa");

        ClickButton(cut, "Ta bort vårdnadshavare 2");

        Assert.Single(cut.FindAll(".guardian[role=group]"));
        Assert.Equal("Maria Lindqvist", ValueOf(cut, "#guardian-0-name"));
        Assert.Equal("Mamma", ValueOf(cut, "#guardian-0-relationship"));

        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Single(_saved), WaitTimeout);
        Assert.Equal([new TypedGuardian("Maria Lindqvist", "Mamma", null, null, HasCustody: true)], Assert.Single(_save.Calls).Guardians);
    }

    [Fact]
    public void RemovingAGuardianWithAnErrorDoesNotMoveTheErrorToTheGuardianWhoIsLeft()
    {
        var cut = RenderForm();
        ClickButton(cut, "Lägg till vårdnadshavare");
        FillChild(cut, "Elsa", "Lindqvist", FreePin, FlenId, school: null);
        FillGuardian(cut, 0, string.Empty);
        FillGuardian(cut, 1, "Johan Lindqvist");
        cut.Find("form").Submit();
        WaitForMessage(cut, "#guardian-0-name-error", "Ange vårdnadshavarens namn.");

        ClickButton(cut, "Ta bort vårdnadshavare 1");

        Assert.Equal("Johan Lindqvist", ValueOf(cut, "#guardian-0-name"));
        Assert.Equal(string.Empty, TextOf(cut, "#guardian-0-name-error"));
    }

    [Fact]
    public void CorrectingAGuardiansFieldClearsItsMessage()
    {
        var cut = RenderForm();
        FillChild(cut, "Elsa", "Lindqvist", FreePin, FlenId, school: null);
        FillGuardian(cut, 0, "Maria Lindqvist", email: "maria@");
        cut.Find("form").Submit();
        WaitForMessage(cut, "#guardian-0-email-error", "Ange en giltig e-postadress, till exempel namn@exempel.se.");

        cut.Find("#guardian-0-email").Change("maria@exempel.se");

        WaitForMessage(cut, "#guardian-0-email-error", string.Empty);
    }

    [Fact]
    public void CorrectingTheGivenNameClearsItsMessageAndTheFormSaves()
    {
        var cut = RenderForm();
        FillChild(cut, string.Empty, "Lindqvist", FreePin, FlenId, school: null);
        FillGuardian(cut, 0, "Maria Lindqvist");
        cut.Find("form").Submit();
        WaitForMessage(cut, GivenNameError, "Ange barnets förnamn.");

        cut.Find("#child-given-name").Change("Elsa");
        WaitForMessage(cut, GivenNameError, string.Empty);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(_saved), WaitTimeout);
        Assert.Equal("Elsa", Assert.Single(_save.Calls).Child.GivenName);
    }

    [Fact]
    public void ShowsThePinErrorAsSoonAsTheNumberIsLeft()
    {
        var cut = RenderForm();

        cut.Find("#child-pin").Change(TestPin.WithWrongControlDigit(Born, 238));

        WaitForMessage(cut, PinError, "Kontrollsiffran stämmer inte – kontrollera personnumret.");
        Assert.Empty(_save.Calls);
    }

    [Fact]
    public void AConcurrencyConflictIsShownForTheWholeFormAndTheInputStays()
    {
        _save.Result = SaveResult.Failed(new FieldError(string.Empty, "Concurrency_Conflict", "server text"));
        var cut = RenderForm();

        FillChild(cut, "Elsa", "Lindqvist", FreePin, FlenId, StenhammarId);
        FillGuardian(cut, 0, "Maria Lindqvist", "Mamma");
        cut.Find("form").Submit();

        WaitForMessage(cut, ".form-errors[role=alert]", ConflictText);
        Assert.Single(_save.Calls);
        Assert.Empty(_saved);
        Assert.Equal("Elsa", ValueOf(cut, "#child-given-name"));
        Assert.Equal("Lindqvist", ValueOf(cut, "#child-family-name"));
        Assert.Equal(FreePin, ValueOf(cut, "#child-pin"));
        Assert.Equal(FlenId.ToString(), ValueOf(cut, "#child-municipality"));
        Assert.Equal(StenhammarId.ToString(), ValueOf(cut, "#child-school"));
        Assert.Equal("Maria Lindqvist", ValueOf(cut, "#guardian-0-name"));
        Assert.Equal("Mamma", ValueOf(cut, "#guardian-0-relationship"));
        Assert.False(cut.Find("button[type=submit]").HasAttribute("disabled"));
    }

    [Fact]
    public void AServerErrorForAGuardianIsShownAtThatGuardiansField()
    {
        _save.Result = SaveResult.Failed(new FieldError("Guardians[0].Phone", "Guardian_Phone_Invalid", "server text"));
        var cut = RenderForm();

        FillChild(cut, "Elsa", "Lindqvist", FreePin, FlenId, school: null);
        FillGuardian(cut, 0, "Maria Lindqvist", phone: "070-123 45 67");
        cut.Find("form").Submit();

        WaitForMessage(cut, "#guardian-0-phone-error", "Ange telefonnumret med siffror, till exempel 070-123 45 67.");
        Assert.Empty(_saved);
        Assert.Equal(string.Empty, TextOf(cut, ".form-errors"));
    }

    [Fact]
    public void SubmittingAgainWhileSavingSavesOnlyOnce()
    {
        var gate = new TaskCompletionSource<SaveResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var cut = RenderForm(save: _ =>
        {
            calls++;
            return gate.Task;
        });
        FillChild(cut, "Elsa", "Lindqvist", FreePin, FlenId, school: null);
        FillGuardian(cut, 0, "Maria Lindqvist");

        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Equal(1, calls), WaitTimeout);
        cut.WaitForAssertion(() => Assert.True(cut.Find("button[type=submit]").HasAttribute("disabled")), WaitTimeout);
        cut.Find("form").Submit();
        gate.SetResult(SaveResult.Saved(SavedId));

        cut.WaitForAssertion(() => Assert.Equal([SavedId], _saved), WaitTimeout);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void CancelRaisesOnCancelWithoutSaving()
    {
        var cut = RenderForm();
        FillChild(cut, "Elsa", "Lindqvist", FreePin, FlenId, school: null);

        ClickButton(cut, "Avbryt");

        Assert.Equal(1, _cancelled);
        Assert.Empty(_save.Calls);
    }

    [Fact]
    public void ListsTheMunicipalitiesAndGroupsTheSchoolsByOrganisation()
    {
        var cut = RenderForm();

        Assert.Equal(
            ["Välj …", "Flens kommun", "Katrineholms kommun"],
            cut.FindAll("#child-municipality option").Select(o => o.TextContent.Trim()));
        Assert.Equal("Ingen förskola eller skola", TextOf(cut, "#child-school > option"));
        Assert.Equal(
            ["Flens kommun", "Katrineholms kommun"],
            cut.FindAll("#child-school optgroup").Select(g => g.GetAttribute("label")));
        Assert.Equal(
            ["Stenhammarskolan", "Förskolan Solstrålen"],
            cut.FindAll("#child-school optgroup[label='Flens kommun'] option").Select(o => o.TextContent.Trim()));
        Assert.Equal(
            [ForsskolanId.ToString()],
            cut.FindAll("#child-school optgroup[label='Katrineholms kommun'] option").Select(o => o.GetAttribute("value")));
    }

    [Theory]
    [InlineData("child-given-name", "Förnamn")]
    [InlineData("child-family-name", "Efternamn")]
    [InlineData("child-pin", "Personnummer")]
    [InlineData("child-municipality", "Folkbokföringskommun")]
    [InlineData("child-school", "Förskola eller skola")]
    [InlineData("guardian-0-name", "Namn")]
    [InlineData("guardian-0-relationship", "Relation till barnet")]
    [InlineData("guardian-0-phone", "Telefon")]
    [InlineData("guardian-0-email", "E-postadress")]
    [InlineData("guardian-0-custody", "Har vårdnad")]
    public void EachFieldHasItsSwedishLabel(string id, string label)
    {
        AssertLabelled(RenderForm(), id, label);
    }

    [Fact]
    public void EveryFieldHasALabelAndEveryDescriptionExistsWithTwoGuardians()
    {
        var cut = RenderForm();
        ClickButton(cut, "Lägg till vårdnadshavare");

        AssertEveryFieldHasALabel(cut);
        AssertDescriptionsExist(cut);
        Assert.Equal("Spara", TextOf(cut, "button[type=submit]"));
    }

    private IRenderedComponent<ChildForm> RenderForm(
        ChildInput? input = null,
        IReadOnlyList<Option>? schools = null,
        Func<ChildInput, Task<SaveResult>>? save = null) =>
        RenderComponent<ChildForm>(p => p
            .Add(f => f.Input, input ?? new ChildInput { Guardians = [new GuardianInput()] })
            .Add(f => f.Municipalities, Municipalities)
            .Add(f => f.Schools, schools ?? Schools)
            .Add(f => f.Save, save ?? _save.Save)
            .Add(f => f.OnSaved, id => _saved.Add(id))
            .Add(f => f.OnCancel, () => _cancelled++));

    private static void FillChild(IRenderedFragment cut, string givenName, string familyName, string pin, Guid? municipality, Guid? school)
    {
        cut.Find("#child-given-name").Change(givenName);
        cut.Find("#child-family-name").Change(familyName);
        cut.Find("#child-pin").Change(pin);
        if (municipality is not null)
        {
            cut.Find("#child-municipality").Change(municipality.Value.ToString());
        }

        if (school is not null)
        {
            cut.Find("#child-school").Change(school.Value.ToString());
        }
    }

    private static void FillGuardian(IRenderedFragment cut, int index, string name, string? relationship = null, string? phone = null, string? email = null)
    {
        cut.Find($"#guardian-{index}-name").Change(name);
        if (relationship is not null)
        {
            cut.Find($"#guardian-{index}-relationship").Change(relationship);
        }

        if (phone is not null)
        {
            cut.Find($"#guardian-{index}-phone").Change(phone);
        }

        if (email is not null)
        {
            cut.Find($"#guardian-{index}-email").Change(email);
        }
    }

    private sealed record Typed(Guid? Id, string GivenName, string FamilyName, string PersonalIdentityNumber, Guid? MunicipalityId, Guid? SchoolUnitId);

    private sealed record TypedGuardian(string Name, string? Relationship, string? Phone, string? Email, bool HasCustody);

    private sealed record Snapshot(Typed Child, TypedGuardian[] Guardians)
    {
        public static Snapshot Of(ChildInput i) => new(
            new Typed(i.Id, i.GivenName, i.FamilyName, i.PersonalIdentityNumber, i.MunicipalityId, i.SchoolUnitId),
            [.. i.Guardians.Select(g => new TypedGuardian(g.Name, g.Relationship, g.Phone, g.Email, g.HasCustody))]);
    }
}
