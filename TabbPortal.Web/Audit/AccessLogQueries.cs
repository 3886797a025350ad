using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Common;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Audit;

/// <summary>
/// The access log for the log reviewer: filtered by child, user, unit and period, newest first. Every call checks the
/// role on the server. Looking a child up by personal identity number is itself written to the access log.
/// </summary>
public sealed class AccessLogQueries(
    IDbContextFactory<PortalDbContext> contextFactory,
    IAccessLog accessLog,
    CurrentUser currentUser,
    TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<AccessLogPage> SearchAsync(AccessLogFilter filter, int pageIndex, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await currentUser.RequireRoleAsync(PortalRoles.LogReviewer);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entries = context.AccessLog.AsNoTracking();
        if (filter.ChildId is { } childId)
        {
            entries = entries.Where(e => e.ChildId == childId);
        }

        if (!string.IsNullOrEmpty(filter.UserId))
        {
            entries = entries.Where(e => e.UserId == filter.UserId);
        }

        if (filter.UnitId is { } unitId)
        {
            entries = entries.Where(e => e.UnitId == unitId);
        }

        var (from, to) = Period.ToUtc(filter.From, filter.To, clock.LocalTimeZone);
        if (from is { } start)
        {
            entries = entries.Where(e => e.At >= start);
        }

        if (to is { } end)
        {
            entries = entries.Where(e => e.At < end);
        }

        var total = await entries.CountAsync(cancellationToken);
        var page = Math.Clamp(pageIndex, 0, Math.Max(0, (total - 1) / PageSize));
        var found = await entries.OrderByDescending(e => e.Id).Skip(page * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new AccessLogPage(await ToRowsAsync(context, found, cancellationToken), total, page, PageSize);
    }

    /// <summary>
    /// Resolves a child id typed as an id, or looked up by personal identity number. A lookup by number is written to the
    /// access log before its answer is given; if that fails, no answer is given.
    /// </summary>
    public async Task<ChildLookup> FindChildAsync(string? text, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.RequireRoleAsync(PortalRoles.LogReviewer);
        var typed = Text.Normalise(text);
        if (Guid.TryParse(typed, out var id))
        {
            return new ChildLookup(ChildLookupOutcome.Found, id);
        }

        if (!PersonalIdentityNumber.TryParse(typed, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), out var number, out _))
        {
            return new ChildLookup(ChildLookupOutcome.NotAnIdOrNumber, null);
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var childId = await context.Children.Where(c => c.PersonalIdentityNumber == number).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (childId is not { } found)
        {
            return new ChildLookup(ChildLookupOutcome.NotFound, null);
        }

        await accessLog.AppendAsync(
            new AccessLogRecord(user.UserId()!, user.DisplayName(), PortalRoles.LogReviewer, null, null, found, AccessKind.Lookup, RecordPart.Child,
                Allowed: true, AccessBasis.LogReview, "personnummer", user.SessionId()),
            cancellationToken);
        return new ChildLookup(ChildLookupOutcome.Found, found);
    }

    /// <summary>The staff accounts, for the user filter.</summary>
    public async Task<IReadOnlyList<ReviewerOption>> ListUsersAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireRoleAsync(PortalRoles.LogReviewer);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var users = await context.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        var compare = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), true);
        return [.. users.Select(u => new ReviewerOption(u.Id, $"{u.DisplayName} ({u.Email})")).OrderBy(o => o.Label, compare)];
    }

    /// <summary>The units, for the unit filter.</summary>
    public async Task<IReadOnlyList<ReviewerOption>> ListUnitsAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireRoleAsync(PortalRoles.LogReviewer);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var units = await context.Units.AsNoTracking()
            .Join(context.Organisations, u => u.OrganisationId, o => o.Id, (u, o) => new { u.Id, u.Name, Organisation = o.Name })
            .ToListAsync(cancellationToken);
        var compare = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), true);
        return [.. units.Select(u => new ReviewerOption(u.Id.ToString(), $"{u.Name}, {u.Organisation}")).OrderBy(o => o.Label, compare)];
    }

    internal static async Task<IReadOnlyList<AccessLogRow>> ToRowsAsync(PortalDbContext context, IReadOnlyList<AccessLogEntry> entries, CancellationToken cancellationToken)
    {
        var unitIds = entries.Where(e => e.UnitId is not null).Select(e => e.UnitId!.Value).Distinct().ToList();
        var units = unitIds.Count == 0
            ? []
            : await context.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        return [.. entries.Select(e => new AccessLogRow(
            e.Id, e.At, e.UserId, e.UserName, e.Role, e.UnitId is { } unit ? units.GetValueOrDefault(unit) : null, e.Agency, e.ChildId,
            e.Kind, e.Part, e.Allowed, e.Basis, e.BasisReference, e.SessionId))];
    }
}

/// <summary>A period of local dates (both days included) as a half-open UTC range.</summary>
internal static class Period
{
    public static (DateTimeOffset? From, DateTimeOffset? ToExclusive) ToUtc(DateOnly? from, DateOnly? to, TimeZoneInfo zone) =>
        (from is { } f ? StartOf(f, zone) : null, to is { } t ? StartOf(t.AddDays(1), zone) : null);

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
