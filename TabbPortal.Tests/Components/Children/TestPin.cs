using System.Globalization;

namespace TabbPortal.Tests.Components.Children;

/// <summary>
/// Builds Swedish personal identity numbers for tests from an invented birth date and serial, with the control digit
/// computed by Luhn (mod 10) over YYMMDDNNN. No real person's number is used.
/// </summary>
public static class TestPin
{
    /// <summary>"YYYYMMDD-NNNC" with a correct control digit.</summary>
    public static string WithCentury(DateOnly birthDate, int serial) => Format(birthDate, serial, ControlDigit(birthDate, serial), century: true);

    /// <summary>"YYMMDD-NNNC" with a correct control digit.</summary>
    public static string WithoutCentury(DateOnly birthDate, int serial) => Format(birthDate, serial, ControlDigit(birthDate, serial), century: false);

    /// <summary>The canonical twelve digits "YYYYMMDDNNNC", as the portal stores and looks the number up.</summary>
    public static string Canonical(DateOnly birthDate, int serial) => WithCentury(birthDate, serial).Replace("-", string.Empty, StringComparison.Ordinal);

    /// <summary>"YYYYMMDD-NNNC" whose control digit is off by one: right shape and date, wrong checksum.</summary>
    public static string WithWrongControlDigit(DateOnly birthDate, int serial) =>
        Format(birthDate, serial, (ControlDigit(birthDate, serial) + 1) % 10, century: true);

    /// <summary>Luhn over YYMMDDNNN: weights 2,1,2,…; digit sums; (10 - sum % 10) % 10.</summary>
    public static int ControlDigit(DateOnly birthDate, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 999);
        var nine = string.Create(CultureInfo.InvariantCulture, $"{birthDate:yyMMdd}{serial:D3}");
        var sum = 0;
        for (var i = 0; i < nine.Length; i++)
        {
            var product = (nine[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }

        return (10 - (sum % 10)) % 10;
    }

    private static string Format(DateOnly birthDate, int serial, int control, bool century) =>
        string.Create(CultureInfo.InvariantCulture, $"{birthDate.ToString(century ? "yyyyMMdd" : "yyMMdd", CultureInfo.InvariantCulture)}-{serial:D3}{control}");
}
