using TabbPortal.Domain.Retention;

namespace TabbPortal.Web.Retention;

/// <summary>The setting <c>Retention:ClosedPlanYears</c>.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    public int ClosedPlanYears { get; set; } = RetentionRule.DefaultClosedPlanYears;
}

/// <summary>A child the rule would remove, as an administrator may see it: the id, the municipality and the day the last plan closed.</summary>
public sealed record RetentionCandidate(Guid ChildId, string Municipality, DateOnly LastClosedOn, int Plans);

public sealed record RetentionReceipt(
    Guid Id, DateTimeOffset At, string By, string Rule, bool DryRun, int Children, int Plans, IReadOnlyList<Guid> ChildIds);

public sealed record RetentionOverview(int ClosedPlanYears, DateOnly ClosedBefore, IReadOnlyList<RetentionCandidate> Candidates, IReadOnlyList<RetentionReceipt> Receipts);
