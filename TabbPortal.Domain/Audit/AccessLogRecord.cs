using TabbPortal.Domain.Organisations;

namespace TabbPortal.Domain.Audit;

/// <summary>What a user did with a child's record: looked at it, changed it, printed it or exported it.</summary>
public enum AccessKind
{
    Read = 1,
    Write = 2,
    Print = 3,
    Export = 4,

    /// <summary>A log reviewer looked a child up by personal identity number, to find the child's id in the log.</summary>
    Lookup = 5,
}

/// <summary>The part of a child's record an access concerned. The log names the part, never the values in it.</summary>
public enum RecordPart
{
    Child = 1,
    Concerns = 2,
    Roles = 3,
    SupportLevel = 4,
    Assessments = 5,
    Plan = 6,
    PlanVersion = 7,
    FamilyCopy = 8,
    Meeting = 9,
    Consent = 10,
    EmergencyAccess = 11,
    DataExport = 12,
    Retention = 13,
}

/// <summary>Why an access was allowed: the child's consent, the user's own unit registered the child, or emergency access.</summary>
public enum AccessBasis
{
    None = 0,
    OwnUnit = 1,
    Consent = 2,
    Emergency = 3,

    /// <summary>The log reviewer's task: looking a child's id up for a review of the access log.</summary>
    LogReview = 4,
}

/// <summary>
/// One access to a child's record, allowed or denied, as the gate hands it to the access log. The log adds the time and
/// the hash chain. <see cref="BasisReference"/> names the consent entries or the emergency access the basis rests on.
/// </summary>
public sealed record AccessLogRecord(
    string UserId,
    string UserName,
    string Role,
    Guid? UnitId,
    Sector? Agency,
    Guid ChildId,
    AccessKind Kind,
    RecordPart Part,
    bool Allowed,
    AccessBasis Basis,
    string? BasisReference,
    string? SessionId);

/// <summary>
/// The append-only access log. <see cref="AppendAsync"/> returns only once the entry is stored; when it throws, the read
/// or write it describes must not happen.
/// </summary>
public interface IAccessLog
{
    Task AppendAsync(AccessLogRecord record, CancellationToken cancellationToken);
}
