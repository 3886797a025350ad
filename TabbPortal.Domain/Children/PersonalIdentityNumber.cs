using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace TabbPortal.Domain.Children;

/// <summary>
/// A Swedish personal identity number (personnummer) or coordination number (samordningsnummer),
/// checked once when it is made and kept as its canonical twelve digits, "YYYYMMDDNNNC".
/// </summary>
/// <remarks>
/// For a coordination number the day in <see cref="Value"/> keeps its +60 (as Skatteverket writes it);
/// <see cref="BirthDate"/> is the real date. The number identifies a person: do not log it.
/// </remarks>
public sealed record PersonalIdentityNumber
{
    /// <summary>Not one of the accepted shapes: ÅÅÅÅMMDDNNNN, ÅÅÅÅMMDD-NNNN, ÅÅMMDDNNNN, ÅÅMMDD-NNNN, ÅÅMMDD+NNNN.</summary>
    public const string FormatErrorCode = "Pin_Format";

    /// <summary>The digits do not make a valid date (a coordination number's day counts from 61).</summary>
    public const string DateErrorCode = "Pin_Date";

    /// <summary>The birth date is after the day the number was entered.</summary>
    public const string FutureErrorCode = "Pin_Future";

    /// <summary>The control digit does not match (Luhn, mod 10).</summary>
    public const string ChecksumErrorCode = "Pin_Checksum";

    private const int CoordinationDayOffset = 60;

    private PersonalIdentityNumber(string value, DateOnly birthDate, bool isCoordinationNumber)
    {
        Value = value;
        BirthDate = birthDate;
        IsCoordinationNumber = isCoordinationNumber;
    }

    /// <summary>The canonical twelve digits, "YYYYMMDDNNNC".</summary>
    public string Value { get; }

    /// <summary>The birth date; for a coordination number the day is the stored day minus 60.</summary>
    public DateOnly BirthDate { get; }

    /// <summary>True for a samordningsnummer (day 61–91).</summary>
    public bool IsCoordinationNumber { get; }

    /// <summary>
    /// Reads a number as a person types it. <paramref name="today"/> decides the century of the
    /// ten-digit forms and rejects birth dates in the future.
    /// </summary>
    /// <param name="errorCode">One of the <c>*ErrorCode</c> constants when parsing fails, otherwise null.</param>
    public static bool TryParse(
        string? text,
        DateOnly today,
        [NotNullWhen(true)] out PersonalIdentityNumber? number,
        [NotNullWhen(false)] out string? errorCode)
    {
        number = null;
        var candidate = (text ?? string.Empty).Trim();

        string canonical;
        switch (candidate.Length)
        {
            case 12 when AreDigits(candidate):
                canonical = candidate;
                break;
            case 13 when candidate[8] == '-' && AreDigits(candidate.AsSpan(0, 8)) && AreDigits(candidate.AsSpan(9)):
                canonical = string.Concat(candidate.AsSpan(0, 8), candidate.AsSpan(9));
                break;
            case 10 when AreDigits(candidate):
                errorCode = WithCentury(candidate, centenarian: false, today, out canonical);
                if (errorCode is not null)
                {
                    return false;
                }

                break;
            case 11 when candidate[6] is '-' or '+' && AreDigits(candidate.AsSpan(0, 6)) && AreDigits(candidate.AsSpan(7)):
                var tenDigits = string.Concat(candidate.AsSpan(0, 6), candidate.AsSpan(7));
                errorCode = WithCentury(tenDigits, centenarian: candidate[6] == '+', today, out canonical);
                if (errorCode is not null)
                {
                    return false;
                }

                break;
            default:
                errorCode = FormatErrorCode;
                return false;
        }

        errorCode = TryCreate(canonical, today, out number);
        return number is not null;
    }

    /// <summary>As <see cref="TryParse"/>, but throws a <see cref="FormatException"/> with a Swedish message.</summary>
    public static PersonalIdentityNumber Parse(string? text, DateOnly today) =>
        TryParse(text, today, out var number, out var errorCode) ? number : throw new FormatException(MessageFor(errorCode));

    /// <summary>
    /// Reads back the twelve stored digits. Only the canonical form is accepted; date and control digit
    /// are checked again. The future check is not repeated: it belonged to the day the number was entered.
    /// </summary>
    public static PersonalIdentityNumber FromCanonical(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        if (value.Length != 12 || !AreDigits(value))
        {
            throw new FormatException(MessageFor(FormatErrorCode));
        }

        var errorCode = TryCreate(value, today: null, out var number);
        return number ?? throw new FormatException(MessageFor(errorCode!));
    }

    /// <summary>The Swedish message for one of the <c>*ErrorCode</c> constants.</summary>
    public static string MessageFor(string errorCode)
    {
        ArgumentNullException.ThrowIfNull(errorCode);

        return errorCode switch
        {
            FormatErrorCode => "Ange personnumret som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.",
            DateErrorCode => "Personnumret innehåller inget giltigt datum.",
            FutureErrorCode => "Födelsedatumet ligger i framtiden.",
            ChecksumErrorCode => "Kontrollsiffran stämmer inte – kontrollera personnumret.",
            _ => throw new ArgumentOutOfRangeException(nameof(errorCode), errorCode, "Unknown personal identity number error code."),
        };
    }

    /// <summary>"YYYYMMDD-NNNC".</summary>
    public override string ToString() => string.Concat(Value.AsSpan(0, 8), "-", Value.AsSpan(8));

    /// <summary>
    /// Age in whole years on <paramref name="date"/>. The year is added on the birthday; someone born
    /// on 29 February gets it on 1 March in years that are not leap years.
    /// </summary>
    public int AgeOn(DateOnly date)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(date, BirthDate);

        var age = date.Year - BirthDate.Year;
        var birthdayNotYetReached = date.Month < BirthDate.Month || (date.Month == BirthDate.Month && date.Day < BirthDate.Day);
        return birthdayNotYetReached ? age - 1 : age;
    }

    /// <summary>
    /// Prefixes the century to "YYMMDDNNNC". Without '+' the person is under 100 on <paramref name="today"/>:
    /// the latest century that does not put the birth date after today. With '+' (centenarian) one century earlier.
    /// </summary>
    private static string? WithCentury(string tenDigits, bool centenarian, DateOnly today, out string canonical)
    {
        canonical = string.Empty;

        var yearInCentury = Number(tenDigits, 0, 2);
        var month = Number(tenDigits, 2, 2);
        var day = BirthDay(Number(tenDigits, 4, 2));
        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            return DateErrorCode;
        }

        var year = today.Year - (today.Year % 100) + yearInCentury;
        var afterToday = year > today.Year
            || (year == today.Year && (month > today.Month || (month == today.Month && day > today.Day)));
        if (afterToday)
        {
            year -= 100;
        }

        if (centenarian)
        {
            year -= 100;
        }

        if (year < DateOnly.MinValue.Year)
        {
            return DateErrorCode;
        }

        canonical = string.Concat(year.ToString("D4", CultureInfo.InvariantCulture), tenDigits.AsSpan(2));
        return null;
    }

    /// <summary>Checks date, future (when <paramref name="today"/> is given) and control digit, in that order.</summary>
    private static string? TryCreate(string canonical, DateOnly? today, out PersonalIdentityNumber? number)
    {
        number = null;

        var year = Number(canonical, 0, 4);
        var month = Number(canonical, 4, 2);
        var storedDay = Number(canonical, 6, 2);
        var day = BirthDay(storedDay);
        if (year < DateOnly.MinValue.Year || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return DateErrorCode;
        }

        var birthDate = new DateOnly(year, month, day);
        if (today is { } enteredOn && birthDate > enteredOn)
        {
            return FutureErrorCode;
        }

        if (canonical[11] - '0' != ControlDigit(canonical.AsSpan(2, 9)))
        {
            return ChecksumErrorCode;
        }

        number = new PersonalIdentityNumber(canonical, birthDate, storedDay != day);
        return null;
    }

    /// <summary>Luhn over YYMMDDNNN: weights 2,1,2,…, digit sums, then (10 - sum % 10) % 10.</summary>
    private static int ControlDigit(ReadOnlySpan<char> nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < nineDigits.Length; i++)
        {
            var product = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>A coordination number's day 61–91 is the birth day plus 60; any other day is taken as it is.</summary>
    private static int BirthDay(int storedDay) =>
        storedDay is > CoordinationDayOffset and <= CoordinationDayOffset + 31 ? storedDay - CoordinationDayOffset : storedDay;

    private static int Number(string digits, int start, int length) =>
        int.Parse(digits.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture);

    // ASCII only: char.IsDigit would let Arabic-Indic or full-width digits through.
    private static bool AreDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
