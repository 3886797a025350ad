using TabbPortal.Domain.Access;

namespace TabbPortal.Tests.Domain;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("  Anna.Andersson@Flen.SE ", "anna.andersson@flen.se")]
    [InlineData("\tKARIN@REGIONSORMLAND.SE\n", "karin@regionsormland.se")]
    [InlineData("ASA@SÖRMLAND.SE", "asa@sörmland.se")]
    public void ParseTrimsAndLowerCases(string text, string expected)
    {
        var address = EmailAddress.Parse(text);

        Assert.Equal(expected, address.Value);
        Assert.Equal(expected, address.ToString());
    }

    [Fact]
    public void AddressesThatDifferOnlyInCaseAreEqual()
    {
        Assert.Equal(EmailAddress.Parse("Anna@Flen.se"), EmailAddress.Parse("anna@flen.SE"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("anna.flen.se")]
    [InlineData("anna@flen")]
    [InlineData("anna andersson@flen.se")]
    [InlineData("anna@@flen.se")]
    [InlineData("anna@kommun@flen.se")]
    [InlineData("anna@flen.se.")]
    [InlineData("anna@flen.s3")]
    public void TryParseRejectsWhatIsNotAnEmailAddress(string? text)
    {
        Assert.False(EmailAddress.TryParse(text, out var address));
        Assert.Null(address);
    }

    [Fact]
    public void ParseThrowsFormatExceptionForAnInvalidAddress()
    {
        Assert.Throws<FormatException>(() => EmailAddress.Parse("anna@flen"));
    }

    [Fact]
    public void RejectsAnAddressLongerThan254Characters()
    {
        var domain = string.Join('.', Enumerable.Repeat(new string('d', 60), 4)) + ".se";
        var text = new string('a', 254 - domain.Length) + "@" + domain;

        Assert.Equal(255, text.Length);
        Assert.False(EmailAddress.TryParse(text, out _));
        Assert.True(EmailAddress.TryParse(text[1..], out _));
    }
}
