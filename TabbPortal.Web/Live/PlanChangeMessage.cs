namespace TabbPortal.Web.Live;

/// <summary>
/// One saved change to a plan, as told to everyone who has the plan open: which part and item changed, its new
/// concurrency token, who changed it and the changed fields' new values. A change, never a whole plan: the message
/// must stay far below SignalR's 32 KB message limit (<see cref="MaxBytes"/> is enforced on publishing).
/// </summary>
/// <param name="Part">The part of the plan, e.g. "Action", "Views", "Need", "Goal", "Participant", "Meeting".</param>
/// <param name="Kind"><see cref="Saved"/> or <see cref="Removed"/>.</param>
/// <param name="Version">The part's new concurrency token; null when the part has none or was removed.</param>
/// <param name="Payload">The changed fields and their new values (JSON-serialisable), or null.</param>
public sealed record PlanChangeMessage(
    Guid PlanId,
    string Part,
    Guid? ItemId,
    string Kind,
    Guid? Version,
    string ByUserId,
    string ByName,
    DateTimeOffset At,
    IReadOnlyDictionary<string, object?>? Payload)
{
    public const string Saved = "Saved";
    public const string Removed = "Removed";

    /// <summary>The largest message published, as UTF-8 JSON: half of SignalR's default maximum, to leave room for framing.</summary>
    public const int MaxBytes = 16 * 1024;
}
