using Microsoft.Extensions.Localization;

namespace TabbPortal.Web.Components.Shared;

public static class LocalizerExtensions
{
    /// <summary>The label of an enum value: the resource "TypeName_Value".</summary>
    public static string Enum<T>(this IStringLocalizer localizer, T value) where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[$"{typeof(T).Name}_{value}"];
    }

    public static string Role(this IStringLocalizer localizer, string role)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[$"Role_{role}"];
    }
}
