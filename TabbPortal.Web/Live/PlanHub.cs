using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Live;
using TabbPortal.Domain.Plans;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Plans;
using Microsoft.AspNetCore.Components.Authorization;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Live;

/// <summary>
/// The live joint meeting for clients other than the portal's own pages: join a plan the user may see, learn who else
/// is on it, mark the field one is editing, and save edits. An edit takes the same path as on the plan page: the plan
/// service validates it in the domain, saves it with optimistic concurrency and publishes it to everyone on the plan.
/// Every method is checked on the server; the client is never trusted with a plan id it was not allowed to join.
/// </summary>
[Authorize(Roles = PortalRoles.Practitioner)]
public sealed partial class PlanHub(
    IDbContextFactory<PortalDbContext> contextFactory,
    PlanPresence presence,
    SoftLocks softLocks,
    PlanService plans,
    ChildAccessGate gate,
    AuthenticationStateProvider authentication,
    ILogger<PlanHub> logger) : Hub
{
    public const string Path = "/hubs/plans";

    private const string NotVisibleMessage = "Du har inte tillgång till den här planen.";
    private const string NotJoinedMessage = "Öppna planen innan du redigerar i den.";
    private const string BadFieldMessage = "Okänt fält.";

    /// <summary>The names of the client methods the hub calls.</summary>
    public static class Events
    {
        public const string PlanChanged = "PlanChanged";
        public const string PresenceChanged = "PresenceChanged";
        public const string EditingChanged = "EditingChanged";
    }

    public static string GroupName(Guid planId) => $"plan:{planId}";

    /// <summary>Joins the plan's group if the user may see its child, and returns who is on it (the caller included).</summary>
    public async Task<PresenceSnapshot> JoinPlan(Guid planId)
    {
        var user = Context.User!;
        await using var context = await contextFactory.CreateDbContextAsync(Context.ConnectionAborted);
        if (!await PlanVisibility.OpenAsync(gate, context, user, planId, Context.ConnectionAborted))
        {
            LogRefused(logger, user.UserId(), planId);
            throw new HubException(NotVisibleMessage);
        }

        var who = await PlanVisibility.PresenceOfAsync(context, user, Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupName(planId), Context.ConnectionAborted);
        var snapshot = await presence.JoinAsync(Context.ConnectionId, planId, who);
        LogJoined(logger, who.UserId, planId);
        return snapshot;
    }

    public async Task LeavePlan(Guid planId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(planId));
        await softLocks.ReleaseOwnedByAsync(Context.ConnectionId, planId);
        await presence.LeaveAsync(Context.ConnectionId, planId);
    }

    /// <summary>The fields being edited on a joined plan right now.</summary>
    public IReadOnlyList<EditingChanged> Editing(Guid planId)
    {
        RequireJoined(planId);
        return softLocks.Current(planId);
    }

    /// <summary>Marks <paramref name="field"/> as being edited by the caller (or renews it). If someone else is editing it, says who.</summary>
    public async Task<EditLockResult> BeginEdit(Guid planId, string field)
    {
        var who = RequireJoined(planId);
        if (!SoftLock.IsValidField(field))
        {
            throw new HubException(BadFieldMessage);
        }

        return await softLocks.BeginAsync(planId, field, who, Context.ConnectionId);
    }

    public async Task<bool> EndEdit(Guid planId, string field)
    {
        var who = RequireJoined(planId);
        return await softLocks.EndAsync(planId, field, who.UserId);
    }

    /// <summary>
    /// Adds (no id) or changes an action of a joined plan. Refused with the field errors, or, when someone saved the same
    /// action since <paramref name="expectedVersion"/>, with their values and version, so the client can show both.
    /// </summary>
    public async Task<HubEditResult> SaveAction(Guid planId, ActionInput input, Guid? expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireJoined(planId);
        ActAsCaller();
        var saved = await plans.SaveActionAsync(planId, input, expectedVersion, Context.ConnectionAborted);
        return HubEditResult.From(saved.Result, saved.Theirs, saved.TheirVersion);
    }

    /// <summary>
    /// Saves the summary and the views of a joined plan. When someone saved the plan since <paramref name="expectedVersion"/>,
    /// nothing is written and the result carries the values saved now, and their version, so the client can show both.
    /// </summary>
    public async Task<HubEditResult> SaveViews(Guid planId, PlanViewsInput input, Guid expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireJoined(planId);
        ActAsCaller();
        var result = await plans.SaveViewsAsync(planId, input, expectedVersion, Context.ConnectionAborted);
        if (result.Errors.Any(e => e.Code == "Concurrency_Conflict") && await plans.GetForPlanAsync(planId, Context.ConnectionAborted) is { } current)
        {
            return HubEditResult.From(result, current.ToViewsInput(), current.Version);
        }

        return HubEditResult.From(result, null, null);
    }

    /// <summary>The plan as it is now, for a client that joins or comes back after a lost connection.</summary>
    public async Task<PlanDetails?> GetPlan(Guid planId)
    {
        RequireJoined(planId);
        ActAsCaller();
        return await plans.GetForPlanAsync(planId, Context.ConnectionAborted);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await softLocks.ReleaseOwnedByAsync(Context.ConnectionId);
        await presence.DisconnectAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>The plan service asks who the user is; in a hub call that is the connection's signed-in user.</summary>
    private void ActAsCaller()
    {
        if (authentication is IHostEnvironmentAuthenticationStateProvider host)
        {
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(Context.User!)));
        }
    }

    private PresenceEntry RequireJoined(Guid planId) =>
        presence.Of(Context.ConnectionId, planId) ?? throw new HubException(NotJoinedMessage);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} joined plan {PlanId} live")]
    private static partial void LogJoined(ILogger logger, string userId, Guid planId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} was refused plan {PlanId} live")]
    private static partial void LogRefused(ILogger logger, string? userId, Guid planId);
}

/// <summary>The outcome of an edit through the hub: saved (with the item's id), or refused with field errors; on a conflict, the values saved by the other person.</summary>
public sealed record HubEditResult(bool Saved, Guid? Id, IReadOnlyList<HubFieldError> Errors, object? Theirs, Guid? TheirVersion)
{
    public static HubEditResult From(Administration.SaveResult result, object? theirs, Guid? theirVersion)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Succeeded, result.Id, [.. result.Errors.Select(e => new HubFieldError(e.Property, e.Code, e.Message))], theirs, theirVersion);
    }
}

public sealed record HubFieldError(string Field, string Code, string Message);
