using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Audit;

/// <summary>
/// A periodic review of the access log: a random sample of the entries in a period, looked through by a log reviewer,
/// with the conclusion and whether it gave rise to a remark ("anmärkning"). Recorded once, never changed.
/// </summary>
public sealed class LogReview
{
    public const int ConclusionMaxLength = 4000;
    public const int MaxSampleSize = 200;

    private LogReview()
    {
        ReviewerUserId = string.Empty;
        ReviewerName = string.Empty;
        SampleEntryIds = [];
        Conclusion = string.Empty;
    }

    public Guid Id { get; private set; }

    public string ReviewerUserId { get; private set; }

    public string ReviewerName { get; private set; }

    public DateTimeOffset ReviewedAt { get; private set; }

    public DateOnly PeriodFrom { get; private set; }

    public DateOnly PeriodTo { get; private set; }

    /// <summary>The sequence numbers of the sampled access-log entries, in ascending order.</summary>
    public IReadOnlyList<long> SampleEntryIds { get; private set; }

    public string Conclusion { get; private set; }

    public bool HasRemarks { get; private set; }

    public static LogReview Record(string reviewerUserId, string reviewerName, DateOnly periodFrom, DateOnly periodTo,
        IEnumerable<long> sampleEntryIds, string? conclusion, bool hasRemarks, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(reviewerUserId);
        ArgumentNullException.ThrowIfNull(sampleEntryIds);
        var ids = sampleEntryIds.Distinct().Order().ToList();
        if (periodTo < periodFrom)
        {
            throw new DomainException("LogReview_Period_Order", "Periodens slut kan inte ligga före dess början.");
        }

        if (ids.Count == 0)
        {
            throw new DomainException("LogReview_Sample_Empty", "Dra ett stickprov innan granskningen registreras.");
        }

        var text = conclusion?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new DomainException("LogReview_Conclusion_Required", "Skriv granskningens slutsats.");
        }

        if (text.Length > ConclusionMaxLength)
        {
            throw new DomainException("LogReview_Conclusion_TooLong", "Slutsatsen får vara högst 4000 tecken.");
        }

        return new LogReview
        {
            Id = Guid.NewGuid(),
            ReviewerUserId = reviewerUserId,
            ReviewerName = reviewerName ?? string.Empty,
            ReviewedAt = now,
            PeriodFrom = periodFrom,
            PeriodTo = periodTo,
            SampleEntryIds = ids,
            Conclusion = text,
            HasRemarks = hasRemarks,
        };
    }
}
