using TabbPortal.Domain.Organisations;

namespace TabbPortal.Domain.Audit;

/// <summary>
/// One stored entry of the access log: an <see cref="AccessLogRecord"/> with its sequence number, time and place in the
/// hash chain. Append-only: nothing changes an entry once made, and the database refuses updates and deletes of its row.
/// </summary>
public sealed class AccessLogEntry
{
    private AccessLogEntry()
    {
        UserId = string.Empty;
        UserName = string.Empty;
        Role = string.Empty;
        PreviousHash = string.Empty;
        Hash = string.Empty;
    }

    /// <summary>The sequence number: 1 for the first entry, then one more for each entry, with no gaps.</summary>
    public long Id { get; private set; }

    /// <summary>When the access happened (UTC, to the tick).</summary>
    public DateTimeOffset At { get; private set; }

    public string UserId { get; private set; }

    public string UserName { get; private set; }

    public string Role { get; private set; }

    public Guid? UnitId { get; private set; }

    public Sector? Agency { get; private set; }

    public Guid ChildId { get; private set; }

    public AccessKind Kind { get; private set; }

    public RecordPart Part { get; private set; }

    public bool Allowed { get; private set; }

    public AccessBasis Basis { get; private set; }

    public string? BasisReference { get; private set; }

    public string? SessionId { get; private set; }

    /// <summary>The hash of the entry before this one, or <see cref="AccessLogChain.Genesis"/> for the first entry.</summary>
    public string PreviousHash { get; private set; }

    /// <summary>SHA-256 (lower-case hex) over every field above, in <see cref="AccessLogChain"/>'s canonical rendering.</summary>
    public string Hash { get; private set; }

    /// <summary>
    /// The entry that follows <paramref name="previous"/> (null for the first entry of the log), hashed and chained to it.
    /// </summary>
    public static AccessLogEntry Follow(AccessLogEntryLink? previous, AccessLogRecord record, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entry = new AccessLogEntry
        {
            Id = (previous?.Id ?? 0) + 1,
            At = new DateTimeOffset(at.UtcTicks, TimeSpan.Zero),
            UserId = record.UserId ?? string.Empty,
            UserName = record.UserName ?? string.Empty,
            Role = record.Role ?? string.Empty,
            UnitId = record.UnitId,
            Agency = record.Agency,
            ChildId = record.ChildId,
            Kind = record.Kind,
            Part = record.Part,
            Allowed = record.Allowed,
            Basis = record.Basis,
            BasisReference = record.BasisReference,
            SessionId = record.SessionId,
            PreviousHash = previous?.Hash ?? AccessLogChain.Genesis,
        };
        entry.Hash = AccessLogChain.ComputeHash(entry);
        return entry;
    }

    /// <summary>An entry exactly as it was read back from storage, for the chain check; nothing is recomputed.</summary>
    public static AccessLogEntry Restore(
        long id, DateTimeOffset at, string userId, string userName, string role, Guid? unitId, Sector? agency, Guid childId,
        AccessKind kind, RecordPart part, bool allowed, AccessBasis basis, string? basisReference, string? sessionId,
        string previousHash, string hash) =>
        new()
        {
            Id = id,
            At = at,
            UserId = userId,
            UserName = userName,
            Role = role,
            UnitId = unitId,
            Agency = agency,
            ChildId = childId,
            Kind = kind,
            Part = part,
            Allowed = allowed,
            Basis = basis,
            BasisReference = basisReference,
            SessionId = sessionId,
            PreviousHash = previousHash,
            Hash = hash,
        };

    public AccessLogEntryLink Link => new(Id, Hash);
}

/// <summary>What the next entry chains to: the sequence number and hash of the newest entry.</summary>
public sealed record AccessLogEntryLink(long Id, string Hash);
