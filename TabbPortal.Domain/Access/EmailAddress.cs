using System.Text.RegularExpressions;

namespace TabbPortal.Domain.Access;

/// <summary>An e-mail address, trimmed and lower-cased, checked once when it is made.</summary>
public sealed partial record EmailAddress
{
    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out EmailAddress? address)
    {
        var candidate = (text ?? string.Empty).Trim().ToLowerInvariant();
        address = candidate.Length <= 254 && Shape().IsMatch(candidate) ? new EmailAddress(candidate) : null;
        return address is not null;
    }

    public static EmailAddress Parse(string? text) =>
        TryParse(text, out var address) ? address! : throw new FormatException("Ogiltig e-postadress.");

    public override string ToString() => Value;

    // One local part, one @, a domain of dot-separated labels with a top-level label of at least two letters.
    [GeneratedRegex(@"^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[a-z0-9åäö](?:[a-z0-9åäö-]{0,61}[a-z0-9åäö])?\.)+[a-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
