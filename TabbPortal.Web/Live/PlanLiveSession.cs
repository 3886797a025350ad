using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Plans;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Live;

/// <summary>
/// One plan page's part in the live meeting: it is present on the plan, hears every saved change and every field
/// being edited, marks the fields this user edits, and keeps what the user types as server-side drafts (written at most
/// once a second). Created by <see cref="PlanLive"/>; the page disposes it, which releases all of it.
/// </summary>
public sealed partial class PlanLiveSession : IAsyncDisposable
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AccessCheckInterval = TimeSpan.FromSeconds(20);

    private readonly SoftLocks _softLocks;
    private readonly PlanDraftService _drafts;
    private readonly PlanPresence _presenceRegistry;
    private readonly Func<PlanLiveSession, ValueTask> _onDisposed;
    private PlanPresence.PresenceHandle _presence;
    private bool _away;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ConcurrentDictionary<string, string> _pendingDrafts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EditingChanged> _editing = new(StringComparer.Ordinal);
    private readonly Func<Task> _onStateChanged;
    private readonly Func<Task<bool>> _stillVisible;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly ITimer _timer;
    private DateTimeOffset _nextAccessCheck;
    private long _presenceRevision;
    // Writing drafts and forgetting them take turns: a draft written while the user's save forgot the drafts would
    // otherwise outlive the save and be offered again, stale, when the plan is next opened.
    private readonly SemaphoreSlim _draftTurn = new(1, 1);
    private bool _disposed;

    internal PlanLiveSession(Guid planId, PresenceEntry who, PlanPresence presence, PlanSubscriptions subscriptions, SoftLocks softLocks,
        PlanDraftService drafts, TimeProvider clock, ILogger logger, Func<PlanChangeMessage, Task> onPlanChanged, Func<Task> onStateChanged,
        Func<Task<bool>> stillVisible, Func<PlanLiveSession, ValueTask> onDisposed)
    {
        _presenceRegistry = presence;
        _onDisposed = onDisposed;
        PlanId = planId;
        Who = who;
        _softLocks = softLocks;
        _drafts = drafts;
        _clock = clock;
        _logger = logger;
        _onStateChanged = onStateChanged;
        _stillVisible = stillVisible;
        _presence = presence.Enter(planId, who);
        Present = presence.Current(planId).Present;
        foreach (var editing in softLocks.Current(planId))
        {
            _editing[editing.Field] = editing;
        }

        _subscriptions.Add(subscriptions.Subscribe(planId, onPlanChanged));
        _subscriptions.Add(presence.Subscribe(planId, async snapshot =>
        {
            if (snapshot.Revision >= _presenceRevision)
            {
                _presenceRevision = snapshot.Revision;
                Present = snapshot.Present;
                await _onStateChanged();
            }
        }));
        _subscriptions.Add(softLocks.Subscribe(planId, async change =>
        {
            if (change.UserId is null)
            {
                _editing.TryRemove(change.Field, out _);
            }
            else
            {
                _editing[change.Field] = change;
            }

            await _onStateChanged();
        }));
        _nextAccessCheck = clock.GetUtcNow() + AccessCheckInterval;
        _timer = clock.CreateTimer(_ => _ = TickAsync(), null, FlushInterval, FlushInterval);
    }

    public Guid PlanId { get; }

    public PresenceEntry Who { get; }

    /// <summary>Who has the plan open right now, this user included.</summary>
    public IReadOnlyList<PresenceEntry> Present { get; private set; }

    /// <summary>Raised (on the timer's thread) when the user may no longer see the plan; the page then leaves it.</summary>
    public event Func<Task>? AccessEnded;

    /// <summary>Who else is editing <paramref name="field"/> right now, or null.</summary>
    public string? EditedByOther(string field) =>
        _editing.TryGetValue(field, out var editing) && editing.UserId != Who.UserId && editing.Until > _clock.GetUtcNow() ? editing.UserName : null;

    /// <summary>Marks the field as being edited by this user; says who holds it when somebody else does.</summary>
    public Task<EditLockResult> BeginEditAsync(string field) => _softLocks.BeginAsync(PlanId, field, Who, _presence.Key);

    public Task EndEditAsync(string field) => _softLocks.EndAsync(PlanId, field, Who.UserId);

    /// <summary>Keeps what the user typed; written to the server within a second, and the field's mark is renewed meanwhile.</summary>
    public void Draft(string field, string value) => _pendingDrafts[field] = value;

    public Task<IReadOnlyList<DraftView>> DraftsAsync(string prefix) => _drafts.ListAsync(PlanId, prefix);

    /// <summary>Forgets the drafts of the fields under <paramref name="prefix"/>, those not yet written included.</summary>
    public async Task DiscardDraftsAsync(string prefix)
    {
        // A draft being written right now finishes first, and is then forgotten with the others.
        await _draftTurn.WaitAsync();
        try
        {
            foreach (var field in _pendingDrafts.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
            {
                _pendingDrafts.TryRemove(field, out _);
            }

            await _drafts.DiscardAsync(PlanId, prefix);
        }
        finally
        {
            _draftTurn.Release();
        }
    }

    /// <summary>The page's connection dropped: the others no longer see this user on the plan, nor their edit marks.</summary>
    internal async Task ConnectionDownAsync()
    {
        if (_disposed || _away)
        {
            return;
        }

        _away = true;
        await _softLocks.ReleaseOwnedByAsync(_presence.Key, PlanId);
        _presence.Dispose();
    }

    /// <summary>The connection is back: the user is present again, and the page shows who is there now.</summary>
    internal async Task ConnectionUpAsync()
    {
        if (_disposed || !_away)
        {
            return;
        }

        _away = false;
        _presence = _presenceRegistry.Enter(PlanId, Who);
        Present = _presenceRegistry.Current(PlanId).Present;
        await _onStateChanged();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _onDisposed(this);
        await _timer.DisposeAsync();
        // What the user typed last is written, also when a tick was writing at that moment.
        await FlushAsync(waitForTurn: true);
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        await _softLocks.ReleaseOwnedByAsync(_presence.Key, PlanId);
        _presence.Dispose();
    }

    private async Task TickAsync()
    {
        if (_disposed)
        {
            return;
        }

        await FlushAsync();
        if (_clock.GetUtcNow() >= _nextAccessCheck)
        {
            _nextAccessCheck = _clock.GetUtcNow() + AccessCheckInterval;
            await CheckAccessAsync();
        }

        // A mark someone left without releasing it lapses: the page redraws without it.
        if (_editing.Values.Any(e => e.Until <= _clock.GetUtcNow()))
        {
            foreach (var lapsed in _editing.Where(e => e.Value.Until <= _clock.GetUtcNow()).ToList())
            {
                _editing.TryRemove(lapsed.Key, out _);
            }

            await _onStateChanged();
        }
    }

    private async Task FlushAsync(bool waitForTurn = false)
    {
        if (waitForTurn)
        {
            await _draftTurn.WaitAsync();
        }
        else if (!await _draftTurn.WaitAsync(0))
        {
            // The previous tick is still writing (or drafts are being forgotten): this tick's values wait for the next.
            return;
        }

        (string Field, string Value)? writing = null;
        try
        {
            foreach (var field in _pendingDrafts.Keys.ToList())
            {
                if (_pendingDrafts.TryRemove(field, out var value))
                {
                    writing = (field, value);
                    await _drafts.SaveAsync(PlanId, field, value);
                    writing = null;
                    await _softLocks.BeginAsync(PlanId, field, Who, _presence.Key);
                }
            }
        }
#pragma warning disable CA1031 // A draft that could not be written is tried again at the next tick; the page must not fail for it.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            LogDraftFailed(_logger, failure, PlanId);
            if (writing is { } unwritten && failure is not UnauthorizedAccessException && !_disposed)
            {
                // Unless the user has typed on since, the value waits for the next tick rather than being lost; a
                // refusal is not tried again (the page leaves the plan at the next access check).
                _pendingDrafts.TryAdd(unwritten.Field, unwritten.Value);
            }
        }
        finally
        {
            _draftTurn.Release();
        }
    }

    private async Task CheckAccessAsync()
    {
        bool visible;
        try
        {
            visible = await _stillVisible();
        }
        catch (UnauthorizedAccessException)
        {
            visible = false;
        }

        if (!visible && AccessEnded is { } ended)
        {
            await ended();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A draft of plan {PlanId} could not be saved")]
    private static partial void LogDraftFailed(ILogger logger, Exception exception, Guid planId);
}

/// <summary>Opens a <see cref="PlanLiveSession"/> for the signed-in user on a plan they may see. Scoped: one per circuit.</summary>
public sealed class PlanLive(
    IDbContextFactory<PortalDbContext> contextFactory,
    CurrentUser currentUser,
    PlanPresence presence,
    PlanSubscriptions subscriptions,
    SoftLocks softLocks,
    PlanDraftService drafts,
    ChildAccessGate gate,
    TimeProvider clock,
    ILogger<PlanLiveSession> logger)
{
    private readonly List<PlanLiveSession> _sessions = [];

    public async Task<PlanLiveSession> OpenAsync(Guid planId, Func<PlanChangeMessage, Task> onPlanChanged, Func<Task> onStateChanged)
    {
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        PresenceEntry who;
        await using (var context = await contextFactory.CreateDbContextAsync())
        {
            if (!await PlanVisibility.IsVisibleAsync(gate, context, user, planId, CancellationToken.None))
            {
                throw new UnauthorizedAccessException("The plan does not exist or is not visible to the user.");
            }

            who = await PlanVisibility.PresenceOfAsync(context, user, CancellationToken.None);
        }

        var session = new PlanLiveSession(planId, who, presence, subscriptions, softLocks, drafts, clock, logger, onPlanChanged, onStateChanged,
            async () =>
            {
                var current = await currentUser.GetPrincipalAsync();
                await using var context = await contextFactory.CreateDbContextAsync();
                return current.Identity?.IsAuthenticated == true && await PlanVisibility.IsVisibleAsync(gate, context, current, planId, CancellationToken.None);
            },
            closed =>
            {
                lock (_sessions)
                {
                    _sessions.Remove(closed);
                }

                return ValueTask.CompletedTask;
            });
        lock (_sessions)
        {
            _sessions.Add(session);
        }

        return session;
    }

    /// <summary>The circuit's connection dropped (<see cref="LivePresenceCircuitHandler"/>): its pages leave their plans' presence.</summary>
    public Task ConnectionDownAsync() => Task.WhenAll(Sessions().Select(s => s.ConnectionDownAsync()));

    public Task ConnectionUpAsync() => Task.WhenAll(Sessions().Select(s => s.ConnectionUpAsync()));

    private List<PlanLiveSession> Sessions()
    {
        lock (_sessions)
        {
            return [.. _sessions];
        }
    }
}

/// <summary>Tells the circuit's live sessions when its connection drops and comes back, so presence follows the connection.</summary>
internal sealed class LivePresenceCircuitHandler(PlanLive live) : Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler
{
    public override Task OnConnectionDownAsync(Microsoft.AspNetCore.Components.Server.Circuits.Circuit circuit, CancellationToken cancellationToken) =>
        live.ConnectionDownAsync();

    public override Task OnConnectionUpAsync(Microsoft.AspNetCore.Components.Server.Circuits.Circuit circuit, CancellationToken cancellationToken) =>
        live.ConnectionUpAsync();
}
