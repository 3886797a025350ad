namespace TabbPortal.Web.Live;

/// <summary>
/// Handlers per plan, for the singletons that fan out to Blazor circuits. Copy-on-write arrays under one lock: adding
/// and removing are rare next to notifying, and a notification never holds the lock while handlers run.
/// </summary>
internal sealed partial class Subscribers<T>(ILogger logger)
{
    private readonly object _gate = new();
    private readonly Dictionary<Guid, Func<T, Task>[]> _byPlan = [];

    public IDisposable Add(Guid planId, Func<T, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            _byPlan[planId] = _byPlan.TryGetValue(planId, out var current) ? [.. current, handler] : [handler];
        }

        return new Subscription(this, planId, handler);
    }

    public int Count(Guid planId)
    {
        lock (_gate)
        {
            return _byPlan.TryGetValue(planId, out var current) ? current.Length : 0;
        }
    }

    /// <summary>Runs every handler of the plan at once; one that fails is logged and does not keep the others from the message.</summary>
    public Task NotifyAsync(Guid planId, T message)
    {
        Func<T, Task>[]? handlers;
        lock (_gate)
        {
            _byPlan.TryGetValue(planId, out handlers);
        }

        return handlers is null ? Task.CompletedTask : Task.WhenAll(handlers.Select(h => InvokeAsync(h, planId, message)));
    }

    private async Task InvokeAsync(Func<T, Task> handler, Guid planId, T message)
    {
        try
        {
            await handler(message);
        }
#pragma warning disable CA1031 // A subscriber's failure (e.g. a circuit that is going away) must not reach the publisher.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogHandlerFailed(logger, ex, typeof(T).Name, planId);
        }
    }

    private void Remove(Guid planId, Func<T, Task> handler)
    {
        lock (_gate)
        {
            if (!_byPlan.TryGetValue(planId, out var current))
            {
                return;
            }

            var index = Array.IndexOf(current, handler);
            if (index < 0)
            {
                return;
            }

            Func<T, Task>[] remaining = [.. current[..index], .. current[(index + 1)..]];
            if (remaining.Length == 0)
            {
                _byPlan.Remove(planId);
            }
            else
            {
                _byPlan[planId] = remaining;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber failed to handle {Message} of plan {PlanId}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string message, Guid planId);

    private sealed class Subscription(Subscribers<T> owner, Guid planId, Func<T, Task> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(planId, handler);
            }
        }
    }
}
