namespace TabbPortal.Domain.Common;

internal static class Text
{
    /// <summary>Trims and collapses inner runs of white space, so that "Flen  kommun " and "Flen kommun" are one name.</summary>
    public static string Normalise(string? value) =>
        string.Join(' ', (value ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
