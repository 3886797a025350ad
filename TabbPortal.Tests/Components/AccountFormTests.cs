using System.Globalization;
using Bunit;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Organisations;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Components.Shared;

namespace TabbPortal.Tests.Components;

public sealed class AccountFormTests : SwedishFormTestContext
{
    private const string StrongPassword = "Sommarlov2025";
    private const string EmailError = "#account-email-error";
    private static readonly Guid FlenId = Guid.NewGuid();
    private static readonly Guid RegionId = Guid.NewGuid();
    private static readonly Guid SchoolId = Guid.NewGuid();
    private static readonly Guid ChildHealthId = Guid.NewGuid();

    private static readonly IReadOnlyList<UnitOption> Units =
    [
        new(SchoolId, "Stenhammarskolan", "Flens kommun", Sector.School),
        new(ChildHealthId, "BVC Flen", "Region Sörmland", Sector.HealthCare),
    ];

    private readonly SaveSpy<StaffAccountInput, Typed> _save =
        new(i => new Typed(i.Id, i.DisplayName, i.Email, i.Title, i.Role, i.UnitId, i.Password), SaveResult.Saved(Guid.NewGuid()));

    private int _saved;

    public AccountFormTests()
    {
        Directory
            .WithOrganisation(FlenId, "Flens kommun", OrganisationKind.Municipality)
            .WithOrganisation(RegionId, "Region Sörmland", OrganisationKind.Region)
            .WithUnit(SchoolId, FlenId, "Stenhammarskolan")
            .WithUnit(ChildHealthId, RegionId, "BVC Flen")
            .WithAccount("user-1", "karin.berg@flen.se");
    }

    [Fact]
    public void SavesANewPractitionerWithTheTypedValuesAndClearsThePassword()
    {
        var cut = RenderForm();

        Fill(cut, "Anna Andersson", "Anna.Andersson@Flen.se", "Kurator", PortalRoles.Practitioner, SchoolId, StrongPassword);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(1, _saved), WaitTimeout);
        Assert.Equal(
            new Typed(null, "Anna Andersson", "Anna.Andersson@Flen.se", "Kurator", PortalRoles.Practitioner, SchoolId, StrongPassword),
            Assert.Single(_save.Calls));
        Assert.True(string.IsNullOrEmpty(ValueOf(cut, "#account-password")), "The password must not stay in the form after saving.");
    }

    [Fact]
    public void SavesAProcessLeaderWithoutUnit()
    {
        var cut = RenderForm();

        Fill(cut, "Per Persson", "per.persson@regionsormland.se", title: null, PortalRoles.ProcessLeader, unit: null, StrongPassword);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(1, _saved), WaitTimeout);
        var call = Assert.Single(_save.Calls);
        Assert.Equal(PortalRoles.ProcessLeader, call.Role);
        Assert.Null(call.UnitId);
    }

    [Fact]
    public void EditingWithoutANewPasswordSaves()
    {
        var input = new StaffAccountInput
        {
            Id = "user-1", DisplayName = "Karin Berg", Email = "karin.berg@flen.se", Role = PortalRoles.Practitioner, UnitId = SchoolId,
        };
        var cut = RenderForm(input);

        Assert.Equal("Ändra konto", TextOf(cut, "h2"));
        Assert.Equal("Nytt lösenord", TextOf(cut, "label[for=account-password]"));
        Assert.Equal("Lämna tomt för att behålla nuvarande lösenord.", TextOf(cut, "#account-password-hint"));
        Assert.Equal("karin.berg@flen.se", ValueOf(cut, "#account-email"));
        Assert.Equal(SchoolId.ToString(), ValueOf(cut, "#account-unit"));

        cut.Find("#account-title").Change("Skolsköterska");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(1, _saved), WaitTimeout);
        Assert.Equal(
            new Typed("user-1", "Karin Berg", "karin.berg@flen.se", "Skolsköterska", PortalRoles.Practitioner, SchoolId, null),
            Assert.Single(_save.Calls));
    }

    [Theory]
    [InlineData("anna.andersson.flen.se")]
    [InlineData("anna@flen")]
    [InlineData("anna andersson@flen.se")]
    [InlineData("anna@@flen.se")]
    public void InvalidEmailIsNotSavedAndTheOtherValuesStay(string email)
    {
        var cut = RenderForm();

        Fill(cut, "Anna Andersson", email, "Kurator", PortalRoles.Practitioner, SchoolId, StrongPassword);
        cut.Find("form").Submit();

        WaitForMessage(cut, EmailError, "Ange en giltig e-postadress, till exempel namn@kommun.se.");
        AssertNotSavedAndKept(cut, "Anna Andersson", email);
    }

    [Fact]
    public void EmptyEmailIsNotSaved()
    {
        var cut = RenderForm();

        Fill(cut, "Anna Andersson", " ", "Kurator", PortalRoles.Practitioner, SchoolId, StrongPassword);
        cut.Find("form").Submit();

        WaitForMessage(cut, EmailError, "Ange en e-postadress.");
        Assert.Empty(_save.Calls);
    }

    [Fact]
    public void TakenEmailIsNotSaved()
    {
        var cut = RenderForm();

        Fill(cut, "Anna Andersson", "Karin.Berg@flen.se", "Kurator", PortalRoles.Practitioner, SchoolId, StrongPassword);
        cut.Find("form").Submit();

        WaitForMessage(cut, EmailError, "Det finns redan ett konto med den e-postadressen.");
        AssertNotSavedAndKept(cut, "Anna Andersson", "Karin.Berg@flen.se");
    }

    [Fact]
    public void EmptyNameIsNotSaved()
    {
        var cut = RenderForm();

        Fill(cut, "   ", "anna@flen.se", "Kurator", PortalRoles.Practitioner, SchoolId, StrongPassword);
        cut.Find("form").Submit();

        WaitForMessage(cut, "#account-name-error", "Ange personens namn.");
        Assert.Empty(_save.Calls);
        Assert.Equal("anna@flen.se", ValueOf(cut, "#account-email"));
    }

    [Fact]
    public void MissingRoleIsNotSaved()
    {
        var cut = RenderForm();

        Fill(cut, "Anna Andersson", "anna@flen.se", "Kurator", role: null, SchoolId, StrongPassword);
        cut.Find("form").Submit();

        WaitForMessage(cut, "#account-role-error", "Välj en roll.");
        Assert.Empty(_save.Calls);
    }

    [Fact]
    public void PractitionerWithoutUnitIsNotSaved()
    {
        var cut = RenderForm();

        Fill(cut, "Anna Andersson", "anna@flen.se", "Kurator", PortalRoles.Practitioner, unit: null, StrongPassword);
        cut.Find("form").Submit();

        WaitForMessage(cut, "#account-unit-error", "En yrkesverksam måste höra till en enhet.");
        AssertNotSavedAndKept(cut, "Anna Andersson", "anna@flen.se", expectedUnit: string.Empty);
    }

    [Theory]
    [InlineData("kort")]
    [InlineData("sommarlov2025")]
    [InlineData("Sommarlovtabb")]
    public void WeakPasswordIsNotSaved(string password)
    {
        var cut = RenderForm();

        Fill(cut, "Anna Andersson", "anna@flen.se", "Kurator", PortalRoles.Practitioner, SchoolId, password);
        cut.Find("form").Submit();

        WaitForMessage(cut, "#account-password-error",
            "Lösenordet måste ha minst 12 tecken med stora och små bokstäver och en siffra.");
        AssertNotSavedAndKept(cut, "Anna Andersson", "anna@flen.se");
    }

    [Fact]
    public void NewAccountWithoutPasswordIsNotSaved()
    {
        var cut = RenderForm();

        Fill(cut, "Anna Andersson", "anna@flen.se", "Kurator", PortalRoles.Practitioner, SchoolId, password: null);
        cut.Find("form").Submit();

        WaitForMessage(cut, "#account-password-error", "Ange ett startlösenord.");
        AssertNotSavedAndKept(cut, "Anna Andersson", "anna@flen.se");
    }

    [Fact]
    public void AServerErrorForTheEmailIsShownAtTheEmail()
    {
        _save.Result = SaveResult.Failed(new FieldError(nameof(StaffAccountInput.Email), "Account_Email_Taken", "server text"));
        var cut = RenderForm();

        Fill(cut, "Anna Andersson", "anna@flen.se", "Kurator", PortalRoles.Practitioner, SchoolId, StrongPassword);
        cut.Find("form").Submit();

        WaitForMessage(cut, EmailError, "Det finns redan ett konto med den e-postadressen.");
        Assert.Single(_save.Calls);
        Assert.Equal(0, _saved);
        Assert.Equal("anna@flen.se", ValueOf(cut, "#account-email"));
    }

    [Fact]
    public void AConcurrencyConflictIsShownForTheWholeFormAndTheInputStays()
    {
        _save.Result = SaveResult.Failed(new FieldError(string.Empty, "Concurrency_Conflict", "server text"));
        var cut = RenderForm();

        Fill(cut, "Anna Andersson", "anna@flen.se", "Kurator", PortalRoles.Practitioner, SchoolId, StrongPassword);
        cut.Find("form").Submit();

        WaitForMessage(cut, ".form-errors[role=alert]",
            "Någon annan har sparat ändringar sedan du öppnade formuläret. Dina uppgifter finns kvar: ladda om för att se de sparade värdena.");
        Assert.Single(_save.Calls);
        Assert.Equal(0, _saved);
        Assert.Equal("Anna Andersson", ValueOf(cut, "#account-name"));
        Assert.Equal("anna@flen.se", ValueOf(cut, "#account-email"));
        Assert.Equal("Kurator", ValueOf(cut, "#account-title"));
        Assert.Equal(PortalRoles.Practitioner, ValueOf(cut, "#account-role"));
        Assert.Equal(SchoolId.ToString(), ValueOf(cut, "#account-unit"));
    }

    [Fact]
    public void OffersTheRolesInSwedish()
    {
        var cut = RenderForm();

        Assert.Equal(
            ["Välj …", "Yrkesverksam", "Processledare", "Administratör", "Logggranskare"],
            cut.FindAll("#account-role option").Select(o => o.TextContent.Trim()));
        Assert.Equal(
            ["", PortalRoles.Practitioner, PortalRoles.ProcessLeader, PortalRoles.Administrator, PortalRoles.LogReviewer],
            cut.FindAll("#account-role option").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public void OffersTheUnitsGroupedByOrganisationWithTheirSector()
    {
        var cut = RenderForm();

        Assert.Equal("Ingen enhet", TextOf(cut, "#account-unit > option"));
        var groups = cut.FindAll("#account-unit optgroup");
        Assert.Equal(["Flens kommun", "Region Sörmland"], groups.Select(g => g.GetAttribute("label")));
        var school = Assert.Single(groups[0].QuerySelectorAll("option"));
        Assert.Equal("Stenhammarskolan (Skola och förskola)", school.TextContent.Trim());
        Assert.Equal(SchoolId.ToString(), school.GetAttribute("value"));
        Assert.Equal("BVC Flen (Hälso- och sjukvård)", Assert.Single(groups[1].QuerySelectorAll("option")).TextContent.Trim());
    }

    [Theory]
    [InlineData("account-name", "Namn")]
    [InlineData("account-email", "E-postadress")]
    [InlineData("account-title", "Titel")]
    [InlineData("account-role", "Roll")]
    [InlineData("account-unit", "Enhet")]
    [InlineData("account-password", "Startlösenord")]
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
        Assert.Equal("Nytt konto", TextOf(cut, "h2"));
    }

    private IRenderedComponent<AccountForm> RenderForm(StaffAccountInput? input = null) =>
        RenderComponent<AccountForm>(p => p
            .Add(f => f.Input, input ?? new StaffAccountInput())
            .Add(f => f.Units, Units)
            .Add(f => f.Save, _save.Save)
            .Add(f => f.OnSaved, () => _saved++));

    private static void Fill(IRenderedFragment cut, string name, string email, string? title, string? role, Guid? unit, string? password)
    {
        cut.Find("#account-name").Change(name);
        cut.Find("#account-email").Change(email);
        if (title is not null)
        {
            cut.Find("#account-title").Change(title);
        }

        if (role is not null)
        {
            cut.Find("#account-role").Change(role);
        }

        if (unit is not null)
        {
            cut.Find("#account-unit").Change(unit.Value.ToString("D", CultureInfo.InvariantCulture));
        }

        if (password is not null)
        {
            cut.Find("#account-password").Change(password);
        }
    }

    private void AssertNotSavedAndKept(IRenderedFragment cut, string name, string email, string? expectedUnit = null)
    {
        Assert.Empty(_save.Calls);
        Assert.Equal(0, _saved);
        Assert.Equal(name, ValueOf(cut, "#account-name"));
        Assert.Equal(email, ValueOf(cut, "#account-email"));
        Assert.Equal("Kurator", ValueOf(cut, "#account-title"));
        Assert.Equal(PortalRoles.Practitioner, ValueOf(cut, "#account-role"));
        Assert.Equal(expectedUnit ?? SchoolId.ToString(), ValueOf(cut, "#account-unit") ?? string.Empty);
    }

    private sealed record Typed(string? Id, string DisplayName, string Email, string? Title, string Role, Guid? UnitId, string? Password);
}
