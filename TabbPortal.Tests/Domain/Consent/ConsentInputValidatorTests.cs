using TabbPortal.Domain.Consent;
using TabbPortal.Tests.Domain.Children;

namespace TabbPortal.Tests.Domain.Consent;

public class ConsentInputValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly Guid Mother = Guid.NewGuid();
    private static readonly ConsentInputValidator Validator = new(new FixedClock(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero)), [Mother]);

    private static ConsentInput Valid() => new()
    {
        Giver = ConsentGiver.Guardian, GuardianId = Mother, SharedWith = Agencies.School | Agencies.SocialServices, Categories = Agencies.School,
        Purpose = "Samverkan kring Noahs plan.", Form = ConsentForm.Oral, ValidFrom = Today, ValidTo = Today.AddYears(1),
    };

    [Fact]
    public void AFullConsentIsValid() => ValidationAssert.Valid(Validator.Validate(Valid()));

    [Fact]
    public void TheChildNeedsNoGuardian()
    {
        var input = Valid();
        input.Giver = ConsentGiver.Child;
        input.GuardianId = null;
        ValidationAssert.Valid(Validator.Validate(input));
    }

    [Theory]
    [InlineData(nameof(ConsentInput.Giver), "Consent_Giver_Required")]
    [InlineData(nameof(ConsentInput.GuardianId), "Consent_Guardian_Required")]
    [InlineData(nameof(ConsentInput.SharedWith), "Consent_SharedWith_Required")]
    [InlineData(nameof(ConsentInput.Categories), "Consent_Categories_Required")]
    [InlineData(nameof(ConsentInput.Purpose), "Consent_Purpose_Required")]
    [InlineData(nameof(ConsentInput.Form), "Consent_Form_Required")]
    [InlineData(nameof(ConsentInput.ValidFrom), "Consent_ValidFrom_Required")]
    [InlineData(nameof(ConsentInput.ValidTo), "Consent_ValidTo_Required")]
    public void AMissingAnswerIsNamedAtItsField(string property, string code)
    {
        var input = Valid();
        switch (property)
        {
            case nameof(ConsentInput.Giver): input.Giver = null; break;
            case nameof(ConsentInput.GuardianId): input.GuardianId = Guid.NewGuid(); break;
            case nameof(ConsentInput.SharedWith): input.SharedWith = Agencies.None; break;
            case nameof(ConsentInput.Categories): input.Categories = (Agencies)8; break;
            case nameof(ConsentInput.Purpose): input.Purpose = "   "; break;
            case nameof(ConsentInput.Form): input.Form = null; break;
            case nameof(ConsentInput.ValidFrom): input.ValidFrom = null; break;
            case nameof(ConsentInput.ValidTo): input.ValidTo = null; break;
        }

        ValidationAssert.HasError(Validator.Validate(input), property, code);
    }

    [Theory]
    [InlineData(1, 400, nameof(ConsentInput.ValidFrom), "Consent_ValidFrom_Future")]
    [InlineData(0, -1, nameof(ConsentInput.ValidTo), "Consent_ValidTo_BeforeFrom")]
    [InlineData(-10, 1200, nameof(ConsentInput.ValidTo), "Consent_ValidTo_TooLong")]
    [InlineData(-100, -1, nameof(ConsentInput.ValidTo), "Consent_ValidTo_Past")]
    public void ThePeriodIsChecked(int fromDays, int toDays, string property, string code)
    {
        var input = Valid();
        input.ValidFrom = Today.AddDays(fromDays);
        input.ValidTo = Today.AddDays(toDays);

        ValidationAssert.HasError(Validator.Validate(input), property, code);
    }

    [Fact]
    public void APurposeOverTheLimitIsRefused()
    {
        var input = Valid();
        input.Purpose = new string('x', ConsentInputValidator.PurposeMaxLength + 1);

        ValidationAssert.SingleError(Validator.Validate(input), nameof(ConsentInput.Purpose), "Consent_Purpose_TooLong");
    }
}
