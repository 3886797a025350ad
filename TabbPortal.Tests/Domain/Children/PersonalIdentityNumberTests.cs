using TabbPortal.Domain.Children;

namespace TabbPortal.Tests.Domain.Children;

// Every number here is invented: serials like 123 with the control digit computed by WithControlDigit,
// except the hand-checked ones, which pin the Luhn rule without the helper.
public sealed class PersonalIdentityNumberTests
{
    private const string FormatError = "Pin_Format";
    private const string DateError = "Pin_Date";
    private const string FutureError = "Pin_Future";
    private const string ChecksumError = "Pin_Checksum";

    // Fixed, so that the century and future rules do not depend on the day the tests run.
    private static readonly DateOnly Today = new(2025, 6, 15);

    [Fact]
    public void TheTestHelperAppendsTheLuhnControlDigit()
    {
        // 1 2 1 2 1 2 1 2 1 weighted 2 1 2 1 ... = 2+2+2+2+2+2+2+2+2 = 18, so (10 - 8) % 10 = 2.
        Assert.Equal("121212-1212", WithControlDigit("121212-121"));
        // 0 0 0 1 0 1 1 2 3 weighted = 0+0+0+1+0+1+2+2+6 = 12, so 8.
        Assert.Equal("20000101-1238", WithControlDigit("20000101-123"));
        // 1 2 0 3 1 5 9 8 7 weighted = 2+2+0+3+2+5+(18→9)+8+(14→5) = 36, so 4.
        Assert.Equal("1203159874", WithControlDigit("120315987"));
    }

    [Theory]
    [InlineData("121212-1212", "201212121212")]
    [InlineData("19121212-1212", "191212121212")]
    [InlineData("000101-1238", "200001011238")]
    [InlineData("1203159874", "201203159874")]
    public void ParseAcceptsHandCheckedNumbers(string text, string expectedValue)
    {
        Assert.Equal(expectedValue, PersonalIdentityNumber.Parse(text, Today).Value);
    }

    [Theory]
    [InlineData("121212-1213")]
    [InlineData("000101-1239")]
    public void ParseRejectsAHandCheckedNumberWithTheWrongControlDigit(string text)
    {
        AssertRejected(text, ChecksumError);
    }

    [Theory]
    [InlineData("20120315123")]
    [InlineData("20120315-123")]
    [InlineData("120315123")]
    [InlineData("120315-123")]
    public void EveryAcceptedShapeGivesTheSameCanonicalValue(string withoutControlDigit)
    {
        var expectedValue = WithControlDigit("20120315123");

        var number = PersonalIdentityNumber.Parse(WithControlDigit(withoutControlDigit), Today);

        Assert.Equal(expectedValue, number.Value);
        Assert.Equal(new DateOnly(2012, 3, 15), number.BirthDate);
        Assert.False(number.IsCoordinationNumber);
        Assert.Equal(PersonalIdentityNumber.FromCanonical(expectedValue), number);
    }

    [Fact]
    public void TryParseGivesTheNumberAndNoErrorCodeOnSuccess()
    {
        Assert.True(PersonalIdentityNumber.TryParse(WithControlDigit("120315-123"), Today, out var number, out var errorCode));
        Assert.NotNull(number);
        Assert.Null(errorCode);
    }

    [Theory]
    [InlineData(" ", " ")]
    [InlineData("\t", "\r\n")]
    [InlineData("  ", "")]
    [InlineData("", "\u00A0")]
    public void SurroundingWhiteSpaceIsTrimmed(string before, string after)
    {
        var number = PersonalIdentityNumber.Parse(before + WithControlDigit("120315-123") + after, Today);

        Assert.Equal(WithControlDigit("20120315123"), number.Value);
    }

    [Theory]
    [InlineData("240616-123", 2024, 6, 16)] // born last year
    [InlineData("240616123", 2024, 6, 16)]
    [InlineData("260616-123", 1926, 6, 16)] // 2026 would be in the future: 99 years old
    [InlineData("260616123", 1926, 6, 16)]
    [InlineData("250615-123", 2025, 6, 15)] // born today
    [InlineData("250616-123", 1925, 6, 16)] // tomorrow this year would be in the future: turns 100 tomorrow
    public void TenDigitNumberWithoutPlusBelongsToSomeoneUnderOneHundred(string withoutControlDigit, int year, int month, int day)
    {
        var number = PersonalIdentityNumber.Parse(WithControlDigit(withoutControlDigit), Today);

        Assert.Equal(new DateOnly(year, month, day), number.BirthDate);
        Assert.InRange(number.AgeOn(Today), 0, 99);
    }

    [Theory]
    [InlineData("121212", 2012)]
    [InlineData("250615", 2025)] // with '+': exactly 100 today
    [InlineData("250616", 1925)] // with '+': 199, as 1925 is taken by the hyphen
    [InlineData("260616", 1926)]
    public void PlusPutsTheBirthOneCenturyBeforeTheHyphen(string yymmdd, int hyphenYear)
    {
        var withHyphen = PersonalIdentityNumber.Parse(WithControlDigit(yymmdd + "-123"), Today);
        var withPlus = PersonalIdentityNumber.Parse(WithControlDigit(yymmdd + "+123"), Today);

        Assert.Equal(hyphenYear, withHyphen.BirthDate.Year);
        Assert.Equal(withHyphen.BirthDate.AddYears(-100), withPlus.BirthDate);
        Assert.InRange(withPlus.AgeOn(Today), 100, 199);
    }

    [Fact]
    public void PlusNumberGetsTheEarlierCenturyInItsValue()
    {
        var number = PersonalIdentityNumber.Parse(WithControlDigit("121212+121"), Today);

        Assert.Equal(WithControlDigit("19121212121"), number.Value);
    }

    [Theory]
    [InlineData("20240229123", 2024)]
    [InlineData("20000229123", 2000)] // divisible by 400: a leap year
    [InlineData("000229-123", 2000)]
    public void LeapDayIsValidInALeapYear(string withoutControlDigit, int year)
    {
        var number = PersonalIdentityNumber.Parse(WithControlDigit(withoutControlDigit), Today);

        Assert.Equal(new DateOnly(year, 2, 29), number.BirthDate);
    }

    [Theory]
    [InlineData("20230229123")]
    [InlineData("19000229123")] // divisible by 100 but not by 400: not a leap year
    [InlineData("000229+123")] // the '+' makes it 1900
    public void LeapDayIsInvalidOutsideALeapYear(string withoutControlDigit)
    {
        AssertRejected(WithControlDigit(withoutControlDigit), DateError);
    }

    [Theory]
    [InlineData("20120375123", "20120375123", 2012, 3, 15)]
    [InlineData("20120375-123", "20120375123", 2012, 3, 15)]
    [InlineData("120375-123", "20120375123", 2012, 3, 15)]
    [InlineData("120375+123", "19120375123", 1912, 3, 15)]
    [InlineData("20120161123", "20120161123", 2012, 1, 1)] // day 61, the first coordination day
    [InlineData("20120191123", "20120191123", 2012, 1, 31)] // day 91, the last
    [InlineData("20240289123", "20240289123", 2024, 2, 29)] // leap day plus 60
    public void CoordinationNumberKeepsTheDayPlusSixtyInItsValueAndGivesTheRealBirthDate(
        string withoutControlDigit, string expectedValueWithoutControlDigit, int year, int month, int day)
    {
        var number = PersonalIdentityNumber.Parse(WithControlDigit(withoutControlDigit), Today);

        Assert.True(number.IsCoordinationNumber);
        Assert.Equal(new DateOnly(year, month, day), number.BirthDate);
        Assert.Equal(WithControlDigit(expectedValueWithoutControlDigit), number.Value);
    }

    [Theory]
    [InlineData("20120392123")] // day 92: 32 plus 60
    [InlineData("20120360123")] // day 60: neither a day nor a coordination day
    [InlineData("20120332123")] // day 32
    [InlineData("20120300123")] // day 0
    [InlineData("20121315123")] // month 13
    [InlineData("20120015123")] // month 0
    [InlineData("20120431123")] // 31 April
    [InlineData("20120491123")] // 31 April as a coordination number
    [InlineData("20230289123")] // 29 February 2023 as a coordination number
    [InlineData("00000101123")] // year 0
    [InlineData("121315-123")] // month 13, ten digits
    [InlineData("120392-123")] // day 92, ten digits
    [InlineData("120360+123")] // day 60, ten digits with '+'
    public void ImpossibleDateIsRejected(string withoutControlDigit)
    {
        AssertRejected(WithControlDigit(withoutControlDigit), DateError);
    }

    [Theory]
    [InlineData("20250616123")] // tomorrow
    [InlineData("20250616-123")]
    [InlineData("20260101123")]
    [InlineData("20250676123")] // coordination number born tomorrow
    public void BirthDateAfterTodayIsRejected(string withoutControlDigit)
    {
        AssertRejected(WithControlDigit(withoutControlDigit), FutureError);
    }

    [Fact]
    public void BirthDateTodayIsAccepted()
    {
        var number = PersonalIdentityNumber.Parse(WithControlDigit("20250615-123"), Today);

        Assert.Equal(Today, number.BirthDate);
        Assert.Equal(0, number.AgeOn(Today));
    }

    [Theory]
    [InlineData("20120315123")]
    [InlineData("20120315-123")]
    [InlineData("120315123")]
    [InlineData("120315-123")]
    [InlineData("120315+123")]
    [InlineData("120375-123")]
    public void EveryWrongControlDigitIsRejected(string withoutControlDigit)
    {
        var correct = WithControlDigit(withoutControlDigit)[^1];

        foreach (var digit in "0123456789".Where(digit => digit != correct))
        {
            AssertRejected(withoutControlDigit + digit, ChecksumError);
        }
    }

    [Theory]
    [InlineData("20990229/123", FormatError)] // bad shape, impossible date, future and wrong control digit
    [InlineData("20990229-123", DateError)] // impossible date (2099 is no leap year), future and wrong control digit
    [InlineData("20990228-123", FutureError)] // future and wrong control digit
    [InlineData("20120315-123", ChecksumError)] // only the wrong control digit
    public void ChecksAreMadeInTheOrderFormatDateFutureChecksum(string withoutControlDigit, string expectedCode)
    {
        AssertRejected(WithWrongControlDigit(withoutControlDigit), expectedCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2012O315-1234")] // a letter O for a zero
    [InlineData("120315-123X")]
    [InlineData("abcdefghijkl")]
    [InlineData("120315123")] // nine digits
    [InlineData("1")]
    [InlineData("ÅÅMMDD-NNNN")]
    public void TextThatIsNotANumberIsRejected(string? text)
    {
        AssertRejected(text, FormatError);
    }

    // Valid digits with a correct control digit: the shape is the only fault.
    [Theory]
    [InlineData("120315 123")] // inner space
    [InlineData("120315/123")]
    [InlineData("120315_123")]
    [InlineData("120315.123")]
    [InlineData("20120315 123")]
    [InlineData("20120315+123")] // '+' belongs only to the ten-digit form
    [InlineData("2012-03-15-123")]
    [InlineData("201203-15123")] // hyphen after the ten-digit date part of a twelve-digit number
    [InlineData("2012031-5123")]
    [InlineData("12031-5123")] // hyphen one place early
    [InlineData("12-0315-123")]
    [InlineData("120315--123")]
    [InlineData("-120315123")]
    [InlineData("120315123-")]
    [InlineData("+120315123")]
    [InlineData("2012031512")] // eleven digits
    [InlineData("020120315123")] // thirteen digits
    [InlineData("20120315-1234")] // five digits after the hyphen
    [InlineData("120315-1234")]
    [InlineData("0120315-123")]
    public void ValidDigitsInAShapeThatIsNotAcceptedAreRejected(string withoutControlDigit)
    {
        AssertRejected(WithControlDigit(withoutControlDigit), FormatError);
    }

    [Theory]
    [InlineData('\u0660')] // Arabic-Indic digits
    [InlineData('\uFF10')] // full-width digits
    public void DigitsOtherThanAsciiAreRejected(char zero)
    {
        var valid = WithControlDigit("120315-123");
        var text = new string(valid.Select(c => char.IsAsciiDigit(c) ? (char)(zero + (c - '0')) : c).ToArray());

        Assert.True(PersonalIdentityNumber.TryParse(valid, Today, out _, out _));
        AssertRejected(text, FormatError);
    }

    [Theory]
    [InlineData("120315123", "20120315-123")]
    [InlineData("121212+121", "19121212-121")]
    [InlineData("20120375123", "20120375-123")]
    public void ToStringWritesTwelveDigitsWithAHyphenBeforeTheLastFour(string withoutControlDigit, string expectedWithoutControlDigit)
    {
        var number = PersonalIdentityNumber.Parse(WithControlDigit(withoutControlDigit), Today);

        Assert.Equal(WithControlDigit(expectedWithoutControlDigit), number.ToString());
    }

    [Theory]
    [InlineData(2025, 3, 15, 13)] // birthday today
    [InlineData(2025, 3, 14, 12)] // the day before
    [InlineData(2025, 2, 20, 12)] // an earlier month, a later day of the month
    [InlineData(2025, 12, 31, 13)]
    [InlineData(2012, 3, 15, 0)] // the day of birth
    [InlineData(2013, 3, 14, 0)]
    [InlineData(2013, 3, 15, 1)]
    public void AgeOnCountsWholeYears(int year, int month, int day, int expectedAge)
    {
        var number = PersonalIdentityNumber.Parse(WithControlDigit("120315-123"), Today);

        Assert.Equal(expectedAge, number.AgeOn(new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData(2024, 2, 29, 24)]
    [InlineData(2024, 2, 28, 23)]
    [InlineData(2021, 2, 28, 20)] // no 29 February in 2021: the year is added on 1 March
    [InlineData(2021, 3, 1, 21)]
    public void AgeOnOfSomeoneBornOnALeapDay(int year, int month, int day, int expectedAge)
    {
        var number = PersonalIdentityNumber.Parse(WithControlDigit("20000229-123"), Today);

        Assert.Equal(expectedAge, number.AgeOn(new DateOnly(year, month, day)));
    }

    [Fact]
    public void AgeOfACoordinationNumberCountsFromTheRealBirthDate()
    {
        var number = PersonalIdentityNumber.Parse(WithControlDigit("120375-123"), Today);

        Assert.Equal(13, number.AgeOn(new DateOnly(2025, 3, 15)));
        Assert.Equal(12, number.AgeOn(new DateOnly(2025, 3, 14)));
    }

    [Fact]
    public void AgeOnADateBeforeBirthThrows()
    {
        var number = PersonalIdentityNumber.Parse(WithControlDigit("120315-123"), Today);

        Assert.Throws<ArgumentOutOfRangeException>(() => number.AgeOn(new DateOnly(2012, 3, 14)));
    }

    [Theory]
    [InlineData("20120315123")]
    [InlineData("120375-123")]
    [InlineData("121212+121")]
    [InlineData("20000229-123")]
    public void FromCanonicalReadsBackWhatParseMade(string withoutControlDigit)
    {
        var parsed = PersonalIdentityNumber.Parse(WithControlDigit(withoutControlDigit), Today);

        var readBack = PersonalIdentityNumber.FromCanonical(parsed.Value);

        Assert.Equal(parsed, readBack);
        Assert.Equal(parsed.Value, readBack.Value);
        Assert.Equal(parsed.BirthDate, readBack.BirthDate);
        Assert.Equal(parsed.IsCoordinationNumber, readBack.IsCoordinationNumber);
        Assert.Equal(parsed.ToString(), readBack.ToString());
    }

    [Theory]
    [InlineData("20120315-123")] // the display form
    [InlineData("120315123")]
    [InlineData("120315-123")]
    [InlineData("120315+123")]
    [InlineData(" 20120315123")]
    [InlineData("20120315123 ")]
    [InlineData("020120315123")]
    public void FromCanonicalRejectsAnythingButTwelveDigits(string withoutControlDigit)
    {
        var text = WithControlDigit(withoutControlDigit.TrimEnd()) + (withoutControlDigit.EndsWith(' ') ? " " : "");

        var error = Assert.Throws<FormatException>(() => PersonalIdentityNumber.FromCanonical(text));

        Assert.Equal("Ange personnumret som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.", error.Message);
    }

    [Theory]
    [InlineData("20230229123")]
    [InlineData("20121315123")]
    [InlineData("20120392123")]
    public void FromCanonicalChecksTheDateAgain(string withoutControlDigit)
    {
        var error = Assert.Throws<FormatException>(() => PersonalIdentityNumber.FromCanonical(WithControlDigit(withoutControlDigit)));

        Assert.Equal("Personnumret innehåller inget giltigt datum.", error.Message);
    }

    [Fact]
    public void FromCanonicalChecksTheControlDigitAgain()
    {
        var error = Assert.Throws<FormatException>(() => PersonalIdentityNumber.FromCanonical(WithWrongControlDigit("20120315123")));

        Assert.Equal("Kontrollsiffran stämmer inte – kontrollera personnumret.", error.Message);
    }

    [Fact]
    public void FromCanonicalOfNullThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => PersonalIdentityNumber.FromCanonical(null!));
    }

    [Theory]
    [InlineData("120315/123", false, "Ange personnumret som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.")]
    [InlineData("121315-123", false, "Personnumret innehåller inget giltigt datum.")]
    [InlineData("20250616-123", false, "Födelsedatumet ligger i framtiden.")]
    [InlineData("120315-123", true, "Kontrollsiffran stämmer inte – kontrollera personnumret.")]
    public void ParseThrowsFormatExceptionWithTheSwedishMessage(string withoutControlDigit, bool wrongControlDigit, string expectedMessage)
    {
        var text = wrongControlDigit ? WithWrongControlDigit(withoutControlDigit) : WithControlDigit(withoutControlDigit);

        var error = Assert.Throws<FormatException>(() => PersonalIdentityNumber.Parse(text, Today));

        Assert.Equal(expectedMessage, error.Message);
    }

    [Theory]
    [InlineData(FormatError, "Ange personnumret som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.")]
    [InlineData(DateError, "Personnumret innehåller inget giltigt datum.")]
    [InlineData(FutureError, "Födelsedatumet ligger i framtiden.")]
    [InlineData(ChecksumError, "Kontrollsiffran stämmer inte – kontrollera personnumret.")]
    public void MessageForGivesTheSwedishText(string errorCode, string expectedMessage)
    {
        Assert.Equal(expectedMessage, PersonalIdentityNumber.MessageFor(errorCode));
    }

    [Fact]
    public void MessageForAnUnknownCodeThrows()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PersonalIdentityNumber.MessageFor("Pin_Unknown"));
    }

    [Fact]
    public void ThePublicErrorCodeConstantsAreTheDocumentedCodes()
    {
        Assert.Equal(FormatError, PersonalIdentityNumber.FormatErrorCode);
        Assert.Equal(DateError, PersonalIdentityNumber.DateErrorCode);
        Assert.Equal(FutureError, PersonalIdentityNumber.FutureErrorCode);
        Assert.Equal(ChecksumError, PersonalIdentityNumber.ChecksumErrorCode);
    }

    private static void AssertRejected(string? text, string expectedCode)
    {
        Assert.False(PersonalIdentityNumber.TryParse(text, Today, out var number, out var errorCode), $"Accepted \"{text}\".");
        Assert.Null(number);
        Assert.Equal(expectedCode, errorCode);
    }

    /// <summary>Appends the Luhn control digit computed over the last nine digits (YYMMDDNNN), whatever else the text holds.</summary>
    private static string WithControlDigit(string withoutControlDigit) =>
        withoutControlDigit + ControlDigit(withoutControlDigit);

    private static string WithWrongControlDigit(string withoutControlDigit) =>
        withoutControlDigit + (char)('0' + ((ControlDigit(withoutControlDigit) - '0' + 5) % 10));

    private static char ControlDigit(string withoutControlDigit)
    {
        var digits = withoutControlDigit.Where(char.IsAsciiDigit).ToArray()[^9..];
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var product = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }
}
