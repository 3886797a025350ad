using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TabbPortal.Domain.Audit;

/// <summary>
/// The hash chain of the access log (ADR-008). Each entry's hash covers a canonical, culture-invariant rendering of all
/// its fields and the previous entry's hash, so changing, removing or reordering any entry breaks the chain from there on.
/// </summary>
public static class AccessLogChain
{
    /// <summary>What the first entry chains to.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string ComputeHash(AccessLogEntry entry) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(entry)))).ToLowerInvariant();

    /// <summary>
    /// One line per field, each value length-prefixed (a null is "~"), so no value can pass for another field's text.
    /// Enums by name, times as UTC ticks, ids in the invariant "D" format.
    /// </summary>
    public static string Canonical(AccessLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder();
        Field(text, "seq", entry.Id.ToString(CultureInfo.InvariantCulture));
        Field(text, "at", entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Field(text, "user", entry.UserId);
        Field(text, "name", entry.UserName);
        Field(text, "role", entry.Role);
        Field(text, "unit", entry.UnitId?.ToString("D", CultureInfo.InvariantCulture));
        Field(text, "agency", entry.Agency?.ToString());
        Field(text, "child", entry.ChildId.ToString("D", CultureInfo.InvariantCulture));
        Field(text, "kind", entry.Kind.ToString());
        Field(text, "part", entry.Part.ToString());
        Field(text, "allowed", entry.Allowed ? "1" : "0");
        Field(text, "basis", entry.Basis.ToString());
        Field(text, "basisref", entry.BasisReference);
        Field(text, "session", entry.SessionId);
        Field(text, "prev", entry.PreviousHash);
        return text.ToString();
    }

    private static void Field(StringBuilder text, string name, string? value)
    {
        text.Append(name).Append('=');
        if (value is null)
        {
            text.Append('~');
        }
        else
        {
            text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        }

        text.Append('\n');
    }

    /// <summary>Checks a whole chain held in memory (tests, small logs); the verifier streams through <see cref="AccessLogChainCheck"/>.</summary>
    public static AccessLogChainResult Verify(IEnumerable<AccessLogEntry> entriesInOrder)
    {
        ArgumentNullException.ThrowIfNull(entriesInOrder);
        var check = new AccessLogChainCheck();
        foreach (var entry in entriesInOrder)
        {
            if (check.Next(entry) is { } broken)
            {
                return broken;
            }
        }

        return check.Result;
    }
}

/// <summary>Why the chain is broken at an entry.</summary>
public enum AccessLogBreak
{
    /// <summary>The entry's content no longer gives its stored hash: it was changed after it was written.</summary>
    ContentChanged = 1,

    /// <summary>Sequence numbers are missing before the entry: entries were deleted.</summary>
    PredecessorMissing = 2,

    /// <summary>The entry does not chain to the entry before it: that one was changed (and re-hashed), replaced or moved.</summary>
    PredecessorChanged = 3,

    /// <summary>The stored row cannot be read as an entry (a value of the wrong kind).</summary>
    Unreadable = 4,
}

/// <summary>
/// The outcome of a chain check: intact with <see cref="Count"/> entries, or broken first at <see cref="BrokenAt"/>;
/// <see cref="LastIntact"/> is the sequence number of the last entry that checked out (0 if none did).
/// </summary>
public sealed record AccessLogChainResult(long Count, long? BrokenAt, AccessLogBreak? Reason, long LastIntact)
{
    public bool IsIntact => BrokenAt is null;
}

/// <summary>
/// Checks entries one at a time in sequence order, keeping only the previous entry's link, so a log of any size is
/// checked in constant memory. The first break found is final.
/// </summary>
public sealed class AccessLogChainCheck
{
    private AccessLogEntryLink? _previous;
    private long _count;

    public AccessLogChainResult Result { get; private set; } = new(0, null, null, 0);

    /// <summary>Checks the next entry; returns the result when the chain breaks at it, otherwise null.</summary>
    public AccessLogChainResult? Next(AccessLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!Result.IsIntact)
        {
            return Result;
        }

        var expectedId = (_previous?.Id ?? 0) + 1;
        var expectedPreviousHash = _previous?.Hash ?? AccessLogChain.Genesis;
        AccessLogBreak? reason =
            entry.Id > expectedId ? AccessLogBreak.PredecessorMissing
            : entry.Id < expectedId ? AccessLogBreak.PredecessorChanged
            : !string.Equals(AccessLogChain.ComputeHash(entry), entry.Hash, StringComparison.Ordinal) ? AccessLogBreak.ContentChanged
            : !string.Equals(entry.PreviousHash, expectedPreviousHash, StringComparison.Ordinal) ? AccessLogBreak.PredecessorChanged
            : null;
        if (reason is { } broken)
        {
            return Break(entry.Id, broken);
        }

        _count++;
        _previous = entry.Link;
        Result = Result with { Count = _count, LastIntact = entry.Id };
        return null;
    }

    /// <summary>Records that the row after the last good entry could not be read at all.</summary>
    public AccessLogChainResult Unreadable(long id) => Result.IsIntact ? Break(id, AccessLogBreak.Unreadable) : Result;

    private AccessLogChainResult Break(long id, AccessLogBreak reason)
    {
        Result = new AccessLogChainResult(_count, id, reason, _previous?.Id ?? 0);
        return Result;
    }
}
