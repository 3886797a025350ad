using System.Collections.Concurrent;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Web.Security;

/// <summary>
/// The access rule's recent decisions, one per user, unit and child, each with what it was decided on: the child's
/// access stamp (renewed by the database whenever anything the rule reads about the child changes, ADR-011), the type of
/// the user's unit and the day. <see cref="ChildAccessGate"/> uses a decision again only when all three are unchanged and
/// an emergency access it rests on has not run out, so a remembered decision answers exactly as a fresh one would.
/// Held for the process; bounded.
/// </summary>
public sealed class ChildAccessDecisions
{
    /// <summary>More entries than this and the store starts over (a busy day has far fewer user–child pairs).</summary>
    public const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<Key, Remembered> _decisions = new();

    public readonly record struct Key(string UserId, Guid UnitId, Guid ChildId);

    private sealed record Remembered(long Stamp, UnitType? UnitType, DateOnly Day, ChildAccessGrant? Grant);

    public int Count => _decisions.Count;

    public bool TryGet(Key key, long stamp, UnitType? unitType, DateOnly day, DateTimeOffset now, out ChildAccessGrant? grant)
    {
        grant = null;
        if (!_decisions.TryGetValue(key, out var remembered)
            || remembered.Stamp != stamp || remembered.UnitType != unitType || remembered.Day != day
            || remembered.Grant?.EmergencyUntil is { } until && until <= now)
        {
            return false;
        }

        grant = remembered.Grant;
        return true;
    }

    public void Remember(Key key, long stamp, UnitType? unitType, DateOnly day, ChildAccessGrant? grant)
    {
        if (_decisions.Count >= MaxEntries)
        {
            _decisions.Clear();
        }

        _decisions[key] = new Remembered(stamp, unitType, day, grant);
    }
}
