using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Common;
using TabbPortal.Domain.Organisations;
using TabbPortal.Domain.Plans;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Live;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Plans;

/// <summary>
/// The child's plan for practitioners whose access the gate grants (<see cref="ChildAccessGate"/>: the joint plan needs the
/// child's consent or an emergency access). Plan-wide fields are guarded
/// by the plan's version; each action by its own, so colleagues editing different actions never block each other.
/// </summary>
public sealed partial class PlanService(
    IDbContextFactory<PortalDbContext> contextFactory,
    IValidator<ActionInput> actionValidator,
    IValidator<PlanViewsInput> viewsValidator,
    IValidator<ReviewInput> reviewValidator,
    IValidator<FixVersionInput> fixVersionValidator,
    IValidator<Domain.Meetings.MeetingInput> meetingValidator,
    CurrentUser currentUser,
    ChildAccessGate gate,
    IPlanChangePublisher publisher,
    TimeProvider clock,
    ILogger<PlanService> logger)
{
    private const string ConflictMessage =
        "Någon annan har sparat ändringar sedan du öppnade formuläret. Dina uppgifter finns kvar: ladda om för att se de sparade värdena.";

    private static readonly StringComparer Swedish = StringComparer.Create(new CultureInfo("sv-SE"), true);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>
    /// The child's open plan, or else the latest closed one; null when the child has none. Refused when the gate refuses.
    /// Opening is logged; <paramref name="refresh"/> is an open page reading again what it shows (checked, not logged again).
    /// </summary>
    public async Task<PlanDetails?> GetForChildAsync(Guid childId, bool refresh = false, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (refresh)
        {
            await gate.CheckAsync(context, user, childId, AccessKind.Read, RecordPart.Plan, cancellationToken);
        }
        else
        {
            await gate.RequireAsync(context, user, childId, AccessKind.Read, RecordPart.Plan, cancellationToken);
        }

        var planId = await context.Plans.Where(p => p.ChildId == childId)
            .OrderBy(p => p.Status == PlanStatus.Open ? 0 : 1).ThenByDescending(p => p.ClosedOn)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        return planId is { } id ? await LoadDetailsAsync(context, id, cancellationToken) : null;
    }

    /// <summary>The plan by its id, as <see cref="GetForChildAsync"/> gives it. Refused when its child is not visible.</summary>
    public async Task<PlanDetails?> GetForPlanAsync(Guid planId, CancellationToken cancellationToken = default)
    {
        await RequirePlanAsync(planId, AccessKind.Read, RecordPart.Plan, cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await LoadDetailsAsync(context, planId, cancellationToken);
    }

    public async Task<SaveResult> OpenAsync(Guid childId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await gate.RequireAsync(context, user, childId, AccessKind.Write, RecordPart.Plan, cancellationToken);
        if (await context.Plans.AnyAsync(p => p.ChildId == childId && p.Status == PlanStatus.Open, cancellationToken))
        {
            return SaveResult.Failed(new FieldError(string.Empty, "Plan_AlreadyOpen", "Barnet har redan en öppen plan."));
        }

        var plan = Plan.Open(childId, user.UserId()!, clock.GetUtcNow());
        context.Plans.Add(plan);
        context.Add(new PlanChange(plan.Id, PlanPart.Plan, null, user.UserId()!, user.DisplayName(), clock.GetUtcNow()));
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone opened one at the same moment: the unique index on open plans keeps it to one.
            return SaveResult.Failed(new FieldError(string.Empty, "Plan_AlreadyOpen", "Barnet har redan en öppen plan."));
        }

        LogPlan(logger, "opened", plan.Id, childId);
        return SaveResult.Saved(plan.Id);
    }

    public async Task<SaveResult> SaveViewsAsync(Guid planId, PlanViewsInput input, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await CheckPlanAsync(planId, AccessKind.Write, RecordPart.Plan, cancellationToken);
        var validation = await viewsValidator.ValidateAsync(input, cancellationToken);
        return validation.IsValid
            ? await ChangePlanAsync(planId, expectedVersion, plan => plan.RecordViews(input.Summary, input.ChildViews, input.ChildViewsMissingReason, input.GuardianViews, input.SummaryWithheldFromFamily), PlanPart.Views, null, cancellationToken,
                plan => PlanLiveChange.SavedItem(null, ViewsPayload(plan, expectedVersion)))
            : SaveResult.From(validation);
    }

    public Task<SaveResult> AddNeedAsync(Guid planId, string description, CancellationToken cancellationToken = default) =>
        ChangePlanAsync(planId, null, plan => plan.AddNeed(Limit(description, "Need_Description_Required", "Beskriv behovet.")), PlanPart.Need, description, cancellationToken,
            plan => PlanLiveChange.SavedItem(plan.Needs.Last().Id, new Dictionary<string, object?> { ["description"] = plan.Needs.Last().Description }));

    public Task<SaveResult> AddGoalAsync(Guid planId, Guid needId, string description, CancellationToken cancellationToken = default) =>
        ChangePlanAsync(planId, null, plan => plan.AddGoal(needId, Limit(description, "Goal_Description_Required", "Beskriv målet.")), PlanPart.Goal, description, cancellationToken);

    /// <summary>Marks a need, with its goals and actions, as withheld from the family's copy, or shows it to them again.</summary>
    public Task<SaveResult> WithholdNeedFromFamilyAsync(Guid planId, Guid needId, bool withheld, CancellationToken cancellationToken = default) =>
        ChangePlanAsync(planId, null, plan => plan.WithholdNeedFromFamily(needId, withheld), PlanPart.Need, null, cancellationToken,
            _ => PlanLiveChange.SavedItem(needId, new Dictionary<string, object?> { ["withheldFromFamily"] = withheld }));

    public async Task<SaveResult> EscalateToSipAsync(Guid planId, Guid? organisationId, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        await CheckPlanAsync(planId, AccessKind.Write, RecordPart.Plan, cancellationToken);
        await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            // The authority with overall responsibility is a municipality or the region; school is not a statutory party to a SIP.
            if (organisationId is { } id && !await context.Organisations.AnyAsync(
                    o => o.Id == id && o.IsActive && o.Kind != OrganisationKind.IndependentSchoolProvider, cancellationToken))
            {
                return SaveResult.Failed(new FieldError("OrganisationId", "Plan_Sip_ResponsibleRequired",
                    "En SIP måste ange vilken huvudman som har det övergripande ansvaret."));
            }
        }

        return await ChangePlanAsync(planId, expectedVersion, plan => plan.EscalateToSip(organisationId ?? Guid.Empty), PlanPart.Sip, null, cancellationToken);
    }

    public Task<SaveResult> ScheduleReviewAsync(Guid planId, DateOnly? on, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        ChangePlanAsync(planId, expectedVersion, plan => plan.ScheduleReview(
            on ?? throw new DomainException("Plan_Review_Required", "Ange datum för nästa uppföljning."), Today), PlanPart.Review, null, cancellationToken);

    /// <summary>Records a review: every goal judged, and the next review date set.</summary>
    public async Task<SaveResult> RecordReviewAsync(Guid planId, ReviewInput input, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await CheckPlanAsync(planId, AccessKind.Write, RecordPart.Plan, cancellationToken);
        var validation = await reviewValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.From(validation);
        }

        var user = await currentUser.GetPrincipalAsync();
        var judgements = input.Judgements.ToDictionary(j => j.Key, j => j.Value!.Value);
        return await ChangePlanAsync(planId, expectedVersion,
            plan => plan.RecordReview(input.HeldOn!.Value, user.DisplayName(), judgements, input.NextReviewOn, input.Notes, Today),
            PlanPart.Review, null, cancellationToken);
    }

    public Task<SaveResult> CloseAsync(Guid planId, string? reason, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        ChangePlanAsync(planId, expectedVersion, plan => plan.Close(reason ?? string.Empty, Today), PlanPart.Closed, reason, cancellationToken);

    public async Task<SaveResult> SetParticipantAsync(Guid planId, string? contactUserId, CancellationToken cancellationToken = default)
    {
        await CheckPlanAsync(planId, AccessKind.Write, RecordPart.Plan, cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var contact = await context.Users.Where(u => u.Id == contactUserId && u.IsActive && u.UnitId != null)
            .Select(u => new { u.Id, u.DisplayName, UnitId = u.UnitId!.Value }).SingleOrDefaultAsync(cancellationToken);
        if (contact is null)
        {
            return SaveResult.Failed(new FieldError("ContactUserId", "Role_Staff_Required", "Välj vem som ska ha rollen."));
        }

        return await ChangePlanAsync(planId, null, plan => plan.SetParticipant(contact.UnitId, contact.Id, contact.DisplayName), PlanPart.Participant, contact.DisplayName,
            cancellationToken);
    }

    /// <summary>
    /// Adds or changes an action. A change is saved only if nobody saved the same action since <paramref name="expectedVersion"/>;
    /// otherwise nothing is written and the result carries the values they saved.
    /// </summary>
    public async Task<ActionSaveResult> SaveActionAsync(Guid planId, ActionInput input, Guid? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var plan = await LoadPlanForActionAsync(context, user, planId, input.Id, cancellationToken);
        var validation = await actionValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return new(SaveResult.From(validation), null, null);
        }

        // The responsible unit must exist and be active; an unchanged one was checked when it was chosen.
        // Its name and sector go out with the change, so that the pages showing the plan need not read it again.
        var unchangedUnit = input.Id is { } editedId && plan.Actions.SingleOrDefault(a => a.Id == editedId)?.ResponsibleUnitId == input.ResponsibleUnitId;
        (string Name, Sector Sector)? unit = null;
        if (!unchangedUnit)
        {
            var found = await context.Units.Where(u => u.Id == input.ResponsibleUnitId && u.IsActive)
                .Select(u => new { u.Name, u.Type }).SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return new(SaveResult.Failed(new FieldError(nameof(ActionInput.ResponsibleUnitId), "Action_Unit_Required", "Välj ansvarig enhet.")), null, null);
            }

            unit = (found.Name, found.Type.SectorOf());
        }

        PlanAction action;
        try
        {
            if (input.Id is { } actionId)
            {
                var existing = plan.Actions.SingleOrDefault(a => a.Id == actionId);
                if (existing is null)
                {
                    return new(SaveResult.Failed(new FieldError(string.Empty, "Action_NotFound", "Insatsen finns inte längre i planen.")), null, null);
                }

                ConcurrencyTokens.ExpectOriginal(context, existing, expectedVersion ?? Guid.Empty);
                action = plan.ChangeAction(actionId, input);
            }
            else
            {
                action = plan.AddAction(input);
            }

            context.Add(new PlanChange(planId, PlanPart.Action, action.Description, user.UserId()!, user.DisplayName(), clock.GetUtcNow()));
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException rule)
        {
            return new(SaveResult.Failed(new FieldError(FieldOf(rule.Code), rule.Code, rule.Message)), null, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            var theirs = await ReadActionAsync(input.Id!.Value, cancellationToken);
            return new(SaveResult.Failed(new FieldError(string.Empty, theirs is null ? "Action_NotFound" : "Action_Conflict",
                theirs is null ? "Insatsen finns inte längre i planen." : ConflictMessage)), theirs?.Input, theirs?.Version);
        }

        LogPlan(logger, "saved an action of", planId, plan.ChildId);
        await PublishAsync(user, planId, PlanPart.Action, ConcurrencyTokens.Of(context, action),
            PlanLiveChange.SavedItem(action.Id, ActionPayload(action, input.Id is null ? null : expectedVersion ?? Guid.Empty, unit)));
        return new(SaveResult.Saved(action.Id), null, null);
    }

    public Task<SaveResult> RemoveActionAsync(Guid planId, Guid actionId, CancellationToken cancellationToken = default) =>
        ChangePlanAsync(planId, null, plan => plan.RemoveAction(actionId), PlanPart.Action, null, cancellationToken,
            _ => new PlanLiveChange(actionId, PlanChangeMessage.Removed, null));

    /// <summary>The plan's history, newest first: who changed which part and when.</summary>
    public async Task<IReadOnlyList<PlanChangeView>> HistoryAsync(Guid planId, int take = 100, CancellationToken cancellationToken = default)
    {
        // Part of the plan page, whose opening is logged: checked, not logged again.
        await CheckPlanAsync(planId, AccessKind.Read, RecordPart.Plan, cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var changes = await context.Set<PlanChange>().AsNoTracking().Where(c => c.PlanId == planId)
            .OrderByDescending(c => c.At).Take(take).ToListAsync(cancellationToken);
        return [.. changes.Select(c => new PlanChangeView(c.At, c.UserName, c.Part, c.Summary))];
    }

    private async Task<(ActionInput Input, Guid Version)?> ReadActionAsync(Guid actionId, CancellationToken cancellationToken)
    {
        await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
        var saved = await fresh.Set<PlanAction>().AsNoTracking()
            .Where(a => a.Id == actionId)
            .Select(a => new { Action = a, Version = EF.Property<Guid>(a, ConcurrencyTokens.PropertyName) })
            .SingleOrDefaultAsync(cancellationToken);
        if (saved is null)
        {
            return null;
        }

        var a = saved.Action;
        return (new ActionInput
        {
            Id = a.Id, NeedId = a.NeedId, Description = a.Description, ResponsibleUnitId = a.ResponsibleUnitId, ResponsiblePerson = a.ResponsiblePerson,
            StartOn = a.StartOn, DueOn = a.DueOn, DesiredOutcome = a.DesiredOutcome, Evidence = a.Evidence, Status = a.Status,
            WithheldFromFamily = a.WithheldFromFamily,
        }, saved.Version);
    }

    private async Task<SaveResult> ChangePlanAsync(Guid planId, Guid? expectedVersion, Action<Plan> change, PlanPart part, string? summary,
        CancellationToken cancellationToken, Func<Plan, PlanLiveChange>? live = null)
    {
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var plan = await LoadVisiblePlanAsync(context, user, planId, cancellationToken);
        if (expectedVersion is { } version)
        {
            ConcurrencyTokens.ExpectOriginal(context, plan, version);
        }

        try
        {
            change(plan);
            // The history entry is saved with the change itself, or not at all.
            context.Add(new PlanChange(planId, part, summary, user.UserId()!, user.DisplayName(), clock.GetUtcNow()));
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException rule)
        {
            return SaveResult.Failed(new FieldError(FieldOf(rule.Code), rule.Code, rule.Message));
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Failed(new FieldError(string.Empty, "Concurrency_Conflict", ConflictMessage));
        }

        LogPlan(logger, "changed", planId, plan.ChildId);
        await PublishAsync(user, planId, part, ConcurrencyTokens.Of(context, plan),
            live?.Invoke(plan) ?? PlanLiveChange.SavedItem(null, summary is null ? null : new Dictionary<string, object?> { ["summary"] = summary }));
        return SaveResult.Saved(planId);
    }

    /// <summary>Passes the gate for an operation on the plan (logged), as the signed-in practitioner.</summary>
    private async Task RequirePlanAsync(Guid planId, AccessKind kind, RecordPart part, CancellationToken cancellationToken)
    {
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await gate.RequireAsync(context, user, await ChildOfPlanAsync(context, planId, cancellationToken), kind, part, cancellationToken);
    }

    /// <summary>
    /// Checks the gate without logging an allowed access (a denial is logged): for a part of an open plan page, or before a
    /// write whose own step logs it.
    /// </summary>
    private async Task CheckPlanAsync(Guid planId, AccessKind kind, RecordPart part, CancellationToken cancellationToken)
    {
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await gate.CheckAsync(context, user, await ChildOfPlanAsync(context, planId, cancellationToken), kind, part, cancellationToken);
    }

    private static async Task<Guid> ChildOfPlanAsync(PortalDbContext context, Guid planId, CancellationToken cancellationToken) =>
        await context.Plans.Where(p => p.Id == planId).Select(p => (Guid?)p.ChildId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new UnauthorizedAccessException("The plan does not exist or is not visible to the user.");

    private async Task<Plan> LoadVisiblePlanAsync(PortalDbContext context, ClaimsPrincipal user, Guid planId, CancellationToken cancellationToken,
        RecordPart part = RecordPart.Plan)
    {
        var plan = await context.Plans
            .Include(p => p.Needs).ThenInclude(n => n.Goals)
            .Include(p => p.Actions)
            .Include(p => p.Participants)
            .Include(p => p.Reviews).ThenInclude(r => r.Goals)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw new UnauthorizedAccessException("The plan does not exist or is not visible to the user.");
        await gate.RequireAsync(context, user, plan.ChildId, AccessKind.Write, part, cancellationToken);
        return plan;
    }

    /// <summary>
    /// The plan with what saving one action needs: its needs (a new action belongs to one) and that action alone, not
    /// the whole plan. An edit during a busy meeting then reads a few rows, whatever the size of the plan.
    /// </summary>
    // The hottest read of a busy meeting (every action saved): compiled once, read in one statement (the plan, its needs
    // and at most the one action, joined).
    private static readonly CompiledPerModel<Func<PortalDbContext, Guid, Guid?, Task<Plan?>>> PlanForAction = new(() => EF.CompileAsyncQuery(
        (PortalDbContext context, Guid planId, Guid? actionId) => context.Plans
            .Include(p => p.Needs)
            .Include(p => p.Actions.Where(a => a.Id == actionId))
            .AsSingleQuery()
            .SingleOrDefault(p => p.Id == planId)));

    private async Task<Plan> LoadPlanForActionAsync(PortalDbContext context, ClaimsPrincipal user, Guid planId, Guid? actionId,
        CancellationToken cancellationToken)
    {
        var plan = await PlanForAction.For(context)(context, planId, actionId)
            ?? throw new UnauthorizedAccessException("The plan does not exist or is not visible to the user.");
        await gate.RequireAsync(context, user, plan.ChildId, AccessKind.Write, RecordPart.Plan, cancellationToken);
        return plan;
    }

    private async Task<PlanDetails> LoadDetailsAsync(PortalDbContext context, Guid planId, CancellationToken cancellationToken)
    {
        var plan = await context.Plans.AsNoTracking()
            .Include(p => p.Needs).ThenInclude(n => n.Goals)
            .Include(p => p.Participants)
            .Include(p => p.Reviews).ThenInclude(r => r.Goals)
            .AsSplitQuery()
            .SingleAsync(p => p.Id == planId, cancellationToken);
        var planVersion = await context.Plans.Where(p => p.Id == planId).Select(p => EF.Property<Guid>(p, ConcurrencyTokens.PropertyName)).SingleAsync(cancellationToken);
        var actions = await context.Set<PlanAction>().AsNoTracking()
            .Where(a => EF.Property<Guid>(a, "PlanId") == planId)
            .Select(a => new { Action = a, Version = EF.Property<Guid>(a, ConcurrencyTokens.PropertyName) })
            .ToListAsync(cancellationToken);
        var unitIds = actions.Select(a => a.Action.ResponsibleUnitId).Concat(plan.Participants.Select(p => p.UnitId)).Distinct().ToList();
        var units = await context.Units.Where(u => unitIds.Contains(u.Id))
            .Join(context.Organisations, u => u.OrganisationId, o => o.Id, (u, o) => new { Unit = u, Organisation = o.Name })
            .ToDictionaryAsync(x => x.Unit.Id, cancellationToken);
        var responsible = plan.OverallResponsibleOrganisationId is { } orgId
            ? await context.Organisations.Where(o => o.Id == orgId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var today = Today;

        return new PlanDetails(plan.Id, plan.ChildId, plan.Type, plan.Status, plan.CreatedAt, plan.Summary, plan.ChildViews,
            plan.ChildViewsMissingReason, plan.GuardianViews, responsible, plan.NextReviewOn, plan.ClosedOn, plan.ClosedReason,
            [.. plan.Needs.Select(n => new NeedView(n.Id, n.Description,
                [.. n.Goals.Select(g => new GoalView(g.Id, g.Description))],
                [.. actions.Where(a => a.Action.NeedId == n.Id).OrderBy(a => a.Action.DueOn)
                    .Select(a => new ActionView(a.Action.Id, a.Action.NeedId, a.Action.Description, a.Action.ResponsibleUnitId,
                        units[a.Action.ResponsibleUnitId].Unit.Name, units[a.Action.ResponsibleUnitId].Unit.Sector, a.Action.ResponsiblePerson,
                        a.Action.StartOn, a.Action.DueOn, a.Action.DesiredOutcome, a.Action.Evidence, a.Action.Status,
                        a.Action.IsOverdueOn(today), a.Version, a.Action.WithheldFromFamily))], n.WithheldFromFamily))],
            [.. plan.Participants.Select(p => new ParticipantView(p.UnitId, units[p.UnitId].Unit.Name, units[p.UnitId].Organisation,
                    units[p.UnitId].Unit.Sector, p.ContactName))
                .OrderBy(p => p.Sector).ThenBy(p => p.Unit, Swedish)],
            [.. plan.Reviews.OrderByDescending(r => r.HeldOn)
                .Select(r => new ReviewView(r.HeldOn, r.HeldByName, r.Notes, r.NextReviewOn, [.. r.Goals.Select(g => (g.GoalDescription, g.Judgement))]))],
            planVersion, plan.SummaryWithheldFromFamily);
    }

    private static string Limit(string text, string code, string message)
    {
        var value = Text.Kept(text) ?? throw new DomainException(code, message);
        return value.Length <= ActionInputValidator.TextMaxLength ? value : throw new DomainException("Plan_Text_TooLong", "Texten får vara högst 2 000 tecken.");
    }

    /// <summary>The input field a broken plan rule belongs to, so its message appears there.</summary>
    private static string FieldOf(string code) => code switch
    {
        "Plan_ChildViews_ReasonRequired" => nameof(PlanViewsInput.ChildViewsMissingReason),
        "Action_DueBeforeStart" => nameof(ActionInput.DueOn),
        "Action_Description_Required" => nameof(ActionInput.Description),
        "Action_Outcome_Required" => nameof(ActionInput.DesiredOutcome),
        "Plan_Sip_ResponsibleRequired" => "OrganisationId",
        "Plan_CloseReason_Required" or "Plan_CloseReason_TooLong" => "Reason",
        "Review_AllGoalsRequired" or "Review_NoGoals" => nameof(ReviewInput.Judgements),
        "Review_Next_NotAfter" => nameof(ReviewInput.NextReviewOn),
        "Review_HeldOn_Future" => nameof(ReviewInput.HeldOn),
        "PlanVersion_FixedOn_Future" or "PlanVersion_FixedOn_BeforePlan" => nameof(FixVersionInput.FixedOn),
        "PlanVersion_Attendees_Required" or "PlanVersion_Attendee_Invalid" => nameof(FixVersionInput.Attendees),
        _ => string.Empty,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "User {Verb} plan {PlanId} of child {ChildId}")]
    private static partial void LogPlan(ILogger logger, string verb, Guid planId, Guid childId);
}
