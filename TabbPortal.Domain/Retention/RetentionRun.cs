namespace TabbPortal.Domain.Retention;

/// <summary>
/// The receipt of one retention run: when, who, under which rule, whether it was a dry run, and which children (by id
/// only) were, or in a dry run would have been, removed with how many plans. Never changed after it is written.
/// </summary>
public sealed class RetentionRun
{
    private RetentionRun()
    {
        ByUserId = string.Empty;
        ByName = string.Empty;
        Rule = string.Empty;
        ChildIds = [];
    }

    public Guid Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string ByUserId { get; private set; }

    public string ByName { get; private set; }

    /// <summary>The rule as configured at the run, e.g. "Retention:ClosedPlanYears=5".</summary>
    public string Rule { get; private set; }

    public int ClosedPlanYears { get; private set; }

    public bool DryRun { get; private set; }

    public int ChildCount { get; private set; }

    public int PlanCount { get; private set; }

    public IReadOnlyList<Guid> ChildIds { get; private set; }

    public static RetentionRun Record(RetentionRule rule, bool dryRun, IReadOnlyList<Guid> childIds, int planCount, string byUserId, string byName,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(childIds);
        ArgumentException.ThrowIfNullOrWhiteSpace(byUserId);
        ArgumentOutOfRangeException.ThrowIfNegative(planCount);
        return new RetentionRun
        {
            Id = Guid.NewGuid(),
            At = at,
            ByUserId = byUserId,
            ByName = string.IsNullOrWhiteSpace(byName) ? byUserId : byName.Trim(),
            Rule = rule.ToString(),
            ClosedPlanYears = rule.ClosedPlanYears,
            DryRun = dryRun,
            ChildCount = childIds.Count,
            PlanCount = planCount,
            ChildIds = [.. childIds.Order()],
        };
    }
}
