using TabbPortal.Domain.Plans;

namespace TabbPortal.Web.Components.Pages.Plans;

/// <summary>
/// Told by each <see cref="LiveTextArea"/> of a form when its field gets and loses the focus. The focus and blur events
/// arrive at the server in order with the field's input events, so a field with the focus may hold typing that is still
/// on its way.
/// </summary>
public interface ILiveFieldFocus
{
    void Focused(string field);

    void Blurred(string field);
}

/// <summary>What is saved now, and its version: read again after a save was refused because someone saved meanwhile.</summary>
public sealed record SavedValues<TInput>(Guid Version, TInput Values)
    where TInput : class;

/// <summary>
/// The merge-and-retry logic of a form that several people edit at once (the plan's views, the meeting's record),
/// shared by <see cref="PlanViewsEditor"/> and <see cref="MeetingPanel"/>. Nothing the user typed is overwritten silently:
/// <list type="bullet">
/// <item>When someone else saves, each field the user has neither changed nor is editing takes their value. A field
/// the user has changed, or is editing (it has the focus: a keystroke may still be on its way to the server), keeps the
/// user's text; their value waits and the user is told (<see cref="ChangedUnderneath"/>).</item>
/// <item>When a field loses the focus with nothing typed, a value waiting for it is taken after all.</item>
/// <item>A save from an older version is refused (optimistic concurrency): it is merged field by field with what is
/// saved now (<see cref="FieldMerge"/>) and tried again; a field both changed differently is left for the user to
/// choose (<see cref="Conflicts"/>).</item>
/// </list>
/// Values are taken into <see cref="Input"/> in place, never by replacing it: a new model would make the
/// <c>EditForm</c> build its fields anew, and the field the user is in would lose the focus and what is on its way.
/// </summary>
public sealed class LiveForm<TInput> : ILiveFieldFocus
    where TInput : class
{
    private const int SaveAttempts = 3;
    private readonly Func<TInput, IReadOnlyDictionary<string, string?>> _fields;
    private readonly Action<TInput, TInput, string> _take;
    private readonly Func<string, bool> _choosable;
    private readonly Action _changed;
    private readonly HashSet<string> _focused = new(StringComparer.Ordinal);
    private SavedValues<TInput>? _waiting;
    private TInput? _mergedWith;
    private Guid? _lastArrived;
    private bool _loaded;

    /// <param name="empty">The input shown until the saved values arrive.</param>
    /// <param name="fields">The input's fields by name, as compared and merged (<see cref="FieldMerge"/>).</param>
    /// <param name="take">Copies one field from the second input into the first.</param>
    /// <param name="changed">Renders the form again (when a field's blur took a waiting value).</param>
    /// <param name="choosable">The fields whose conflicts the user chooses; in the others the user's value is kept.</param>
    public LiveForm(TInput empty, Func<TInput, IReadOnlyDictionary<string, string?>> fields, Action<TInput, TInput, string> take, Action changed,
        Func<string, bool>? choosable = null)
    {
        Input = empty;
        _fields = fields;
        _take = take;
        _changed = changed;
        _choosable = choosable ?? (_ => true);
    }

    /// <summary>What the user edits: the form's fields are bound to it.</summary>
    public TInput Input { get; private set; }

    /// <summary>The saved values the user's changes are counted from, field by field.</summary>
    public IReadOnlyDictionary<string, string?> Start { get; private set; } = new Dictionary<string, string?>();

    /// <summary>
    /// The version the next save is made from. <see cref="Guid.Empty"/> just after the user's own save, until the saved
    /// plan comes back: a save then is refused and merged first, never made blindly.
    /// </summary>
    public Guid Version { get; private set; }

    public bool Saving { get; private set; }

    /// <summary>Fields the user and someone else changed differently, for the user to choose.</summary>
    public IReadOnlyList<FieldConflict> Conflicts { get; private set; } = [];

    /// <summary>Someone saved a field the user has changed or is editing: their value waits until the user saves or leaves the field.</summary>
    public bool ChangedUnderneath => _waiting is not null;

    /// <summary>The user has changed a field since the saved values.</summary>
    public bool HasChanges => !Same(_fields(Input), Start);

    /// <summary>
    /// The saved values as read now: on loading, and after anyone saved. The first are shown whole; later ones are
    /// taken field by field as described on the class. Ignored while the user's own save is on its way (its outcome
    /// decides), and when this version arrived already.
    /// </summary>
    public void Arrived(Guid version, TInput saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        if (Saving || version == _lastArrived)
        {
            return;
        }

        _lastArrived = version;
        if (!_loaded)
        {
            _loaded = true;
            Input = saved;
            Start = _fields(saved);
            Version = version;
            _waiting = null;
            Conflicts = [];
            return;
        }

        if (version != Version)
        {
            _waiting = new SavedValues<TInput>(version, saved);
            TakeWaiting();
        }
    }

    /// <summary>Forgets the saved values: the next to arrive are shown whole (a new meeting, or none).</summary>
    public void Reset()
    {
        _loaded = false;
        _lastArrived = null;
        _waiting = null;
        _mergedWith = null;
        Version = Guid.Empty;
        Conflicts = [];
    }

    void ILiveFieldFocus.Focused(string field) => _focused.Add(field);

    // With values waiting, the form renders again whether or not a field took one: the notice may have gone. Forms that
    // skip renders their parent causes (PlanPartComponent) see nothing else change it.
    void ILiveFieldFocus.Blurred(string field)
    {
        if (_focused.Remove(field) && !Saving && _waiting is not null)
        {
            TakeWaiting();
            _changed();
        }
    }

    /// <summary>Sets the fields to the user's own drafts (what they typed before the page was lost).</summary>
    public void Restore(TInput drafts, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in fields)
        {
            _take(Input, drafts, field);
        }
    }

    /// <summary>The user chose, in a conflict, their value or the value saved by someone else.</summary>
    public void Choose(FieldConflict conflict, bool theirs)
    {
        if (theirs && _mergedWith is { } saved)
        {
            _take(Input, saved, conflict.Field);
        }

        Conflicts = [.. Conflicts.Where(c => c != conflict)];
    }

    /// <summary>
    /// Saves the input from <see cref="Version"/>. A save refused because someone saved meanwhile (<paramref name="save"/>
    /// returns what is saved now) is merged field by field and tried again; it stops at a conflict the user must choose.
    /// Returns true when saved; false when refused (the reasons are shown at the fields) or left to the user's choice.
    /// </summary>
    public async Task<bool> SaveAsync(Func<TInput, Guid, Task<(bool Saved, SavedValues<TInput>? Theirs)>> save)
    {
        ArgumentNullException.ThrowIfNull(save);
        if (Saving)
        {
            return false;
        }

        Saving = true;
        try
        {
            for (var attempt = 0; attempt < SaveAttempts; attempt++)
            {
                // What is sent, not what the input holds when the answer comes: the user may type on meanwhile.
                var sent = _fields(Input);
                var (saved, theirs) = await save(Input, Version);
                if (saved)
                {
                    Start = sent;
                    Version = Guid.Empty;
                    _waiting = null;
                    _mergedWith = null;
                    Conflicts = [];
                    return true;
                }

                if (theirs is null)
                {
                    return false;
                }

                Merge(theirs);
                if (Conflicts.Count > 0)
                {
                    return false;
                }
            }

            return false;
        }
        finally
        {
            Saving = false;
        }
    }

    /// <summary>
    /// Takes the waiting values into the fields the user has neither changed nor is editing. When no field is left
    /// waiting, the waiting version becomes the one saves are made from.
    /// </summary>
    private void TakeWaiting()
    {
        if (_waiting is not { } waiting)
        {
            return;
        }

        var mine = _fields(Input);
        var theirs = _fields(waiting.Values);
        var start = new Dictionary<string, string?>(Start, StringComparer.Ordinal);
        var waits = false;
        foreach (var (field, their) in theirs)
        {
            var from = Start.GetValueOrDefault(field);
            var my = mine.GetValueOrDefault(field);
            if (!_focused.Contains(field) && my == from)
            {
                start[field] = their;
                if (my != their)
                {
                    _take(Input, waiting.Values, field);
                }
            }
            else if (!FieldMerge.SameText(their, from) && !FieldMerge.SameText(their, my))
            {
                waits = true;
            }
        }

        if (waits)
        {
            // The version stays the older one, so a save is refused and merged from these start values: the fields
            // taken now count as unchanged, those still waiting as changed by both.
            Start = start;
        }
        else
        {
            Start = theirs;
            Version = waiting.Version;
            _waiting = null;
        }
    }

    private void Merge(SavedValues<TInput> theirs)
    {
        var mine = _fields(Input);
        var saved = _fields(theirs.Values);
        var merge = FieldMerge.Merge(Start, mine, saved);
        foreach (var (field, their) in saved)
        {
            var my = mine.GetValueOrDefault(field);
            if (FieldMerge.SameText(my, Start.GetValueOrDefault(field)) || FieldMerge.SameText(my, their))
            {
                _take(Input, theirs.Values, field);
            }
        }

        Start = saved;
        Version = theirs.Version;
        _lastArrived = theirs.Version;
        _waiting = null;
        _mergedWith = theirs.Values;
        Conflicts = [.. merge.Conflicts.Where(c => _choosable(c.Field))];
    }

    private static bool Same(IReadOnlyDictionary<string, string?> a, IReadOnlyDictionary<string, string?> b) =>
        a.Count == b.Count && a.All(field => b.TryGetValue(field.Key, out var value) && value == field.Value);
}
