using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace TabbPortal.Web.Persistence;

/// <summary>
/// SQLite has no row version, so EF's [Timestamp] does nothing there. Entities configured with
/// <see cref="HasVersionToken{T}"/> carry a shadow Guid that is renewed on every save and compared on update:
/// the second of two saves from the same starting point fails with <see cref="DbUpdateConcurrencyException"/>.
/// </summary>
internal static class ConcurrencyTokens
{
    public const string PropertyName = "Version";

    public static void HasVersionToken<T>(this Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> builder)
        where T : class =>
        builder.Property<Guid>(PropertyName).IsConcurrencyToken();

    public static void Renew(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified
                && entry.Metadata.FindProperty(PropertyName) is { IsConcurrencyToken: true })
            {
                entry.Property(PropertyName).CurrentValue = Guid.NewGuid();
            }
        }
    }

    public static Guid Of(DbContext context, object entity) => (Guid)context.Entry(entity).Property(PropertyName).CurrentValue!;

    /// <summary>Marks the aggregate root as changed, so that its version is renewed and checked on save.</summary>
    public static void Touch(DbContext context, object entity) =>
        context.Entry(entity).Property(PropertyName).IsModified = true;

    /// <summary>Tells EF which version the user started from, so that the update only succeeds if nobody saved since.</summary>
    public static void ExpectOriginal(DbContext context, object entity, Guid version) =>
        context.Entry(entity).Property(PropertyName).OriginalValue = version;
}
