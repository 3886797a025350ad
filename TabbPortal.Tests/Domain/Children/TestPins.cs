using System.Globalization;

namespace TabbPortal.Tests.Domain.Children;

/// <summary>Invented personal identity numbers: the Luhn control digit (mod 10 over YYMMDDNNN) computed here, not by the product.</summary>
internal static class TestPins
{
    /// <summary>Appends the right control digit to a number typed without it, in any accepted shape.</summary>
    public static string WithControlDigit(string withoutControlDigit) =>
        withoutControlDigit + ControlDigit(withoutControlDigit).ToString(CultureInfo.InvariantCulture);

    /// <summary>Appends a control digit that is off by five, so it is always wrong.</summary>
    public static string WithWrongControlDigit(string withoutControlDigit) =>
        withoutControlDigit + ((ControlDigit(withoutControlDigit) + 5) % 10).ToString(CultureInfo.InvariantCulture);

    private static int ControlDigit(string withoutControlDigit)
    {
        var digits = withoutControlDigit.Where(char.IsAsciiDigit).ToArray()[^9..];
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var product = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }

        return (10 - (sum % 10)) % 10;
    }
}
