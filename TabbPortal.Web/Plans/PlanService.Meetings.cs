using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Common;
using TabbPortal.Domain.Meetings;
using TabbPortal.Domain.Plans;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Plans;

public sealed record MeetingDecisionView(Guid Id, string Text, string RecordedBy, DateTimeOffset RecordedAt, Guid? ActionId);

public sealed record MeetingView(
    Guid Id, Guid PlanId, DateOnly HeldOn, string? Agenda, string? Notes, IReadOnlyList<Attendee> Attendees, string StartedBy,
    IReadOnlyList<MeetingDecisionView> Decisions, Guid Version)
{
    /// <summary>
    /// The record as a form: the suggested people (the plan's contacts, the guardians, the child) in their usual order,
    /// ticked when present, then anyone else present. The rows keep their places whoever saves.
    /// </summary>
    public MeetingInput ToInput(IEnumerable<AttendeeInput> suggested)
    {
        ArgumentNullException.ThrowIfNull(suggested);
        var unmatched = Attendees.ToList();
        var rows = new List<AttendeeInput>();
        foreach (var suggestion in suggested)
        {
            var match = unmatched.FirstOrDefault(a => string.IsNullOrWhiteSpace(suggestion.Name)
                ? a.Kind == suggestion.Kind
                : string.Equals(a.Name, suggestion.Name, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                unmatched.Remove(match);
                rows.Add(new AttendeeInput { Present = true, Name = match.Name, Kind = match.Kind, Agency = match.Agency });
            }
            else
            {
                rows.Add(suggestion);
            }
        }

        rows.AddRange(unmatched.Select(a => new AttendeeInput { Present = true, Name = a.Name, Kind = a.Kind, Agency = a.Agency }));
        return new MeetingInput { Agenda = Agenda, Notes = Notes, Attendees = rows };
    }
}

/// <summary>The outcome of saving the meeting's record; on a conflict, what the other person saved, to merge or choose from.</summary>
public sealed record MeetingSaveResult(SaveResult Result, MeetingView? Theirs);

/// <summary>The joint meeting on a plan: started, recorded live by everyone present, its decisions turned into actions, ended with a fixed version.</summary>
public sealed partial class PlanService
{
    /// <summary>The part and kinds a meeting's changes are published as.</summary>
    public const string MeetingPart = "Meeting";
    public const string MeetingStarted = "Started";
    public const string MeetingEnded = "Ended";

    /// <summary>The plan's open meeting, or null.</summary>
    public async Task<MeetingView?> GetOpenMeetingAsync(Guid planId, CancellationToken cancellationToken = default)
    {
        await CheckPlanAsync(planId, AccessKind.Read, RecordPart.Meeting, cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ReadMeetingAsync(context, planId, cancellationToken);
    }

    public async Task<SaveResult> StartMeetingAsync(Guid planId, string? agenda, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var plan = await LoadVisiblePlanAsync(context, user, planId, cancellationToken, RecordPart.Meeting);
        if (await context.Meetings.AnyAsync(m => m.PlanId == planId && m.Status == MeetingStatus.Open, cancellationToken))
        {
            return SaveResult.Failed(new FieldError(string.Empty, "Meeting_AlreadyOpen", "Ett möte pågår redan för planen."));
        }

        try
        {
            var meeting = Meeting.Start(plan, Today, agenda, user.UserId()!, user.DisplayName(), clock.GetUtcNow(), Today);
            context.Meetings.Add(meeting);
            await context.SaveChangesAsync(cancellationToken);
            await PublishAsync(user, planId, MeetingPart, null, new PlanLiveChange(meeting.Id, MeetingStarted, null));
            return SaveResult.Saved(meeting.Id);
        }
        catch (DomainException rule)
        {
            return SaveResult.Failed(new FieldError(FieldOfMeeting(rule.Code), rule.Code, rule.Message));
        }
        catch (DbUpdateException)
        {
            // Started by someone else at the same moment: the unique index keeps one open meeting per plan.
            return SaveResult.Failed(new FieldError(string.Empty, "Meeting_AlreadyOpen", "Ett möte pågår redan för planen."));
        }
    }

    /// <summary>Saves the agenda, the notes and who is present, if nobody saved them since <paramref name="expectedVersion"/>.</summary>
    public async Task<MeetingSaveResult> SaveMeetingAsync(Guid meetingId, MeetingInput input, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await LoadVisibleMeetingAsync(context, user, meetingId, cancellationToken);
        var validation = await meetingValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return new(SaveResult.From(validation), null);
        }

        ConcurrencyTokens.ExpectOriginal(context, meeting, expectedVersion);
        try
        {
            meeting.Record(input.Agenda, input.Notes, input.Present());
            ConcurrencyTokens.Touch(context, meeting);
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException rule)
        {
            return new(SaveResult.Failed(new FieldError(FieldOfMeeting(rule.Code), rule.Code, rule.Message)), null);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
            return new(SaveResult.Failed(new FieldError(string.Empty, "Concurrency_Conflict", ConflictMessage)),
                await ReadMeetingAsync(fresh, meeting.PlanId, cancellationToken));
        }

        await PublishAsync(user, meeting.PlanId, MeetingPart, ConcurrencyTokens.Of(context, meeting), new PlanLiveChange(meeting.Id, Live.PlanChangeMessage.Saved,
            new Dictionary<string, object?> { ["agenda"] = meeting.Agenda, ["attendees"] = meeting.Attendees.Count }));
        return new(SaveResult.Saved(meeting.Id), null);
    }

    public async Task<SaveResult> AddDecisionAsync(Guid meetingId, string? text, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await LoadVisibleMeetingAsync(context, user, meetingId, cancellationToken);
        try
        {
            var decision = meeting.AddDecision(text ?? string.Empty, user.DisplayName(), clock.GetUtcNow());
            await context.SaveChangesAsync(cancellationToken);
            await PublishAsync(user, meeting.PlanId, "Decision", null, new PlanLiveChange(decision.Id, Live.PlanChangeMessage.Saved,
                new Dictionary<string, object?> { ["description"] = decision.Text }));
            return SaveResult.Saved(decision.Id);
        }
        catch (DomainException rule)
        {
            return SaveResult.Failed(new FieldError("Decision", rule.Code, rule.Message));
        }
    }

    /// <summary>Turns a decision of the meeting into an action of the plan, in one step: the action and the link are saved together.</summary>
    public async Task<ActionSaveResult> DecisionToActionAsync(Guid meetingId, Guid decisionId, ActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await LoadVisibleMeetingAsync(context, user, meetingId, cancellationToken);
        var plan = await LoadVisiblePlanAsync(context, user, meeting.PlanId, cancellationToken);
        var validation = await actionValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return new(SaveResult.From(validation), null, null);
        }

        if (!await context.Units.AnyAsync(u => u.Id == input.ResponsibleUnitId && u.IsActive, cancellationToken))
        {
            return new(SaveResult.Failed(new FieldError(nameof(ActionInput.ResponsibleUnitId), "Action_Unit_Required", "Välj ansvarig enhet.")), null, null);
        }

        PlanAction action;
        try
        {
            input.Id = null;
            action = plan.AddAction(input);
            meeting.DecisionBecameAction(decisionId, action.Id);
            context.Add(new PlanChange(plan.Id, PlanPart.Action, action.Description, user.UserId()!, user.DisplayName(), clock.GetUtcNow()));
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException rule)
        {
            return new(SaveResult.Failed(new FieldError(FieldOf(rule.Code), rule.Code, rule.Message)), null, null);
        }

        await PublishAsync(user, plan.Id, PlanPart.Action, ConcurrencyTokens.Of(context, action), PlanLiveChange.SavedItem(action.Id, ActionPayload(action)));
        return new(SaveResult.Saved(action.Id), null, null);
    }

    /// <summary>
    /// Ends the meeting and fixes the plan version agreed in it, with the meeting's day and attendance, in one transaction.
    /// Refused when the meeting's record changed since <paramref name="expectedVersion"/>: what is fixed is what the user saw.
    /// </summary>
    public async Task<SaveResult> EndMeetingAsync(Guid meetingId, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await LoadVisibleMeetingAsync(context, user, meetingId, cancellationToken);
        var plan = await LoadVisiblePlanAsync(context, user, meeting.PlanId, cancellationToken);
        ConcurrencyTokens.ExpectOriginal(context, meeting, expectedVersion);
        try
        {
            if (meeting.Attendees.Count == 0)
            {
                throw new DomainException("PlanVersion_Attendees_Required", "Ange vilka som var med när planen fastställdes.");
            }

            var details = await LoadDetailsAsync(context, plan.Id, cancellationToken);
            var number = (await context.PlanVersions.Where(v => v.PlanId == plan.Id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;
            var version = PlanVersion.Fix(plan, number, details.ToSnapshot(), meeting.HeldOn, meeting.Attendees, user.UserId()!, user.DisplayName(),
                clock.GetUtcNow(), Today);
            meeting.End(version, clock.GetUtcNow());
            context.PlanVersions.Add(version);
            context.Add(new PlanChange(plan.Id, PlanPart.Fixed, number.ToString(System.Globalization.CultureInfo.InvariantCulture), user.UserId()!,
                user.DisplayName(), clock.GetUtcNow()));
            ConcurrencyTokens.Touch(context, plan);
            ConcurrencyTokens.Touch(context, meeting);
            await context.SaveChangesAsync(cancellationToken);
            LogPlan(logger, "ended a meeting and fixed a version of", plan.Id, plan.ChildId);
            await PublishAsync(user, plan.Id, MeetingPart, ConcurrencyTokens.Of(context, plan), new PlanLiveChange(meeting.Id, MeetingEnded,
                new Dictionary<string, object?> { ["number"] = version.Number }));
            return SaveResult.Saved(version.Id);
        }
        catch (DomainException rule)
        {
            return SaveResult.Failed(new FieldError(FieldOfMeeting(rule.Code), rule.Code, rule.Message));
        }
        catch (DbUpdateException)
        {
            return SaveResult.Failed(new FieldError(string.Empty, "Concurrency_Conflict", ConflictMessage));
        }
    }

    private async Task<Meeting> LoadVisibleMeetingAsync(PortalDbContext context, System.Security.Claims.ClaimsPrincipal user, Guid meetingId,
        CancellationToken cancellationToken)
    {
        var meeting = await context.Meetings.Include(m => m.Decisions).SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken)
            ?? throw new UnauthorizedAccessException("The meeting does not exist or is not visible to the user.");
        var childId = await context.Plans.Where(p => p.Id == meeting.PlanId).Select(p => p.ChildId).SingleAsync(cancellationToken);
        await gate.RequireAsync(context, user, childId, AccessKind.Write, RecordPart.Meeting, cancellationToken);
        return meeting;
    }

    private static async Task<MeetingView?> ReadMeetingAsync(PortalDbContext context, Guid planId, CancellationToken cancellationToken)
    {
        var meeting = await context.Meetings.AsNoTracking().Include(m => m.Decisions)
            .SingleOrDefaultAsync(m => m.PlanId == planId && m.Status == MeetingStatus.Open, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var version = await context.Meetings.Where(m => m.Id == meeting.Id).Select(m => EF.Property<Guid>(m, ConcurrencyTokens.PropertyName)).SingleAsync(cancellationToken);
        return new MeetingView(meeting.Id, meeting.PlanId, meeting.HeldOn, meeting.Agenda, meeting.Notes, meeting.Attendees, meeting.StartedByName,
            [.. meeting.Decisions.OrderBy(d => d.RecordedAt).Select(d => new MeetingDecisionView(d.Id, d.Text, d.RecordedByName, d.RecordedAt, d.ActionId))],
            version);
    }

    private static string FieldOfMeeting(string code) => code switch
    {
        "Meeting_Agenda_TooLong" => nameof(MeetingInput.Agenda),
        "Meeting_Notes_TooLong" => nameof(MeetingInput.Notes),
        "PlanVersion_Attendees_Required" or "PlanVersion_Attendee_Invalid" => nameof(MeetingInput.Attendees),
        _ => FieldOf(code),
    };
}
