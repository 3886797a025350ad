using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Web.Audit;

/// <summary>What to show of the log: any combination of child, user, unit and period (local dates, both days included).</summary>
public sealed class AccessLogFilter
{
    public Guid? ChildId { get; set; }

    public string? UserId { get; set; }

    public Guid? UnitId { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }
}

/// <summary>One entry as the log reviewer sees it: ids and names of staff and units, never anything about the child but its id.</summary>
public sealed record AccessLogRow(
    long Id, DateTimeOffset At, string UserId, string UserName, string Role, string? UnitName, Sector? Agency, Guid ChildId,
    AccessKind Kind, RecordPart Part, bool Allowed, AccessBasis Basis, string? BasisReference, string? SessionId);

public sealed record AccessLogPage(IReadOnlyList<AccessLogRow> Rows, int Total, int PageIndex, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

public sealed record ReviewerOption(string Value, string Label);

public enum ChildLookupOutcome
{
    Found = 1,
    NotFound = 2,
    NotAnIdOrNumber = 3,
}

public sealed record ChildLookup(ChildLookupOutcome Outcome, Guid? ChildId);

/// <summary>A drawn sample: the period, how many entries it held, and the drawn entries in sequence order.</summary>
public sealed record LogSample(DateOnly From, DateOnly To, int EntriesInPeriod, IReadOnlyList<AccessLogRow> Entries);

public sealed record LogReviewRow(
    Guid Id, DateTimeOffset ReviewedAt, string ReviewerName, DateOnly PeriodFrom, DateOnly PeriodTo, IReadOnlyList<long> SampleEntryIds,
    string Conclusion, bool HasRemarks);
