using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Assessments;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Consent;
using TabbPortal.Domain.Plans;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.DataExport;

/// <summary>
/// Builds the data subject export (registerutdrag) of one child: the one model that the readable page and the JSON
/// download both render. Only a practitioner with full access to the child may export; the gate logs the export
/// (<see cref="AccessKind.Export"/> of <see cref="RecordPart.DataExport"/>) before anything is read. Every row is read by
/// the child's id or by the ids of the child's own plans and meetings, so nothing of another child can come along.
/// </summary>
public sealed class ChildDataExport(
    IDbContextFactory<PortalDbContext> contextFactory,
    ChildAccessGate gate,
    TimeProvider clock,
    ILogger<ChildDataExport> logger)
{
    private static readonly StringComparer Swedish = StringComparer.Create(new CultureInfo("sv-SE"), true);

    /// <summary>The export of the child as <paramref name="user"/> may make it; throws <see cref="UnauthorizedAccessException"/> otherwise.</summary>
    public async Task<ChildDataExportDocument> BuildAsync(ClaimsPrincipal user, Guid childId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await RequireFullAccessAsync(context, user, childId, cancellationToken);

        var names = await Names.LoadAsync(context, cancellationToken);
        string Unit(Guid? id) => names.Unit(id);

        var child = await context.Children.AsNoTracking()
            .Include(c => c.Guardians).Include(c => c.SupportLevels).Include(c => c.Roles)
            .AsSplitQuery()
            .SingleAsync(c => c.Id == childId, cancellationToken);
        var concerns = await context.Concerns.AsNoTracking().Where(c => c.ChildId == childId).ToListAsync(cancellationToken);
        var assessments = await context.WellbeingAssessments.AsNoTracking().Include(a => a.Ratings)
            .Where(a => a.ChildId == childId).ToListAsync(cancellationToken);
        var plans = await LoadPlansAsync(context, childId, names, cancellationToken);
        var consents = await LoadConsentsAsync(context, childId, names, cancellationToken);
        var emergencies = await context.EmergencyAccesses.AsNoTracking().Where(e => e.ChildId == childId).ToListAsync(cancellationToken);
        var accessLog = await LoadAccessLogAsync(context, childId, names, cancellationToken);

        var document = new ChildDataExportDocument(
            ChildDataExportDocument.CurrentSchemaVersion,
            clock.GetUtcNow(),
            Unit(user.UnitId()),
            new ExportedChild(child.Id, child.PersonalIdentityNumber.ToString(), child.GivenName, child.FamilyName,
                names.Organisation(child.MunicipalityId), child.SchoolUnitId is { } school ? Unit(school) : null,
                Unit(child.RegisteredByUnitId), child.RegisteredAt),
            [.. child.Guardians.OrderBy(g => g.Name, Swedish).Select(g => new ExportedGuardian(g.Name, g.Relationship, g.Phone, g.Email, g.HasCustody))],
            [.. child.SupportLevels.OrderBy(p => p.From).ThenBy(p => p.To ?? DateOnly.MaxValue).Select(p => new ExportedSupportLevel(p.Level, p.From, p.To, p.Reason))],
            [.. child.Roles.OrderBy(r => r.From).ThenBy(r => r.Role).Select(r => new ExportedRole(r.Role, r.StaffName, Unit(r.UnitId), r.From, r.To, r.HandoverNote))],
            [.. concerns.OrderBy(c => c.RaisedAt).Select(c => new ExportedConcern(c.RaisedAt, c.RaisedByName, Unit(c.RaisedByUnitId), c.WhatIsInTheWay,
                c.InformationNeeded, c.WhatICanDo, c.WhatMyAgencyCanDo, c.HelpNeededFromOthers, c.Decision,
                c.HandOverToUnitId is { } to ? Unit(to) : null, c.ReportedToSocialServicesOn, c.ReportedByName))],
            [.. assessments.OrderBy(a => a.AssessedOn).ThenBy(a => a.Perspective).ThenBy(a => a.GuardianName, Swedish).Select(Assessment)],
            plans,
            consents,
            [.. emergencies.OrderBy(e => e.GrantedAt).Select(e => new ExportedEmergencyAccess(names.Unit(e.UnitId), e.Reason, e.GrantedAt, e.ExpiresAt, e.ReviewedAt))],
            accessLog);
        Log.Exported(logger, childId, plans.Count);
        return document;
    }

    /// <summary>
    /// Only a practitioner who may see the whole record exports it: the export is itself an access to every part. The gate
    /// refuses (and logs) anyone else, process leaders and administrators included.
    /// </summary>
    private async Task RequireFullAccessAsync(PortalDbContext context, ClaimsPrincipal user, Guid childId, CancellationToken cancellationToken)
    {
        var grant = await gate.RequireAsync(context, user, childId, AccessKind.Export, RecordPart.DataExport, cancellationToken);
        if (!grant.IsFull)
        {
            throw new ChildAccessDeniedException(childId, "The export needs full access to the child's record.");
        }
    }

    private static async Task<IReadOnlyList<ExportedPlan>> LoadPlansAsync(PortalDbContext context, Guid childId, Names names,
        CancellationToken cancellationToken)
    {
        var plans = await context.Plans.AsNoTracking()
            .Include(p => p.Needs).ThenInclude(n => n.Goals)
            .Include(p => p.Actions)
            .Include(p => p.Participants)
            .Include(p => p.Reviews).ThenInclude(r => r.Goals)
            .AsSplitQuery()
            .Where(p => p.ChildId == childId)
            .OrderBy(p => p.CreatedAt)
            .ToListAsync(cancellationToken);
        var planIds = plans.Select(p => p.Id).ToList();
        var history = await context.Set<PlanChange>().AsNoTracking().Where(c => planIds.Contains(c.PlanId)).ToListAsync(cancellationToken);
        var versions = await context.PlanVersions.AsNoTracking().Where(v => planIds.Contains(v.PlanId)).ToListAsync(cancellationToken);
        var meetings = await context.Meetings.AsNoTracking().Include(m => m.Decisions).Where(m => planIds.Contains(m.PlanId)).ToListAsync(cancellationToken);

        return [.. plans.Select(plan => new ExportedPlan(
            plan.Id, plan.Type, plan.Status, plan.CreatedAt, plan.Summary, plan.SummaryWithheldFromFamily, plan.ChildViews, plan.ChildViewsMissingReason,
            plan.GuardianViews, plan.OverallResponsibleOrganisationId is { } org ? names.Organisation(org) : null,
            plan.NextReviewOn, plan.ClosedOn, plan.ClosedReason,
            [.. plan.Needs.Select(n => new ExportedNeed(n.Description, n.WithheldFromFamily, [.. n.Goals.Select(g => g.Description)],
                [.. plan.Actions.Where(a => a.NeedId == n.Id).OrderBy(a => a.DueOn).ThenBy(a => a.Description, Swedish)
                    .Select(a => new ExportedAction(a.Description, names.Unit(a.ResponsibleUnitId), a.ResponsiblePerson, a.StartOn, a.DueOn, a.DesiredOutcome,
                        a.Evidence, a.Status, a.WithheldFromFamily))]))],
            [.. plan.Participants.Select(p => new ExportedParticipant(names.Unit(p.UnitId), names.OrganisationOfUnit(p.UnitId), p.ContactName))
                .OrderBy(p => p.Unit, Swedish)],
            [.. plan.Reviews.OrderBy(r => r.HeldOn).Select(r => new ExportedReview(r.HeldOn, r.HeldByName, r.Notes, r.NextReviewOn,
                [.. r.Goals.Select(g => new ExportedGoalJudgement(g.GoalDescription, g.Judgement))]))],
            [.. history.Where(c => c.PlanId == plan.Id).OrderBy(c => c.At).Select(c => new ExportedPlanChange(c.At, c.UserName, c.Part, c.Summary))],
            [.. versions.Where(v => v.PlanId == plan.Id).OrderBy(v => v.Number)
                .Select(v => new ExportedVersion(v.Number, v.FixedOn, v.FixedByName, v.Attendees, v.Snapshot))],
            [.. meetings.Where(m => m.PlanId == plan.Id).OrderBy(m => m.StartedAt).Select(m => new ExportedMeeting(m.HeldOn, m.Status, m.Agenda, m.Notes,
                m.Attendees, m.StartedByName, m.StartedAt, m.EndedAt, m.FixedVersionNumber,
                [.. m.Decisions.OrderBy(d => d.RecordedAt).Select(d => new ExportedDecision(d.Text, d.RecordedByName, d.RecordedAt, d.ActionId is not null))]))]))];
    }

    private static async Task<IReadOnlyList<ExportedConsent>> LoadConsentsAsync(PortalDbContext context, Guid childId, Names names,
        CancellationToken cancellationToken)
    {
        var entries = await context.Consents.AsNoTracking().Where(e => e.ChildId == childId).ToListAsync(cancellationToken);
        var withdrawals = (await context.ConsentWithdrawals.AsNoTracking().Where(w => w.ChildId == childId).ToListAsync(cancellationToken))
            .ToDictionary(w => w.ConsentId);
        return [.. entries.OrderBy(e => e.RecordedAt).ThenBy(e => e.GiverName, Swedish).Select(e => new ExportedConsent(
            e.Giver, e.GiverName, [.. e.SharedWith.Sectors()], [.. e.Categories.Sectors()], e.Purpose, e.Form, e.DocumentedByName,
            names.Unit(e.DocumentedByUnitId), e.ValidFrom, e.ValidTo, e.RecordedAt, e.ReplacesId is not null,
            withdrawals.TryGetValue(e.Id, out var w) ? new ExportedWithdrawal(w.WithdrawnBy, w.Note, w.WithdrawnAt, w.RecordedByName) : null))];
    }

    /// <summary>
    /// The access-log extract: every access to this child's record (this export's own included), with its unit and time,
    /// in the log's order. No staff names and no session ids.
    /// </summary>
    private static async Task<IReadOnlyList<ExportedAccess>> LoadAccessLogAsync(PortalDbContext context, Guid childId, Names names,
        CancellationToken cancellationToken)
    {
        var entries = await context.AccessLog.AsNoTracking().Where(e => e.ChildId == childId).OrderBy(e => e.Id)
            .Select(e => new { e.At, e.UnitId, e.Kind, e.Part, e.Allowed }).ToListAsync(cancellationToken);
        return [.. entries.Select(e => new ExportedAccess(e.At, names.Unit(e.UnitId), e.Kind, e.Part, e.Allowed))];
    }

    private static ExportedAssessment Assessment(WellbeingAssessment a) => new(
        a.AssessedOn, a.Perspective, a.GuardianName, a.RecordedByName,
        [.. a.Ratings.OrderBy(r => r.Indicator).Select(r => new ExportedRating(r.Indicator, r.Score, r.Comment))],
        a.MyWorld, a.Resilience);
}

/// <summary>Names of units and organisations (not personal data) by id, read once per export.</summary>
internal sealed class Names(IReadOnlyDictionary<Guid, (string Name, Guid OrganisationId)> units, IReadOnlyDictionary<Guid, string> organisations)
{
    public static async Task<Names> LoadAsync(PortalDbContext context, CancellationToken cancellationToken) => new(
        await context.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => (u.Name, u.OrganisationId), cancellationToken),
        await context.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken));

    public string Unit(Guid? id) => id is { } known && units.TryGetValue(known, out var unit) ? unit.Name : string.Empty;

    public string OrganisationOfUnit(Guid id) => units.TryGetValue(id, out var unit) ? Organisation(unit.OrganisationId) : string.Empty;

    public string Organisation(Guid id) => organisations.GetValueOrDefault(id, string.Empty);
}

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Data subject export of child {ChildId} made ({Plans} plans)")]
    public static partial void Exported(ILogger logger, Guid childId, int plans);
}
