using TabbPortal.Domain.Access;

namespace TabbPortal.Tests.Domain;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("Sommarlov2025")]
    [InlineData("Tolv1Tecken!")]
    [InlineData("ÅÄÖåäö123456")]
    public void AcceptsAPasswordWithLengthCapitalSmallLetterAndDigit(string password)
    {
        Assert.True(PasswordPolicy.IsStrongEnough(password));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Elva1Tecken")]
    [InlineData("sommarlov2025")]
    [InlineData("SOMMARLOV2025")]
    [InlineData("Sommarlovtabb")]
    [InlineData("123456789012")]
    public void RejectsAWeakPassword(string? password)
    {
        Assert.False(PasswordPolicy.IsStrongEnough(password));
    }

    [Fact]
    public void AcceptsExactlyTheMinimumLengthAndNotOneLess()
    {
        Assert.True(PasswordPolicy.IsStrongEnough("Aa1" + new string('x', PasswordPolicy.MinimumLength - 3)));
        Assert.False(PasswordPolicy.IsStrongEnough("Aa1" + new string('x', PasswordPolicy.MinimumLength - 4)));
    }

    [Fact]
    public void AcceptsExactlyTheMaximumLengthAndNotOneMore()
    {
        Assert.True(PasswordPolicy.IsStrongEnough("Aa1" + new string('x', PasswordPolicy.MaximumLength - 3)));
        Assert.False(PasswordPolicy.IsStrongEnough("Aa1" + new string('x', PasswordPolicy.MaximumLength - 2)));
    }

    [Fact]
    public void LocksOutAfterFiveFailedAttemptsForFifteenMinutes()
    {
        Assert.Equal(5, PasswordPolicy.MaxFailedAttempts);
        Assert.Equal(TimeSpan.FromMinutes(15), PasswordPolicy.LockoutDuration);
    }
}
