namespace TabbPortal.Domain.Retention;

/// <summary>
/// When a child's data is removed (gallring): every plan of the child was closed more than <see cref="ClosedPlanYears"/>
/// years ago, no plan is open, and nothing has happened in the child's record since the last plan closed (no concern,
/// assessment, level of support, role, meeting, consent or other write).
/// </summary>
public sealed record RetentionRule
{
    public const int DefaultClosedPlanYears = 5;

    public RetentionRule(int closedPlanYears)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(closedPlanYears, 1);
        ClosedPlanYears = closedPlanYears;
    }

    public int ClosedPlanYears { get; }

    /// <summary>A plan closed before this day was closed more than the rule's years ago.</summary>
    public DateOnly ClosedBefore(DateOnly today) => today.AddYears(-ClosedPlanYears);

    /// <summary>Whether the child's data goes. A child without any plan is never removed by this rule.</summary>
    public bool Applies(ChildRetentionFacts facts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return !facts.HasOpenPlan
            && facts.LastClosedOn is { } closed
            && closed < ClosedBefore(today)
            && (facts.LastActivityOn is not { } activity || activity <= closed);
    }

    public override string ToString() => $"Retention:ClosedPlanYears={ClosedPlanYears}";
}

/// <summary>What the rule looks at for one child: open plans, the day the last plan closed, and the last day anything happened.</summary>
public sealed record ChildRetentionFacts(Guid ChildId, bool HasOpenPlan, DateOnly? LastClosedOn, DateOnly? LastActivityOn);
