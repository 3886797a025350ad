using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Common;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Audit;

/// <summary>One emergency access in the review queue, with the access-log entries made under it.</summary>
public sealed record EmergencyQueueItem(
    Guid Id, Guid ChildId, string UserName, string? UnitName, string Reason, DateTimeOffset GrantedAt, DateTimeOffset ExpiresAt, bool IsActive,
    DateTimeOffset? ReviewedAt, string? ReviewedByName, string? ReviewConclusion, IReadOnlyList<AccessLogRow> Entries, int EntryCount);

/// <summary>
/// The emergency-access queue for the log reviewer: unreviewed accesses first (oldest first), then the reviewed ones
/// (newest review first), each with the log entries whose basis is that access. Every call checks the role on the server.
/// </summary>
public sealed class EmergencyAccessReviewService(
    IDbContextFactory<PortalDbContext> contextFactory,
    IValidator<EmergencyReviewInput> validator,
    CurrentUser currentUser,
    TimeProvider clock)
{
    /// <summary>The entries shown per access; the full list is one click away in the log filtered by the child.</summary>
    public const int EntriesShown = 50;

    public async Task<IReadOnlyList<EmergencyQueueItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireRoleAsync(PortalRoles.LogReviewer);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var accesses = await context.EmergencyAccesses.AsNoTracking().ToListAsync(cancellationToken);
        var ordered = accesses.Where(a => a.ReviewedAt is null).OrderBy(a => a.GrantedAt)
            .Concat(accesses.Where(a => a.ReviewedAt is not null).OrderByDescending(a => a.ReviewedAt))
            .ToList();
        var unitIds = ordered.Select(a => a.UnitId).Distinct().ToList();
        var units = await context.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var now = clock.GetUtcNow();
        var items = new List<EmergencyQueueItem>(ordered.Count);
        foreach (var access in ordered)
        {
            var reference = access.Id.ToString();
            var underIt = context.AccessLog.AsNoTracking().Where(e => e.Basis == AccessBasis.Emergency && e.BasisReference == reference);
            var count = await underIt.CountAsync(cancellationToken);
            var entries = await underIt.OrderBy(e => e.Id).Take(EntriesShown).ToListAsync(cancellationToken);
            items.Add(new EmergencyQueueItem(
                access.Id, access.ChildId, access.UserName, units.GetValueOrDefault(access.UnitId), access.Reason, access.GrantedAt, access.ExpiresAt,
                access.IsActiveAt(now), access.ReviewedAt, access.ReviewedByName, access.ReviewConclusion,
                await AccessLogQueries.ToRowsAsync(context, entries, cancellationToken), count));
        }

        return items;
    }

    /// <summary>Records the conclusion once. Two reviewers at the same moment: the second is told it is already reviewed.</summary>
    public async Task<SaveResult> ReviewAsync(Guid emergencyAccessId, EmergencyReviewInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await currentUser.RequireRoleAsync(PortalRoles.LogReviewer);
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.From(validation);
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        // An immediate transaction: the second of two simultaneous reviews reads the first one's result.
        await using var transaction = await context.BeginWriteAsync(cancellationToken);
        var access = await context.EmergencyAccesses.SingleOrDefaultAsync(a => a.Id == emergencyAccessId, cancellationToken);
        if (access is null)
        {
            return SaveResult.Failed(new FieldError(string.Empty, "EmergencyReview_NotFound", "Nödåtkomsten finns inte."));
        }

        try
        {
            access.Review(user.UserId()!, user.DisplayName(), input.Conclusion!, clock.GetUtcNow());
        }
        catch (DomainException exception)
        {
            var code = exception.Code == "Emergency_AlreadyReviewed" ? "EmergencyReview_AlreadyReviewed" : exception.Code;
            return SaveResult.Failed(new FieldError(string.Empty, code, exception.Message));
        }

        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SaveResult.Saved(access.Id);
    }
}
