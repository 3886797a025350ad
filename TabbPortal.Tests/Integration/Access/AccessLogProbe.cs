using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Audit;
using TabbPortal.Tests.Integration.Children;

namespace TabbPortal.Tests.Integration.Access;

/// <summary>Reads the access log straight from the database, past every service: where it ends now, and what came after.</summary>
internal static class AccessLogProbe
{
    /// <summary>The id of the last entry (0 for none): entries after it were written by what follows.</summary>
    public static async Task<long> MarkAsync(PortalFactory factory)
    {
        await using var context = await DemoLookup.ContextAsync(factory);
        return await context.AccessLog.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    /// <summary>The entries after <paramref name="mark"/>, oldest first; only those of one child and/or user when given.</summary>
    public static async Task<List<AccessLogEntry>> SinceAsync(PortalFactory factory, long mark, Guid? childId = null, string? userId = null)
    {
        await using var context = await DemoLookup.ContextAsync(factory);
        var entries = context.AccessLog.AsNoTracking().Where(e => e.Id > mark);
        if (childId is { } child)
        {
            entries = entries.Where(e => e.ChildId == child);
        }

        if (userId is not null)
        {
            entries = entries.Where(e => e.UserId == userId);
        }

        return await entries.OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>One entry as a short line: "Read Plan allowed Consent" / "Write Plan denied".</summary>
    public static string Describe(AccessLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return $"{entry.Kind} {entry.Part} {(entry.Allowed ? "allowed " + entry.Basis : "denied")}";
    }
}
