using TabbPortal.Domain.Common;
using TabbPortal.Domain.Consent;

namespace TabbPortal.Tests.Domain.Consent;

public class EmergencyAccessTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly ConsentDocumenter Maria = new("maria", "Maria Lund", Guid.NewGuid());

    [Fact]
    public void ItLastsTheGivenTimeAndNoLonger()
    {
        var access = EmergencyAccess.Grant(Guid.NewGuid(), Maria, "Akut oro för barnets säkerhet.", Now, TimeSpan.FromHours(2));

        Assert.True(access.IsActiveAt(Now));
        Assert.True(access.IsActiveAt(Now.AddHours(2).AddTicks(-1)));
        Assert.False(access.IsActiveAt(Now.AddHours(2)));
        Assert.False(access.IsActiveAt(Now.AddTicks(-1)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("för kort")]
    public void AReasonIsRequired(string reason) =>
        Assert.Equal("Emergency_Reason_Required", Assert.Throws<DomainException>(() => EmergencyAccess.Grant(Guid.NewGuid(), Maria, reason, Now, TimeSpan.FromHours(2))).Code);

    [Fact]
    public void AReviewIsRecordedOnceWithItsConclusion()
    {
        var access = EmergencyAccess.Grant(Guid.NewGuid(), Maria, "Akut oro för barnets säkerhet.", Now, TimeSpan.FromHours(2));

        Assert.Equal("Emergency_Conclusion_Required", Assert.Throws<DomainException>(() => access.Review("ulla", "Ulla Wik", " ", Now.AddDays(1))).Code);
        access.Review("ulla", "Ulla Wik", "Befogad: barnet behövde skyddas.", Now.AddDays(1));
        Assert.Equal(("Ulla Wik", "Befogad: barnet behövde skyddas."), (access.ReviewedByName, access.ReviewConclusion));
        Assert.Equal("Emergency_AlreadyReviewed", Assert.Throws<DomainException>(() => access.Review("ulla", "Ulla Wik", "Igen.", Now.AddDays(2))).Code);
    }

    [Fact]
    public void TheFormAsksForTenCharactersAtLeast()
    {
        var validator = new EmergencyAccessInputValidator();
        ValidationAssert.SingleError(validator.Validate(new EmergencyAccessInput { Reason = "kort" }), nameof(EmergencyAccessInput.Reason), "Emergency_Reason_Required");
        ValidationAssert.Valid(validator.Validate(new EmergencyAccessInput { Reason = "Barnet är skadat och jag behöver planen." }));
    }
}
