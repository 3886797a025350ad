using Microsoft.AspNetCore.SignalR;

namespace TabbPortal.Web.Live;

/// <summary>Who is on a plan: a staff member's id, name and unit (with its organisation). No child data.</summary>
public sealed record PresenceEntry(string UserId, string DisplayName, string UnitName, string OrganisationName);

/// <summary>Everyone on a plan right now, once per user. <paramref name="Revision"/> grows with every change, so a
/// client that gets two snapshots out of order keeps the newer.</summary>
public sealed record PresenceSnapshot(Guid PlanId, long Revision, IReadOnlyList<PresenceEntry> Present);

/// <summary>
/// Who has which plan open right now, on this server: hub connections (by connection id) and Blazor circuits (through
/// <see cref="Enter"/>). Every change is told to the plan's hub group ("PresenceChanged") and to the circuits that
/// subscribed here. Short-lived state: a restart forgets it, and the clients join again when they reconnect.
/// </summary>
public sealed partial class PlanPresence(IHubContext<PlanHub> hub, ILogger<PlanPresence> logger)
{
    private readonly object _gate = new();
    private readonly Dictionary<Guid, Dictionary<string, PresenceEntry>> _byPlan = [];
    private readonly Dictionary<string, HashSet<Guid>> _byConnection = new(StringComparer.Ordinal);
    private readonly Subscribers<PresenceSnapshot> _subscribers = new(logger);
    private long _revision;

    /// <summary>Puts <paramref name="who"/> on the plan under <paramref name="connectionKey"/> and tells the others. Joining twice changes nothing.</summary>
    public async Task<PresenceSnapshot> JoinAsync(string connectionKey, Guid planId, PresenceEntry who)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionKey);
        ArgumentNullException.ThrowIfNull(who);
        PresenceSnapshot snapshot;
        lock (_gate)
        {
            if (!_byPlan.TryGetValue(planId, out var entries))
            {
                _byPlan[planId] = entries = new Dictionary<string, PresenceEntry>(StringComparer.Ordinal);
            }

            if (entries.TryGetValue(connectionKey, out var existing) && existing == who)
            {
                return SnapshotLocked(planId);
            }

            entries[connectionKey] = who;
            if (!_byConnection.TryGetValue(connectionKey, out var plans))
            {
                _byConnection[connectionKey] = plans = [];
            }

            plans.Add(planId);
            snapshot = SnapshotLocked(planId);
        }

        await NotifyAsync(snapshot);
        return snapshot;
    }

    /// <summary>Takes the connection off the plan and tells the others; nothing happens if it was not on it.</summary>
    public async Task LeaveAsync(string connectionKey, Guid planId)
    {
        PresenceSnapshot? snapshot;
        lock (_gate)
        {
            snapshot = RemoveLocked(connectionKey, planId);
        }

        if (snapshot is not null)
        {
            await NotifyAsync(snapshot);
        }
    }

    /// <summary>Takes a closed connection off every plan it was on and tells each plan. Returns those plans.</summary>
    public async Task<IReadOnlyList<Guid>> DisconnectAsync(string connectionKey)
    {
        List<PresenceSnapshot> snapshots = [];
        lock (_gate)
        {
            if (_byConnection.TryGetValue(connectionKey, out var plans))
            {
                foreach (var planId in plans.ToList())
                {
                    if (RemoveLocked(connectionKey, planId) is { } snapshot)
                    {
                        snapshots.Add(snapshot);
                    }
                }
            }
        }

        await Task.WhenAll(snapshots.Select(NotifyAsync));
        return [.. snapshots.Select(s => s.PlanId)];
    }

    /// <summary>
    /// For a Blazor circuit: puts <paramref name="who"/> on the plan until the returned handle is disposed (in the
    /// component's Dispose). The others are told in the background; a failure to tell them is logged.
    /// </summary>
    public PresenceHandle Enter(Guid planId, PresenceEntry who)
    {
        ArgumentNullException.ThrowIfNull(who);
        var handle = new PresenceHandle(this, "circuit:" + Guid.NewGuid().ToString("N"), planId);
        Forget(JoinAsync(handle.Key, planId, who));
        return handle;
    }

    /// <summary>Who is on the plan under <paramref name="connectionKey"/>; null if that connection has not joined it.</summary>
    public PresenceEntry? Of(string connectionKey, Guid planId)
    {
        lock (_gate)
        {
            return _byPlan.TryGetValue(planId, out var entries) && entries.TryGetValue(connectionKey, out var who) ? who : null;
        }
    }

    public PresenceSnapshot Current(Guid planId)
    {
        lock (_gate)
        {
            return SnapshotLocked(planId);
        }
    }

    /// <summary>Every hub connection on a plan right now (circuits check their own access), for the access watch.</summary>
    public IReadOnlyList<(string ConnectionKey, Guid PlanId, string UserId)> HubConnections()
    {
        lock (_gate)
        {
            return [.. _byPlan.SelectMany(plan => plan.Value
                .Where(entry => !entry.Key.StartsWith("circuit:", StringComparison.Ordinal))
                .Select(entry => (entry.Key, plan.Key, entry.Value.UserId)))];
        }
    }

    /// <summary>For a Blazor circuit: every presence change of the plan until the subscription is disposed.</summary>
    public IDisposable Subscribe(Guid planId, Func<PresenceSnapshot, Task> onChange) => _subscribers.Add(planId, onChange);

    private PresenceSnapshot? RemoveLocked(string connectionKey, Guid planId)
    {
        if (!_byPlan.TryGetValue(planId, out var entries) || !entries.Remove(connectionKey))
        {
            return null;
        }

        if (entries.Count == 0)
        {
            _byPlan.Remove(planId);
        }

        if (_byConnection.TryGetValue(connectionKey, out var plans) && plans.Remove(planId) && plans.Count == 0)
        {
            _byConnection.Remove(connectionKey);
        }

        return SnapshotLocked(planId);
    }

    private PresenceSnapshot SnapshotLocked(Guid planId)
    {
        IReadOnlyList<PresenceEntry> present = _byPlan.TryGetValue(planId, out var entries)
            ? [.. entries.Values.DistinctBy(e => e.UserId).OrderBy(e => e.DisplayName, StringComparer.CurrentCulture).ThenBy(e => e.UserId, StringComparer.Ordinal)]
            : [];
        return new PresenceSnapshot(planId, ++_revision, present);
    }

    private Task NotifyAsync(PresenceSnapshot snapshot) =>
        Task.WhenAll(
            hub.Clients.Group(PlanHub.GroupName(snapshot.PlanId)).SendAsync(PlanHub.Events.PresenceChanged, snapshot),
            _subscribers.NotifyAsync(snapshot.PlanId, snapshot));

    /// <summary>Lets a notification run on without the caller; <see cref="ObserveAsync"/> never throws.</summary>
    private void Forget(Task task) => _ = ObserveAsync(task);

    private async Task ObserveAsync(Task task)
    {
        try
        {
            await task;
        }
#pragma warning disable CA1031 // Presence is best effort: a failed notification must not break the circuit.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogNotifyFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence change could not be told to the plan's clients")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception);

    /// <summary>A circuit's place on a plan; <see cref="Key"/> also identifies it as the owner of soft locks.</summary>
    public sealed class PresenceHandle : IDisposable
    {
        private readonly PlanPresence _owner;
        private int _disposed;

        internal PresenceHandle(PlanPresence owner, string key, Guid planId)
        {
            _owner = owner;
            Key = key;
            PlanId = planId;
        }

        public string Key { get; }

        public Guid PlanId { get; }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _owner.Forget(_owner.LeaveAsync(Key, PlanId));
            }
        }
    }
}
