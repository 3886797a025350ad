using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TabbPortal.Web.Persistence.Configurations;

/// <summary>
/// A value stored whole in one JSON column: a fixed version's snapshot, a list of people present. The values are
/// immutable and replaced whole when they change, so EF compares them by reference. Enums are stored by name, so a
/// stored value reads the same whatever their numbers become.
/// </summary>
internal static class JsonColumns
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General) { Converters = { new JsonStringEnumConverter() } };

    public static PropertyBuilder<T> StoredAsJson<T>(this PropertyBuilder<T> property, Func<T> whenEmpty)
        where T : class =>
        property.HasConversion(
            value => JsonSerializer.Serialize(value, Json),
            json => JsonSerializer.Deserialize<T>(json, Json) ?? whenEmpty(),
            new ValueComparer<T>((a, b) => ReferenceEquals(a, b), value => RuntimeHelpers.GetHashCode(value), value => value)).IsRequired();
}
