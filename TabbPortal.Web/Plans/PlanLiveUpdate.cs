using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using TabbPortal.Domain.Organisations;
using TabbPortal.Domain.Plans;
using TabbPortal.Web.Live;

namespace TabbPortal.Web.Plans;

/// <summary>
/// Takes a saved change into the <see cref="PlanDetails"/> a plan page shows, from its message alone, without reading
/// the plan again: an action saved or removed, the views saved, a need's family mark. Pure: no database, no clock (the
/// caller passes today). Whatever it cannot place exactly it refuses, and the page reads the plan again: another part,
/// a message without payload or with a field missing, another plan, an item the page does not know, or a version that
/// does not follow on from the one the page shows (a change the page missed, or messages that crossed).
/// </summary>
/// <remarks>
/// The versions stay what a reading of the plan would give, so the editors' optimistic concurrency sees the same
/// conflicts: an action's message carries that action's new version (the plan's version does not change when an action
/// is saved or removed, or a need marked); a views message carries the plan's new version. Each saved message also
/// carries the version the save replaced (<see cref="PreviousVersion"/>), and is taken in only when that is the version
/// the page shows.
/// </remarks>
public static class PlanLiveUpdate
{
    /// <summary>The version the save replaced: the action's (null for a new action) or, for the views, the plan's.</summary>
    public const string PreviousVersion = "previousVersion";

    /// <summary>The responsible unit's name, sent when the action is new or its unit changed.</summary>
    public const string ResponsibleUnit = "responsibleUnit";

    /// <summary>The responsible unit's sector, with <see cref="ResponsibleUnit"/>.</summary>
    public const string Sector = "sector";

    private const string Description = "description";
    private const string WithheldFromFamily = "withheldFromFamily";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The plan with the change taken in, or false when the page must read the plan again. <paramref name="updated"/> is
    /// <paramref name="plan"/> itself when the page already shows the change (e.g. it read the plan after the save).
    /// </summary>
    public static bool TryApply(PlanDetails plan, PlanChangeMessage change, DateOnly today, [NotNullWhen(true)] out PlanDetails? updated)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(change);

        // Only ever the plan the page already shows: a message of another plan is never taken in.
        updated = change.PlanId != plan.Id || plan.Status != PlanStatus.Open || (change.Payload is null && change.Kind == PlanChangeMessage.Saved)
            ? null
            : (change.Part, change.Kind) switch
            {
                (nameof(PlanPart.Action), PlanChangeMessage.Saved) => ActionSaved(plan, change, today),
                (nameof(PlanPart.Action), PlanChangeMessage.Removed) => ActionRemoved(plan, change),
                (nameof(PlanPart.Views), PlanChangeMessage.Saved) => ViewsSaved(plan, change),
                (nameof(PlanPart.Need), PlanChangeMessage.Saved) => NeedMarked(plan, change),
                _ => null,
            };
        return updated is not null;
    }

    /// <summary>The history line the change wrote, as the plan's history shows it (the same summary the service saves).</summary>
    public static PlanChangeView HistoryEntry(PlanChangeMessage change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var summary = change is { Part: nameof(PlanPart.Action), Kind: PlanChangeMessage.Saved, Payload: { } payload }
            && Required(payload, Description, out string? description) ? description : null;
        return new PlanChangeView(change.At, change.ByName, Enum.Parse<PlanPart>(change.Part), summary);
    }

    private static PlanDetails? ActionSaved(PlanDetails plan, PlanChangeMessage change, DateOnly today)
    {
        if (change is not { ItemId: { } actionId, Version: { } version, Payload: { } p })
        {
            return null;
        }

        var existing = plan.Needs.SelectMany(n => n.Actions).FirstOrDefault(a => a.Id == actionId);
        if (existing is not null && existing.Version == version)
        {
            return plan;
        }

        if (!OptionalGuid(p, PreviousVersion, out var previous) || previous != existing?.Version
            || !Required(p, "needId", out Guid needId) || plan.Needs.All(n => n.Id != needId)
            || !Required(p, Description, out string? description)
            || !Required(p, "responsibleUnitId", out Guid unitId)
            || !OptionalText(p, "responsiblePerson", out var person)
            || !Required(p, "startOn", out DateOnly startOn)
            || !Required(p, "dueOn", out DateOnly dueOn)
            || !Required(p, "desiredOutcome", out string? outcome)
            || !OptionalText(p, "evidence", out var evidence)
            || !EnumValue(p, "status", out ActionStatus status)
            || !Required(p, WithheldFromFamily, out bool withheld)
            || !UnitOf(p, unitId, existing, out var unitName, out var sector))
        {
            return null;
        }

        var view = new ActionView(actionId, needId, description, unitId, unitName, sector, person, startOn, dueOn, outcome, evidence, status,
            PlanAction.IsOverdue(status, dueOn, today), version, withheld);
        return plan with
        {
            Needs = [.. plan.Needs.Select(need =>
                need.Id == needId
                    ? need with
                    {
                        // In place if it stays in the need, else last; then by due date, as a reading of the plan orders them.
                        Actions = [.. (existing?.NeedId == needId ? need.Actions.Select(a => a.Id == actionId ? view : a) : need.Actions.Append(view))
                            .OrderBy(a => a.DueOn)],
                    }
                    : existing?.NeedId == need.Id ? need with { Actions = [.. need.Actions.Where(a => a.Id != actionId)] } : need)],
        };
    }

    private static PlanDetails? ActionRemoved(PlanDetails plan, PlanChangeMessage change)
    {
        if (change.ItemId is not { } actionId || !plan.Needs.Any(n => n.Actions.Any(a => a.Id == actionId)))
        {
            return null;
        }

        // The message's version is the plan's, which removing an action does not change: the page keeps the one it has.
        return plan with
        {
            Needs = [.. plan.Needs.Select(n => n.Actions.Any(a => a.Id == actionId) ? n with { Actions = [.. n.Actions.Where(a => a.Id != actionId)] } : n)],
        };
    }

    private static PlanDetails? ViewsSaved(PlanDetails plan, PlanChangeMessage change)
    {
        if (change is not { Version: { } version, Payload: { } p })
        {
            return null;
        }

        if (version == plan.Version)
        {
            return plan;
        }

        return OptionalGuid(p, PreviousVersion, out var previous) && previous == plan.Version
            && OptionalText(p, "summary", out var summary)
            && Required(p, "summaryWithheldFromFamily", out bool summaryWithheld)
            && OptionalText(p, "childViews", out var childViews)
            && OptionalText(p, "childViewsMissingReason", out var reason)
            && OptionalText(p, "guardianViews", out var guardianViews)
            ? plan with
            {
                Summary = summary, SummaryWithheldFromFamily = summaryWithheld, ChildViews = childViews, ChildViewsMissingReason = reason,
                GuardianViews = guardianViews, Version = version,
            }
            : null;
    }

    /// <summary>A need marked as withheld from the family or shown to them again (the only need message with just that field).</summary>
    private static PlanDetails? NeedMarked(PlanDetails plan, PlanChangeMessage change) =>
        change is { ItemId: { } needId, Payload: { Count: 1 } p } && Required(p, WithheldFromFamily, out bool withheld)
            && plan.Needs.Any(n => n.Id == needId)
            ? plan with { Needs = [.. plan.Needs.Select(n => n.Id == needId ? n with { WithheldFromFamily = withheld } : n)] }
            : null;

    /// <summary>The unit's name and sector from the message, or else from the action as shown when its unit did not change.</summary>
    private static bool UnitOf(IReadOnlyDictionary<string, object?> p, Guid unitId, ActionView? existing, [NotNullWhen(true)] out string? name,
        out Sector sector)
    {
        if (Required(p, ResponsibleUnit, out name) && EnumValue(p, Sector, out sector))
        {
            return true;
        }

        if (existing is not null && existing.ResponsibleUnitId == unitId)
        {
            (name, sector) = (existing.ResponsibleUnit, existing.Sector);
            return true;
        }

        (name, sector) = (null, default);
        return false;
    }

    /// <summary>A field that must be there with a value: as sent in this process, or as JSON when it came over the wire.</summary>
    private static bool Required<T>(IReadOnlyDictionary<string, object?> payload, string key, [NotNullWhen(true)] out T? value)
    {
        value = default;
        if (!payload.TryGetValue(key, out var raw))
        {
            return false;
        }

        switch (raw)
        {
            case T typed:
                value = typed;
                return true;
            case JsonElement { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } json:
                try
                {
                    value = json.Deserialize<T>(Json);
                    return value is not null;
                }
                catch (JsonException)
                {
                    return false;
                }

            default:
                return false;
        }
    }

    /// <summary>A field that must be there, its value may be null.</summary>
    private static bool OptionalText(IReadOnlyDictionary<string, object?> payload, string key, out string? value)
    {
        value = null;
        return payload.TryGetValue(key, out var raw) && (raw is null or JsonElement { ValueKind: JsonValueKind.Null } || Required(payload, key, out value));
    }

    private static bool OptionalGuid(IReadOnlyDictionary<string, object?> payload, string key, out Guid? value)
    {
        value = null;
        if (!payload.TryGetValue(key, out var raw))
        {
            return false;
        }

        if (raw is null or JsonElement { ValueKind: JsonValueKind.Null })
        {
            return true;
        }

        var found = Required(payload, key, out Guid guid);
        value = found ? guid : null;
        return found;
    }

    private static bool EnumValue<TEnum>(IReadOnlyDictionary<string, object?> payload, string key, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return Required(payload, key, out string? name) && Enum.TryParse(name, ignoreCase: false, out value) && Enum.IsDefined(value)
            && !int.TryParse(name, out _);
    }
}
