namespace TabbPortal.Web.Live;

/// <summary>
/// The Blazor circuits that have a plan open on this server and want its changes. A component subscribes when it
/// opens the plan and disposes the subscription in its own Dispose; in the handler it calls
/// <c>InvokeAsync(StateHasChanged)</c> (and hands errors to <c>DispatchExceptionAsync</c>).
/// </summary>
public sealed class PlanSubscriptions(ILogger<PlanSubscriptions> logger)
{
    private readonly Subscribers<PlanChangeMessage> _subscribers = new(logger);

    public IDisposable Subscribe(Guid planId, Func<PlanChangeMessage, Task> onChange) => _subscribers.Add(planId, onChange);

    public int CountFor(Guid planId) => _subscribers.Count(planId);

    internal Task NotifyAsync(PlanChangeMessage message) => _subscribers.NotifyAsync(message.PlanId, message);
}
