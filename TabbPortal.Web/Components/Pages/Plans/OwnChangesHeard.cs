using TabbPortal.Web.Live;

namespace TabbPortal.Web.Components.Pages.Plans;

/// <summary>
/// A save made on the plan page whose change the page takes in from the save's own message (the views, an action saved
/// or removed, a need's family mark), told to the page with the mark taken before it was saved.
/// </summary>
/// <param name="Message">The success message shown to the user.</param>
/// <param name="Part">The message's part, e.g. "Views".</param>
/// <param name="Kind"><see cref="PlanChangeMessage.Saved"/> or <see cref="PlanChangeMessage.Removed"/>.</param>
/// <param name="ItemId">The message's item: the action or the need; null for the views.</param>
/// <param name="Mark">What <see cref="OwnChangesHeard.Mark"/> gave before the save; null when the editor had none.</param>
public sealed record PlanSaved(string Message, string Part, string Kind, Guid? ItemId, long? Mark);

/// <summary>
/// The changes the page's user saved that the plan page has heard (and so either taken in from their message or read
/// the plan for). A save on the page hears its own message while it is being saved, so after the save the page need
/// not read the plan again when its message was heard since the mark taken before it.
/// </summary>
public sealed class OwnChangesHeard
{
    private const int Kept = 32;
    private readonly Queue<(long Number, PlanChangeMessage Change)> _heard = new();
    private long _count;

    /// <summary>The number of changes heard so far: taken before a save, compared after it.</summary>
    public long Mark() => _count;

    /// <summary>The page heard one of its user's changes.</summary>
    public void Heard(PlanChangeMessage change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _heard.Enqueue((++_count, change));
        if (_heard.Count > Kept)
        {
            _heard.Dequeue();
        }
    }

    /// <summary>Whether a change of this part, kind and item was heard after <paramref name="mark"/>.</summary>
    public bool HeardSince(PlanSaved saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        return saved.Mark is { } mark && _heard.Any(h => h.Number > mark && h.Change.Part == saved.Part && h.Change.Kind == saved.Kind
            && h.Change.ItemId == saved.ItemId);
    }
}
