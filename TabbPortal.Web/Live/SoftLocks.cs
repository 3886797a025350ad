using Microsoft.AspNetCore.SignalR;
using TabbPortal.Domain.Live;

namespace TabbPortal.Web.Live;

/// <summary>
/// A field of a plan is being edited by <paramref name="UserName"/> until <paramref name="Until"/>; both null when it
/// was released. Sent to the plan's hub group as "EditingChanged" and to subscribed circuits.
/// </summary>
public sealed record EditingChanged(Guid PlanId, string Field, string? UserId, string? UserName, DateTimeOffset? Until);

/// <summary>The answer to a request to edit a field: granted (the caller holds it until <paramref name="Until"/>) or held by another.</summary>
public sealed record EditLockResult(bool Granted, string Field, string HolderId, string HolderName, DateTimeOffset Until);

/// <summary>
/// Soft locks of this server, in memory (<see cref="SoftLock"/> has the rules). Each lock remembers the connection or
/// circuit that took it, so that a closed connection releases its locks at once instead of after the expiry.
/// </summary>
public sealed class SoftLocks(IHubContext<PlanHub> hub, TimeProvider clock, ILogger<SoftLocks> logger)
{
    private readonly object _gate = new();
    private readonly Dictionary<(Guid PlanId, string Field), Held> _locks = [];
    private readonly Subscribers<EditingChanged> _subscribers = new(logger);

    /// <summary>Takes or renews the field for <paramref name="who"/> (owned by <paramref name="ownerKey"/>); tells the plan when granted.</summary>
    public async Task<EditLockResult> BeginAsync(Guid planId, string field, PresenceEntry who, string ownerKey)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentException.ThrowIfNullOrEmpty(ownerKey);
        if (!SoftLock.IsValidField(field))
        {
            throw new ArgumentException("Not a field key.", nameof(field));
        }

        SoftLockAttempt attempt;
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            RemoveExpiredLocked(now);
            _locks.TryGetValue((planId, field), out var current);
            attempt = SoftLock.Claim(current?.Lock, who.UserId, who.DisplayName, now);
            if (attempt.Granted)
            {
                _locks[(planId, field)] = new Held(attempt.Lock, ownerKey);
            }
        }

        if (attempt.Granted)
        {
            await NotifyAsync(new EditingChanged(planId, field, attempt.Lock.HolderId, attempt.Lock.HolderName, attempt.Lock.Until));
        }

        return new EditLockResult(attempt.Granted, field, attempt.Lock.HolderId, attempt.Lock.HolderName, attempt.Lock.Until);
    }

    /// <summary>Releases the field if <paramref name="userId"/> holds it, and tells the plan. False if they did not hold it.</summary>
    public async Task<bool> EndAsync(Guid planId, string field, string userId)
    {
        bool released;
        lock (_gate)
        {
            released = _locks.TryGetValue((planId, field), out var current)
                && SoftLock.CanRelease(current.Lock, userId, clock.GetUtcNow())
                && _locks.Remove((planId, field));
        }

        if (released)
        {
            await NotifyAsync(new EditingChanged(planId, field, null, null, null));
        }

        return released;
    }

    /// <summary>Releases every lock taken by a connection or circuit (of one plan, or of all) and tells each plan.</summary>
    public async Task ReleaseOwnedByAsync(string ownerKey, Guid? planId = null)
    {
        List<(Guid PlanId, string Field)> released;
        lock (_gate)
        {
            released = [.. _locks.Where(l => l.Value.OwnerKey == ownerKey && (planId is null || l.Key.PlanId == planId)).Select(l => l.Key)];
            foreach (var key in released)
            {
                _locks.Remove(key);
            }
        }

        await Task.WhenAll(released.Select(k => NotifyAsync(new EditingChanged(k.PlanId, k.Field, null, null, null))));
    }

    /// <summary>The active locks of a plan, for a client that just opened it.</summary>
    public IReadOnlyList<EditingChanged> Current(Guid planId)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            return [.. _locks.Where(l => l.Key.PlanId == planId && l.Value.Lock.IsActiveAt(now))
                .Select(l => new EditingChanged(planId, l.Key.Field, l.Value.Lock.HolderId, l.Value.Lock.HolderName, l.Value.Lock.Until))];
        }
    }

    /// <summary>For a Blazor circuit: every lock change of the plan until the subscription is disposed.</summary>
    public IDisposable Subscribe(Guid planId, Func<EditingChanged, Task> onChange) => _subscribers.Add(planId, onChange);

    // Expired locks are not announced: every client got the expiry time with the lock and lets it lapse itself.
    private void RemoveExpiredLocked(DateTimeOffset now)
    {
        foreach (var key in _locks.Where(l => !l.Value.Lock.IsActiveAt(now)).Select(l => l.Key).ToList())
        {
            _locks.Remove(key);
        }
    }

    private Task NotifyAsync(EditingChanged change) =>
        Task.WhenAll(
            hub.Clients.Group(PlanHub.GroupName(change.PlanId)).SendAsync(PlanHub.Events.EditingChanged, change),
            _subscribers.NotifyAsync(change.PlanId, change));

    private sealed record Held(SoftLock Lock, string OwnerKey);
}
