namespace TabbPortal.Domain.Common;

public static class Text
{
    /// <summary>Trims and collapses inner runs of white space, so that "Flen  kommun " and "Flen kommun" are one name.</summary>
    public static string Normalise(string? value) =>
        string.Join(' ', (value ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Free text as typed, line breaks kept, without surrounding white space; null when blank.</summary>
    public static string? Kept(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The normalised text, or null when nothing but white space was given.</summary>
    public static string? OrNull(string? value)
    {
        var normalised = Normalise(value);
        return normalised.Length == 0 ? null : normalised;
    }
}
