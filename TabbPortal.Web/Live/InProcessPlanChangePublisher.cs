using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace TabbPortal.Web.Live;

/// <summary>Publishes to this server only: the plan's hub group and the circuits subscribed in <see cref="PlanSubscriptions"/>.</summary>
public sealed partial class InProcessPlanChangePublisher(
    IHubContext<PlanHub> hub,
    PlanSubscriptions subscriptions,
    ILogger<InProcessPlanChangePublisher> logger) : IPlanChangePublisher
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task PublishAsync(PlanChangeMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var size = JsonSerializer.SerializeToUtf8Bytes(message, Json).Length;
        if (size > PlanChangeMessage.MaxBytes)
        {
            throw new ArgumentException(
                $"A plan change message may be at most {PlanChangeMessage.MaxBytes} bytes; this one is {size}. Send the changed fields, not the plan.",
                nameof(message));
        }

        await Task.WhenAll(
            hub.Clients.Group(PlanHub.GroupName(message.PlanId)).SendAsync(PlanHub.Events.PlanChanged, message, ct),
            subscriptions.NotifyAsync(message));
        LogPublished(logger, message.Part, message.Kind, message.ItemId, message.PlanId);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Published {Part} {Kind} (item {ItemId}) of plan {PlanId}")]
    private static partial void LogPublished(ILogger logger, string part, string kind, Guid? itemId, Guid planId);
}
