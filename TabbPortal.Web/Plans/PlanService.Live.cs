using System.Security.Claims;
using TabbPortal.Domain.Plans;
using TabbPortal.Web.Live;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Plans;

/// <summary>What a saved change tells the others on the plan: the item it touched, saved or removed, and the new values.</summary>
internal sealed record PlanLiveChange(Guid? ItemId, string Kind, IReadOnlyDictionary<string, object?>? Payload)
{
    public static PlanLiveChange SavedItem(Guid? itemId, IReadOnlyDictionary<string, object?>? payload = null) => new(itemId, PlanChangeMessage.Saved, payload);
}

/// <summary>
/// The last step of every edit: once the change is saved, everyone with the plan open hears of it, whether they are on
/// the plan page or a hub client. The change is already saved, so a failure to tell them is logged, never reported as
/// a failed save; the others then see it on their next reload.
/// </summary>
public sealed partial class PlanService
{
    private Task PublishAsync(ClaimsPrincipal user, Guid planId, PlanPart part, Guid? version, PlanLiveChange change) =>
        PublishAsync(user, planId, part.ToString(), version, change);

    private async Task PublishAsync(ClaimsPrincipal user, Guid planId, string part, Guid? version, PlanLiveChange change)
    {
        var message = new PlanChangeMessage(planId, part, change.ItemId, change.Kind, version, user.UserId()!, user.DisplayName(),
            clock.GetUtcNow(), change.Payload);
        try
        {
            await publisher.PublishAsync(message, CancellationToken.None);
        }
        catch (ArgumentException)
        {
            // Too large to send whole: the others are told what changed and read the values from the plan.
            await publisher.PublishAsync(message with { Payload = null }, CancellationToken.None);
        }
#pragma warning disable CA1031 // The save has succeeded; telling the others must not turn it into an error.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            LogPublishFailed(logger, failure, planId);
        }
    }

    private static Dictionary<string, object?> ActionPayload(PlanAction action) => new()
    {
        ["needId"] = action.NeedId,
        ["description"] = action.Description,
        ["responsibleUnitId"] = action.ResponsibleUnitId,
        ["responsiblePerson"] = action.ResponsiblePerson,
        ["startOn"] = action.StartOn,
        ["dueOn"] = action.DueOn,
        ["desiredOutcome"] = action.DesiredOutcome,
        ["evidence"] = action.Evidence,
        ["status"] = action.Status.ToString(),
        ["withheldFromFamily"] = action.WithheldFromFamily,
    };

    private static Dictionary<string, object?> ViewsPayload(Plan plan) => new()
    {
        ["summary"] = plan.Summary,
        ["summaryWithheldFromFamily"] = plan.SummaryWithheldFromFamily,
        ["childViews"] = plan.ChildViews,
        ["childViewsMissingReason"] = plan.ChildViewsMissingReason,
        ["guardianViews"] = plan.GuardianViews,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "A saved change of plan {PlanId} could not be published")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, Guid planId);
}
