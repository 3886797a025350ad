using System.Security.Claims;
using TabbPortal.Domain.Organisations;
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

    /// <summary>
    /// Takes a change someone saved into the plan a page shows, from its message, without reading the plan again (see
    /// <see cref="PlanLiveUpdate"/>); false when the page must read the plan again instead. No access check here, and none
    /// needed: the message came through the page's live session on this very plan (opened through the gate, re-checked
    /// periodically and on every consent change by reading the plan again), and only ever changes the plan the page
    /// already shows. Overdue is judged on today as <see cref="LoadDetailsAsync"/> does.
    /// </summary>
    public bool TryTakeIn(PlanDetails shown, PlanChangeMessage change, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PlanDetails? updated) =>
        PlanLiveUpdate.TryApply(shown, change, Today, out updated);

    /// <summary>
    /// An action saved from its editor: its fields, the version the save replaced (null for a new action) and, when the
    /// unit was looked up (a new action, or its unit changed), the unit's name and sector, so that a page can take the
    /// change in without reading the plan again.
    /// </summary>
    private static Dictionary<string, object?> ActionPayload(PlanAction action, Guid? previousVersion, (string Name, Sector Sector)? unit)
    {
        var payload = ActionPayload(action);
        payload[PlanLiveUpdate.PreviousVersion] = previousVersion;
        if (unit is { } known)
        {
            payload[PlanLiveUpdate.ResponsibleUnit] = known.Name;
            payload[PlanLiveUpdate.Sector] = known.Sector.ToString();
        }

        return payload;
    }

    /// <summary>An action's fields alone. Without the version it replaced, a page reads the plan again to show it.</summary>
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

    /// <summary>The views as saved, and the plan's version the save replaced (the message carries the new one).</summary>
    private static Dictionary<string, object?> ViewsPayload(Plan plan, Guid previousVersion) => new()
    {
        [PlanLiveUpdate.PreviousVersion] = previousVersion,
        ["summary"] = plan.Summary,
        ["summaryWithheldFromFamily"] = plan.SummaryWithheldFromFamily,
        ["childViews"] = plan.ChildViews,
        ["childViewsMissingReason"] = plan.ChildViewsMissingReason,
        ["guardianViews"] = plan.GuardianViews,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "A saved change of plan {PlanId} could not be published")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, Guid planId);
}
