using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Live;

/// <summary>
/// Removes from the live session a hub client whose access to the plan has ended during the meeting (a role ended, the
/// account was deactivated): every few seconds (Live:AccessCheckSeconds, 15 by default) each connection's user is
/// checked again, as the database says now. The client is told ("AccessEnded"), leaves the plan's group, its edit
/// marks are released and the others see it leave. Plan pages check their own access the same way.
/// </summary>
public sealed partial class LiveAccessWatch(
    IServiceScopeFactory scopes,
    PlanPresence presence,
    SoftLocks softLocks,
    IHubContext<PlanHub> hub,
    IConfiguration configuration,
    ILogger<LiveAccessWatch> logger) : BackgroundService
{
    public const string AccessEnded = "AccessEnded";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue<int?>("Live:AccessCheckSeconds") ?? 15));
        using var timer = new PeriodicTimer(period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
#pragma warning disable CA1031 // One failed round must not stop the watch; the next round checks again.
            catch (Exception failure) when (failure is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogFailed(logger, failure);
            }
        }
    }

    /// <summary>One round: every hub connection on a plan, checked against the access rule as it stands now.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var connections = presence.HubConnections();
        if (connections.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var contextFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var gate = scope.ServiceProvider.GetRequiredService<ChildAccessGate>();
        var principals = new Dictionary<string, ClaimsPrincipal?>(StringComparer.Ordinal);
        // Several connections of one user on one plan (tabs, devices) share one answer per round.
        var visible = new Dictionary<(string UserId, Guid PlanId), bool>();
        foreach (var (connectionKey, planId, userId) in connections)
        {
            if (!principals.TryGetValue(userId, out var user))
            {
                principals[userId] = user = await PrincipalAsync(context, userId, cancellationToken);
            }

            if (!visible.TryGetValue((userId, planId), out var stillVisible))
            {
                visible[(userId, planId)] = stillVisible =
                    user is not null && await PlanVisibility.IsVisibleAsync(gate, context, user, planId, cancellationToken);
            }

            if (stillVisible)
            {
                continue;
            }

            await hub.Groups.RemoveFromGroupAsync(connectionKey, PlanHub.GroupName(planId), cancellationToken);
            await softLocks.ReleaseOwnedByAsync(connectionKey, planId);
            await presence.LeaveAsync(connectionKey, planId);
            await hub.Clients.Client(connectionKey).SendAsync(AccessEnded, planId, cancellationToken);
            LogRemoved(logger, userId, planId);
        }
    }

    /// <summary>The user as the access rule sees them now: active, a practitioner, in their unit; null when not.</summary>
    private static async Task<ClaimsPrincipal?> PrincipalAsync(PortalDbContext context, string userId, CancellationToken cancellationToken)
    {
        var user = await context.Users.Where(u => u.Id == userId && u.IsActive).Select(u => new { u.Id, u.UnitId }).SingleOrDefaultAsync(cancellationToken);
        var practitioner = user is not null && await context.UserRoles.AnyAsync(
            ur => ur.UserId == userId && context.Roles.Any(r => r.Id == ur.RoleId && r.Name == PortalRoles.Practitioner), cancellationToken);
        if (!practitioner || user!.UnitId is not { } unitId)
        {
            return null;
        }

        return new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id),
                new Claim(ClaimTypes.Role, PortalRoles.Practitioner),
                new Claim(PortalClaims.UnitId, unitId.ToString()),
            ], "LiveAccessWatch"));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} no longer has access to plan {PlanId}; removed from its live session")]
    private static partial void LogRemoved(ILogger logger, string userId, Guid planId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live access check failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
