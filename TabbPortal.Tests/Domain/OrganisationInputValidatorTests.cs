using TabbPortal.Domain.Organisations;
using TabbPortal.Tests.Components;

namespace TabbPortal.Tests.Domain;

public sealed class OrganisationInputValidatorTests
{
    private static readonly Guid FlenId = Guid.NewGuid();

    private readonly FakeOrganisationDirectory _directory = new FakeOrganisationDirectory()
        .WithOrganisation(FlenId, "Flens kommun", OrganisationKind.Municipality);

    private OrganisationInputValidator Validator => new(_directory);

    private static OrganisationInput Municipality(string name = "Katrineholms kommun") =>
        new() { Name = name, Kind = OrganisationKind.Municipality, SubRegion = SubRegion.North };

    [Fact]
    public async Task AcceptsAMunicipalityWithASubRegion()
    {
        ValidationAssert.Valid(await Validator.ValidateAsync(Municipality()));
    }

    [Theory]
    [InlineData(OrganisationKind.Region)]
    [InlineData(OrganisationKind.IndependentSchoolProvider)]
    public async Task AcceptsACountyWideOrganisationWithoutSubRegion(OrganisationKind kind)
    {
        var input = new OrganisationInput { Name = "Region Sörmland", Kind = kind, SubRegion = null };

        ValidationAssert.Valid(await Validator.ValidateAsync(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("   \t\n ")]
    public async Task RejectsEmptyName(string name)
    {
        var result = await Validator.ValidateAsync(Municipality(name));

        ValidationAssert.SingleError(result, nameof(OrganisationInput.Name), "Organisation_Name_Required");
    }

    [Fact]
    public async Task DoesNotLookUpAnEmptyNameInTheDirectory()
    {
        await Validator.ValidateAsync(Municipality("  "));

        Assert.DoesNotContain(_directory.Questions, q => q.StartsWith("OrganisationName:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RejectsNameLongerThanTheMaximum()
    {
        var result = await Validator.ValidateAsync(Municipality(new string('a', OrganisationInputValidator.NameMaxLength + 1)));

        ValidationAssert.SingleError(result, nameof(OrganisationInput.Name), "Organisation_Name_TooLong");
    }

    [Fact]
    public async Task AcceptsNameOfExactlyTheMaximumLength()
    {
        var result = await Validator.ValidateAsync(Municipality(new string('a', OrganisationInputValidator.NameMaxLength)));

        ValidationAssert.Valid(result);
    }

    [Fact]
    public async Task CountsTheLengthAfterTrimmingWhiteSpace()
    {
        var result = await Validator.ValidateAsync(Municipality("   " + new string('a', OrganisationInputValidator.NameMaxLength) + "   "));

        ValidationAssert.Valid(result);
    }

    [Fact]
    public async Task RejectsDuplicateName()
    {
        var result = await Validator.ValidateAsync(Municipality("Flens kommun"));

        ValidationAssert.SingleError(result, nameof(OrganisationInput.Name), "Organisation_Name_Taken");
    }

    [Fact]
    public async Task RejectsDuplicateNameThatDiffersOnlyInWhiteSpace()
    {
        var result = await Validator.ValidateAsync(Municipality("  Flens \t  kommun "));

        ValidationAssert.SingleError(result, nameof(OrganisationInput.Name), "Organisation_Name_Taken");
        Assert.Contains("OrganisationName:Flens kommun", _directory.Questions);
    }

    [Fact]
    public async Task AcceptsItsOwnNameWhenEditing()
    {
        var input = Municipality("Flens kommun");
        input.Id = FlenId;

        ValidationAssert.Valid(await Validator.ValidateAsync(input));
    }

    [Fact]
    public async Task RejectsMissingKind()
    {
        var input = new OrganisationInput { Name = "Katrineholms kommun", Kind = null, SubRegion = SubRegion.North };

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(OrganisationInput.Kind), "Organisation_Kind_Required");
    }

    [Fact]
    public async Task RejectsUndefinedKind()
    {
        var input = new OrganisationInput { Name = "Katrineholms kommun", Kind = (OrganisationKind)99, SubRegion = SubRegion.North };

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(OrganisationInput.Kind), "Organisation_Kind_Required");
    }

    [Fact]
    public async Task RejectsMunicipalityWithoutSubRegion()
    {
        var input = new OrganisationInput { Name = "Katrineholms kommun", Kind = OrganisationKind.Municipality, SubRegion = null };

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(OrganisationInput.SubRegion), "Organisation_SubRegion_Required");
        ValidationAssert.NoErrorFor(result, nameof(OrganisationInput.Kind));
    }

    [Fact]
    public async Task RejectsUndefinedSubRegion()
    {
        var input = new OrganisationInput { Name = "Katrineholms kommun", Kind = OrganisationKind.Municipality, SubRegion = (SubRegion)42 };

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.SingleError(result, nameof(OrganisationInput.SubRegion), "Organisation_SubRegion_Required");
    }

    [Fact]
    public async Task ReportsEveryBrokenRuleAtOnce()
    {
        var input = new OrganisationInput { Name = " ", Kind = null, SubRegion = null };

        var result = await Validator.ValidateAsync(input);

        ValidationAssert.HasError(result, nameof(OrganisationInput.Name), "Organisation_Name_Required");
        ValidationAssert.HasError(result, nameof(OrganisationInput.Kind), "Organisation_Kind_Required");
    }

    [Fact]
    public void RequiresADirectory()
    {
        Assert.Throws<ArgumentNullException>(() => new OrganisationInputValidator(null!));
    }
}
