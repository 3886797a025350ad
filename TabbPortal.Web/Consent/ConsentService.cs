using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Common;
using TabbPortal.Domain.Consent;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Live;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Consent;

/// <summary>
/// The child's consent ledger and emergency access, for practitioners the <see cref="ChildAccessGate"/> lets see the
/// child. Entries are only ever added: a change is a new entry that withdraws the one it replaces.
/// </summary>
public sealed partial class ConsentService(
    IDbContextFactory<PortalDbContext> contextFactory,
    CurrentUser currentUser,
    ChildAccessGate gate,
    IPlanChangePublisher publisher,
    TimeProvider clock,
    ILogger<ConsentService> logger)
{
    /// <summary>The part a consent change is published as on the child's plans.</summary>
    public const string ConsentPart = "Consent";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<ConsentLedgerView> GetLedgerAsync(Guid childId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await gate.RequireAsync(context, user, childId, AccessKind.Read, RecordPart.Consent, cancellationToken);
        var (ledger, guardians, childName) = await LoadAsync(context, childId, cancellationToken);
        var names = guardians.ToDictionary(g => g.Id, g => g.Name);
        var entries = ledger.Entries.OrderByDescending(e => e.RecordedAt).Select(e =>
        {
            var withdrawal = ledger.WithdrawalOf(e);
            return new ConsentEntryView(e.Id, e.Giver, e.GiverName, e.SharedWith, e.Categories, e.Purpose, e.Form, e.DocumentedByName, e.ValidFrom,
                e.ValidTo, e.RecordedAt, e.IsInForce(Today, ledger.Withdrawals), withdrawal?.WithdrawnAt, withdrawal?.WithdrawnBy, withdrawal?.RecordedByName,
                withdrawal?.Note);
        }).ToList();
        var needed = ledger.NeededGivers();
        var givers = new List<ConsentGiverOption> { new(ConsentGiver.Child, null, childName, needed.Any(n => n.Giver == ConsentGiver.Child)) };
        givers.AddRange(guardians.Select(g => new ConsentGiverOption(ConsentGiver.Guardian, g.Id, g.Name, needed.Any(n => n.GuardianId == g.Id))));
        return new ConsentLedgerView(childId, entries, Coverage(ledger, names, childName), givers);
    }

    /// <summary>Today's coverage per agency, for the top of the plan; checked, not logged (the plan's opening is).</summary>
    public async Task<ConsentStatusView> GetStatusAsync(Guid childId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var grant = await gate.CheckAsync(context, user, childId, AccessKind.Read, RecordPart.Consent, cancellationToken);
        var (ledger, guardians, childName) = await LoadAsync(context, childId, cancellationToken);
        return new ConsentStatusView(Coverage(ledger, guardians.ToDictionary(g => g.Id, g => g.Name), childName), grant.EmergencyUntil);
    }

    public async Task<SaveResult> RecordAsync(Guid childId, ConsentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await gate.CheckAsync(context, user, childId, AccessKind.Write, RecordPart.Consent, cancellationToken);
        var (_, guardians, childName) = await LoadAsync(context, childId, cancellationToken);
        var validation = await new ConsentInputValidator(clock, [.. guardians.Select(g => g.Id)]).ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.From(validation);
        }

        var giverName = input.Giver == ConsentGiver.Guardian ? guardians.Single(g => g.Id == input.GuardianId).Name : childName;
        var entry = ConsentEntry.Record(childId, input, giverName, Documenter(user), clock.GetUtcNow());
        context.Consents.Add(entry);
        await gate.RequireAsync(context, user, childId, AccessKind.Write, RecordPart.Consent, cancellationToken);
        await context.SaveChangesAsync(cancellationToken);
        LogRecorded(logger, entry.Id, childId);
        await PublishAsync(context, user, childId, cancellationToken);
        return SaveResult.Saved(entry.Id);
    }

    /// <summary>Withdraws one entry. It takes effect at once: every user's next operation on the child is decided without it.</summary>
    public async Task<SaveResult> WithdrawAsync(Guid childId, Guid consentId, ConsentWithdrawalInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await gate.CheckAsync(context, user, childId, AccessKind.Write, RecordPart.Consent, cancellationToken);
        var validation = await new ConsentWithdrawalInputValidator().ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.From(validation);
        }

        var entry = await context.Consents.SingleOrDefaultAsync(e => e.Id == consentId && e.ChildId == childId, cancellationToken)
            ?? throw new UnauthorizedAccessException("The consent entry does not belong to the child.");
        if (await context.ConsentWithdrawals.AnyAsync(w => w.ConsentId == consentId, cancellationToken))
        {
            return SaveResult.Failed(new FieldError(string.Empty, "Consent_AlreadyWithdrawn", "Samtycket är redan återkallat."));
        }

        context.ConsentWithdrawals.Add(ConsentWithdrawal.Of(entry, input.WithdrawnBy!, input.Note, Documenter(user), clock.GetUtcNow()));
        await gate.RequireAsync(context, user, childId, AccessKind.Write, RecordPart.Consent, cancellationToken);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Withdrawn by someone else at the same moment: the unique index keeps one withdrawal per entry.
            return SaveResult.Failed(new FieldError(string.Empty, "Consent_AlreadyWithdrawn", "Samtycket är redan återkallat."));
        }

        LogWithdrawn(logger, consentId, childId);
        await PublishAsync(context, user, childId, cancellationToken);
        return SaveResult.Saved(consentId);
    }

    /// <summary>Whether the user could open the child's record with emergency access (they have no full access now).</summary>
    public async Task<bool> MayRequestEmergencyAccessAsync(Guid childId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetPrincipalAsync();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await gate.MayRequestEmergencyAccessAsync(context, user, childId, cancellationToken);
    }

    /// <summary>
    /// Opens the child's record by emergency access after the user stated why. It lasts <see cref="ChildAccessGate.EmergencyDuration"/>,
    /// is logged with its reason's entry as the basis, and waits in the log reviewers' queue.
    /// </summary>
    public async Task<SaveResult> RequestEmergencyAccessAsync(Guid childId, EmergencyAccessInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await gate.MayRequestEmergencyAccessAsync(context, user, childId, cancellationToken))
        {
            throw new UnauthorizedAccessException("Emergency access is not available to the user for this child.");
        }

        var validation = await new EmergencyAccessInputValidator().ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.From(validation);
        }

        var access = EmergencyAccess.Grant(childId, Documenter(user), input.Reason!, clock.GetUtcNow(), gate.EmergencyDuration);
        context.EmergencyAccesses.Add(access);
        await gate.LogAsync(context, user, childId, AccessKind.Write, RecordPart.EmergencyAccess,
            new ChildAccessGrant(childId, AccessBasis.Emergency, ChildAccessScope.Full, access.Id.ToString(), access.ExpiresAt), cancellationToken);
        await context.SaveChangesAsync(cancellationToken);
        LogEmergency(logger, access.Id, childId);
        return SaveResult.Saved(access.Id);
    }

    /// <summary>
    /// Emergency access for a child the user cannot find among their own: by the full personal identity number and a
    /// reason. Returns the child's id when granted (or when the user already has full access). A number that is not
    /// registered is told at the field; it reveals nothing the user did not type.
    /// </summary>
    public async Task<SaveResult> RequestEmergencyAccessByNumberAsync(string? number, EmergencyAccessInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        var validation = await new EmergencyAccessInputValidator().ValidateAsync(input, cancellationToken);
        var errors = validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorCode, e.ErrorMessage)).ToList();
        Guid? childId = null;
        if (!Domain.Children.PersonalIdentityNumber.TryParse(Text.Normalise(number), Today, out var parsed, out _))
        {
            errors.Add(new FieldError("PersonalIdentityNumber", "Emergency_Number_Invalid", "Ange barnets hela personnummer eller samordningsnummer."));
        }
        else
        {
            await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
            childId = await context.Children.Where(c => c.PersonalIdentityNumber == parsed).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
            if (childId is null)
            {
                errors.Add(new FieldError("PersonalIdentityNumber", "Emergency_Child_NotFound", "Inget barn med det numret finns i portalen."));
            }
        }

        if (errors.Count > 0)
        {
            return SaveResult.Failed([.. errors]);
        }

        if (!await MayRequestEmergencyAccessAsync(childId!.Value, cancellationToken))
        {
            // The user already sees the whole record: no emergency access is needed, or recorded.
            return SaveResult.Saved(childId.Value);
        }

        var granted = await RequestEmergencyAccessAsync(childId.Value, input, cancellationToken);
        return granted.Succeeded ? SaveResult.Saved(childId.Value) : granted;
    }

    private static async Task<(ConsentLedger Ledger, List<GuardianRow> Guardians, string ChildName)> LoadAsync(PortalDbContext context, Guid childId,
        CancellationToken cancellationToken)
    {
        var child = await context.Children.AsNoTracking().Where(c => c.Id == childId)
            .Select(c => new { c.GivenName, c.FamilyName, Guardians = c.Guardians.Select(g => new GuardianRow(g.Id, g.Name, g.HasCustody)).ToList() })
            .SingleAsync(cancellationToken);
        var entries = await context.Consents.AsNoTracking().Where(e => e.ChildId == childId).ToListAsync(cancellationToken);
        var withdrawals = await context.ConsentWithdrawals.AsNoTracking().Where(w => w.ChildId == childId).ToListAsync(cancellationToken);
        return (new ConsentLedger(entries, withdrawals, child.Guardians.Where(g => g.HasCustody).Select(g => g.Id)), child.Guardians,
            $"{child.GivenName} {child.FamilyName}");
    }

    private List<AgencyCoverageView> Coverage(ConsentLedger ledger, Dictionary<Guid, string> guardianNames, string childName) =>
        [.. ledger.StatusOn(Today).Select(c => new AgencyCoverageView(c.Agency, c.Covered, c.Until, c.Categories,
            [.. c.Missing.Select(m => m.GuardianId is { } g ? guardianNames.GetValueOrDefault(g, string.Empty) : childName)]))];

    /// <summary>Open plan pages of the child are told, so each checks its access again at once.</summary>
    private async Task PublishAsync(PortalDbContext context, System.Security.Claims.ClaimsPrincipal user, Guid childId, CancellationToken cancellationToken)
    {
        var planIds = await context.Plans.Where(p => p.ChildId == childId).Select(p => p.Id).ToListAsync(cancellationToken);
        foreach (var planId in planIds)
        {
            try
            {
                await publisher.PublishAsync(new PlanChangeMessage(planId, ConsentPart, null, PlanChangeMessage.Saved, null, user.UserId()!,
                    user.DisplayName(), clock.GetUtcNow(), null), cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogPublishFailed(logger, failure, planId);
            }
        }
    }

    private static ConsentDocumenter Documenter(System.Security.Claims.ClaimsPrincipal user) =>
        new(user.UserId()!, user.DisplayName(), user.UnitId() ?? throw new UnauthorizedAccessException("A practitioner without a unit cannot act on children."));

    private sealed record GuardianRow(Guid Id, string Name, bool HasCustody);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded consent {ConsentId} for child {ChildId}")]
    private static partial void LogRecorded(ILogger logger, Guid consentId, Guid childId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Withdrew consent {ConsentId} for child {ChildId}")]
    private static partial void LogWithdrawn(ILogger logger, Guid consentId, Guid childId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Emergency access {EmergencyAccessId} granted for child {ChildId}")]
    private static partial void LogEmergency(ILogger logger, Guid emergencyAccessId, Guid childId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing a consent change to plan {PlanId} failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception failure, Guid planId);
}
