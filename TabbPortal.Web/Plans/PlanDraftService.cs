using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Plans;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Plans;

public sealed record DraftView(string Field, string Value, DateTimeOffset SavedAt);

/// <summary>
/// What the signed-in user has typed in a plan but not saved, kept on the server as they type: after a lost connection
/// or a restarted server the page offers it back. A user only ever sees and changes their own drafts, of plans they may see.
/// </summary>
public sealed class PlanDraftService(IDbContextFactory<PortalDbContext> contextFactory, CurrentUser currentUser, ChildAccessGate gate, TimeProvider clock)
{
    private const int SqliteUniqueViolation = 2067; // SQLITE_CONSTRAINT_UNIQUE

    public async Task SaveAsync(Guid planId, string field, string value, CancellationToken cancellationToken = default)
    {
        var (context, userId) = await OpenAsync(planId, cancellationToken);
        await using (context)
        {
            var draft = await context.PlanDrafts.SingleOrDefaultAsync(d => d.UserId == userId && d.PlanId == planId && d.Field == field, cancellationToken);
            if (draft is null)
            {
                context.PlanDrafts.Add(PlanDraft.Start(planId, userId, field, value, clock.GetUtcNow()));
            }
            else
            {
                draft.Update(value, clock.GetUtcNow());
            }

            try
            {
                await context.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException failure) when (draft is null && failure.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteUniqueViolation })
            {
                // The same user's other tab wrote the first draft of this field a moment earlier; keep theirs, this
                // one is written by the next keystroke.
            }
        }
    }

    /// <summary>The user's drafts of the plan whose key starts with <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyList<DraftView>> ListAsync(Guid planId, string prefix, CancellationToken cancellationToken = default)
    {
        var (context, userId) = await OpenAsync(planId, cancellationToken);
        await using (context)
        {
            var drafts = await context.PlanDrafts.AsNoTracking().Where(d => d.UserId == userId && d.PlanId == planId && d.Field.StartsWith(prefix))
                .ToListAsync(cancellationToken);
            return [.. drafts.OrderBy(d => d.Field, StringComparer.Ordinal).Select(d => new DraftView(d.Field, d.Value, d.SavedAt))];
        }
    }

    /// <summary>Forgets the user's drafts of the plan whose key starts with <paramref name="prefix"/>: saved, or thrown away.</summary>
    public async Task DiscardAsync(Guid planId, string prefix, CancellationToken cancellationToken = default)
    {
        var (context, userId) = await OpenAsync(planId, cancellationToken);
        await using (context)
        {
            await context.PlanDrafts.Where(d => d.UserId == userId && d.PlanId == planId && d.Field.StartsWith(prefix)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private async Task<(PortalDbContext Context, string UserId)> OpenAsync(Guid planId, CancellationToken cancellationToken)
    {
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        // A draft is the user's own unsaved typing, kept at most once a second: checked against the gate every time,
        // not logged as a write of the record when allowed (the save that follows is); a refusal is logged, as every refusal.
        try
        {
            var childId = await context.Plans.Where(p => p.Id == planId).Select(p => (Guid?)p.ChildId).SingleOrDefaultAsync(cancellationToken)
                ?? throw new UnauthorizedAccessException("The plan does not exist or is not visible to the user.");
            await gate.CheckAsync(context, user, childId, AccessKind.Write, RecordPart.Plan, cancellationToken);
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }

        return (context, user.UserId()!);
    }
}
