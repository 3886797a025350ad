using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Consent;
using TabbPortal.Domain.Organisations;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Web.Security;

/// <summary>How much of a child's record a grant opens: all of it, or only what the user's own unit recorded.</summary>
public enum ChildAccessScope
{
    Full = 1,
    OwnUnitOnly = 2,
}

/// <summary>Why and how far a user may see one child's record right now.</summary>
public sealed record ChildAccessGrant(Guid ChildId, AccessBasis Basis, ChildAccessScope Scope, string? BasisReference, DateTimeOffset? EmergencyUntil)
{
    public bool IsFull => Scope == ChildAccessScope.Full;
}

/// <summary>The access rule refused an operation on a child. The denial is in the access log before this is thrown.</summary>
public sealed class ChildAccessDeniedException(Guid childId, string message) : UnauthorizedAccessException(message)
{
    public Guid ChildId { get; } = childId;
}

public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>How long an emergency access lasts.</summary>
    public double EmergencyAccessHours { get; set; } = 2;
}

/// <summary>
/// The one place that decides who may see a child's record, and the one place every page, component action, hub
/// method, export and print goes through. A practitioner sees a child's record when
/// <list type="bullet">
/// <item>their unit is connected to the child (registered it, is its school, holds a current role, received a handed-over
/// concern, takes part in or has an action in its plan) and the child's consent covers their agency (full record); or</item>
/// <item>they hold an emergency access that has not expired (full record, marked on screen, reviewed afterwards); or</item>
/// <item>their own unit registered the child (only what the unit recorded itself: not the joint plan).</item>
/// </list>
/// Process leaders, administrators and log reviewers see no child at all. The rule is evaluated at every operation, so a
/// withdrawal or an expiry takes effect at the next one, also in an open page or a live meeting. Every allowed read or
/// write that <see cref="RequireAsync"/> lets through, and every denial, is written to the access log first; when the log
/// cannot be written the operation does not happen.
/// </summary>
public sealed class ChildAccessGate(IAccessLog log, TimeProvider clock, IOptions<AccessOptions> options, ChildAccessDecisions decisions)
{
    /// <summary>Parts of the record that belong to all agencies together and so need consent (or emergency access).</summary>
    private static readonly HashSet<RecordPart> JointParts =
        [RecordPart.Plan, RecordPart.PlanVersion, RecordPart.FamilyCopy, RecordPart.Meeting, RecordPart.Assessments, RecordPart.DataExport];

    public TimeSpan EmergencyDuration => TimeSpan.FromHours(options.Value.EmergencyAccessHours);

    /// <summary>
    /// Decides and logs an operation on a child. Returns the grant, or logs the denial and throws
    /// <see cref="ChildAccessDeniedException"/>.
    /// </summary>
    public async Task<ChildAccessGrant> RequireAsync(PortalDbContext context, ClaimsPrincipal user, Guid childId, AccessKind kind, RecordPart part,
        CancellationToken cancellationToken)
    {
        var (grant, agency) = await CheckCoreAsync(context, user, childId, kind, part, cancellationToken);
        await log.AppendAsync(Record(user, agency, childId, kind, part, grant), cancellationToken);
        return grant;
    }

    /// <summary>
    /// Decides an operation without logging it when allowed: for an open page reading again what it already shows
    /// (a live refresh is not a new opening). A denial is logged and thrown as with <see cref="RequireAsync"/>.
    /// </summary>
    public async Task<ChildAccessGrant> CheckAsync(PortalDbContext context, ClaimsPrincipal user, Guid childId, AccessKind kind, RecordPart part,
        CancellationToken cancellationToken) =>
        (await CheckCoreAsync(context, user, childId, kind, part, cancellationToken)).Grant;

    /// <summary>
    /// The rule for one child, as it stands now, without logging: the grant, or null. A decision is remembered with the
    /// child's access stamp (ADR-011) and used again only while the stamp, the user's unit and its agency, and the day are
    /// unchanged (and an emergency access has not run out); anything else decides again from the database.
    /// </summary>
    public async Task<ChildAccessGrant?> GrantAsync(PortalDbContext context, ClaimsPrincipal user, Guid childId, CancellationToken cancellationToken) =>
        (await DecideOneAsync(context, user, childId, cancellationToken)).Grant;

    private async Task<(ChildAccessGrant Grant, Sector? Agency)> CheckCoreAsync(PortalDbContext context, ClaimsPrincipal user, Guid childId,
        AccessKind kind, RecordPart part, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(user);
        var (grant, agency) = await DecideOneAsync(context, user, childId, cancellationToken);
        if (grant is null || (JointParts.Contains(part) && !grant.IsFull))
        {
            await log.AppendAsync(Record(user, agency, childId, kind, part, null), cancellationToken);
            throw new ChildAccessDeniedException(childId, $"The user may not {kind} the {part} of child {childId}.");
        }

        return (grant, agency);
    }

    private async Task<(ChildAccessGrant? Grant, Sector? Agency)> DecideOneAsync(PortalDbContext context, ClaimsPrincipal user, Guid childId,
        CancellationToken cancellationToken)
    {
        if (!IsPractitioner(user, out var userId, out var unitId))
        {
            return (null, null);
        }

        var probe = await ProbeQuery.For(context)(context, unitId, childId);
        var agency = probe?.UnitType?.SectorOf();
        if (probe?.Stamp is not { } stamp)
        {
            // No such child (or no such unit): nothing to remember.
            return (null, agency);
        }

        var key = new ChildAccessDecisions.Key(userId, unitId, childId);
        var day = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (decisions.TryGet(key, stamp, probe.UnitType, day, clock.GetUtcNow(), out var remembered))
        {
            return (remembered, agency);
        }

        // The stamp is read before the rule: a change committed in between leaves a newer decision under an older stamp,
        // which the next operation does not trust (the stamp differs) and decides again.
        var grant = (await DecideAsync(context, user, [childId], cancellationToken)).GetValueOrDefault(childId);
        decisions.Remember(key, stamp, probe.UnitType, day, grant);
        return (grant, agency);
    }

    private sealed record Probe(long? Stamp, UnitType? UnitType);

    /// <summary>
    /// One indexed read: the child's access stamp and the type of the user's unit (its agency). Every operation on a child
    /// starts with it, so it is compiled once.
    /// </summary>
    private static readonly CompiledPerModel<Func<PortalDbContext, Guid, Guid, Task<Probe?>>> ProbeQuery = new(() => EF.CompileAsyncQuery(
        (PortalDbContext context, Guid unitId, Guid childId) => context.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new Probe(
                context.Children.Where(c => c.Id == childId).Select(c => (long?)EF.Property<long>(c, AccessStamp.PropertyName)).FirstOrDefault(),
                (UnitType?)u.Type))
            .FirstOrDefault()));

    /// <summary>The children the user may see at all (any scope), for lists and search. Listing is not opening: not logged.</summary>
    public async Task<IQueryable<Child>> VisibleChildrenAsync(PortalDbContext context, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var candidates = await CandidatesAsync(context, user, cancellationToken);
        var grants = await DecideAsync(context, user, candidates, cancellationToken);
        var ids = grants.Keys.ToList();
        return context.Children.Where(c => ids.Contains(c.Id));
    }

    /// <summary>
    /// The one rule, for a batch of children. Children the user has no connection with at all are simply absent.
    /// </summary>
    public async Task<Dictionary<Guid, ChildAccessGrant>> DecideAsync(PortalDbContext context, ClaimsPrincipal user, IReadOnlyCollection<Guid> childIds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(childIds);
        var result = new Dictionary<Guid, ChildAccessGrant>();
        if (!IsPractitioner(user, out var userId, out var unitId) || childIds.Count == 0)
        {
            return result;
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var agency = await AgencyOfAsync(context, unitId, cancellationToken);
        var ids = childIds.Distinct().ToList();
        var connected = (await context.Children.Where(c => ids.Contains(c.Id)).Where(ConnectedTo(context, userId, unitId))
            .Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        var facts = await context.Children.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, OwnUnit = c.RegisteredByUnitId == unitId, Custodial = c.Guardians.Where(g => g.HasCustody).Select(g => g.Id).ToList() })
            .ToListAsync(cancellationToken);
        var consents = (await context.Consents.AsNoTracking().Where(e => ids.Contains(e.ChildId)).ToListAsync(cancellationToken)).ToLookup(e => e.ChildId);
        var withdrawals = (await context.ConsentWithdrawals.AsNoTracking().Where(w => ids.Contains(w.ChildId)).ToListAsync(cancellationToken)).ToLookup(w => w.ChildId);
        var emergencies = (await context.EmergencyAccesses.AsNoTracking().Where(e => e.UserId == userId && ids.Contains(e.ChildId)).ToListAsync(cancellationToken))
            .Where(e => e.IsActiveAt(now)).ToLookup(e => e.ChildId);

        foreach (var child in facts)
        {
            var coverage = agency is { } sector && connected.Contains(child.Id)
                ? new ConsentLedger(consents[child.Id], withdrawals[child.Id], child.Custodial).CoverageFor(sector, today)
                : null;
            var emergency = emergencies[child.Id].MaxBy(e => e.ExpiresAt);
            ChildAccessGrant? grant =
                coverage is { Covered: true } ? new(child.Id, AccessBasis.Consent, ChildAccessScope.Full, string.Join(',', coverage.RestsOn.Select(e => e.Id)), null)
                : emergency is not null ? new(child.Id, AccessBasis.Emergency, ChildAccessScope.Full, emergency.Id.ToString(), emergency.ExpiresAt)
                : child.OwnUnit ? new(child.Id, AccessBasis.OwnUnit, ChildAccessScope.OwnUnitOnly, unitId.ToString(), null)
                : null;
            if (grant is not null)
            {
                result[child.Id] = grant;
            }
        }

        return result;
    }

    /// <summary>
    /// Whether the user could ask for emergency access to the child: a practitioner for whom the child exists and who has
    /// no full access to it now.
    /// </summary>
    public async Task<bool> MayRequestEmergencyAccessAsync(PortalDbContext context, ClaimsPrincipal user, Guid childId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsPractitioner(user, out _, out _) || !await context.Children.AnyAsync(c => c.Id == childId, cancellationToken))
        {
            return false;
        }

        var grant = await GrantAsync(context, user, childId, cancellationToken);
        return grant is not { IsFull: true };
    }

    /// <summary>Writes an entry for an operation decided elsewhere in this class's terms (e.g. the emergency access itself).</summary>
    public async Task LogAsync(PortalDbContext context, ClaimsPrincipal user, Guid childId, AccessKind kind, RecordPart part, ChildAccessGrant? grant,
        CancellationToken cancellationToken) =>
        await log.AppendAsync(Record(user, await AgencyOfAsync(context, user.UnitId(), cancellationToken), childId, kind, part, grant), cancellationToken);

    private async Task<IReadOnlyCollection<Guid>> CandidatesAsync(PortalDbContext context, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!IsPractitioner(user, out var userId, out var unitId))
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var emergencyChildren = (await context.EmergencyAccesses.AsNoTracking().Where(e => e.UserId == userId).ToListAsync(cancellationToken))
            .Where(e => e.IsActiveAt(now)).Select(e => e.ChildId);
        var connected = await context.Children.Where(ConnectedTo(context, userId, unitId)).Select(c => c.Id).ToListAsync(cancellationToken);
        return connected.Union(emergencyChildren).ToList();
    }

    /// <summary>
    /// The unit's connection to a child: it registered the child, is its school, holds a current role (or the user does),
    /// received a handed-over concern, or takes part in or has an action in the child's plan. Consent lifts secrecy only
    /// towards connected units: a consent is not a licence for every school in the county.
    /// </summary>
    private static Expression<Func<Child, bool>> ConnectedTo(PortalDbContext context, string userId, Guid unitId) =>
        c => c.RegisteredByUnitId == unitId || c.SchoolUnitId == unitId
            || c.Roles.Any(r => r.To == null && (r.StaffUserId == userId || r.UnitId == unitId))
            || context.Concerns.Any(k => k.ChildId == c.Id && k.HandOverToUnitId == unitId)
            || context.Plans.Any(p => p.ChildId == c.Id && (p.Participants.Any(x => x.UnitId == unitId) || p.Actions.Any(a => a.ResponsibleUnitId == unitId)));

    private static async Task<Sector?> AgencyOfAsync(PortalDbContext context, Guid? unitId, CancellationToken cancellationToken) =>
        unitId is { } id && await context.Units.Where(u => u.Id == id).Select(u => (UnitType?)u.Type).SingleOrDefaultAsync(cancellationToken) is { } type
            ? type.SectorOf()
            : null;

    private static bool IsPractitioner(ClaimsPrincipal user, out string userId, out Guid unitId)
    {
        userId = user.UserId() ?? string.Empty;
        unitId = user.UnitId() ?? Guid.Empty;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(PortalRoles.Practitioner) && userId.Length > 0 && unitId != Guid.Empty;
    }

    private static AccessLogRecord Record(ClaimsPrincipal user, Sector? agency, Guid childId, AccessKind kind, RecordPart part, ChildAccessGrant? grant) =>
        new(user.UserId() ?? string.Empty,
            user.DisplayName(),
            PortalRoles.All.FirstOrDefault(user.IsInRole) ?? string.Empty,
            user.UnitId(),
            agency,
            childId,
            kind,
            part,
            grant is not null,
            grant?.Basis ?? AccessBasis.None,
            grant?.BasisReference,
            user.FindFirstValue(PortalClaims.SessionId));
}
