using System.Globalization;

namespace TabbPortal.Domain.Plans;

/// <summary>The parts of a plan that a comparison lines up, one row each.</summary>
public enum ComparedPart
{
    Type = 1,
    OverallResponsible,
    Summary,
    SummaryWithheld,
    ChildViews,
    ChildViewsMissingReason,
    GuardianViews,
    NextReview,
    Participant,
    Need,
    NeedWithheld,
    Goal,
    ActionDescription,
    ActionResponsible,
    ActionPeriod,
    ActionOutcome,
    ActionEvidence,
    ActionStatus,
    ActionWithheld,
}

/// <summary>
/// One row of a side-by-side comparison: which part, the need it belongs to (for goals and actions), and its text in
/// each version; null where the version does not have it. Enum values (type, status) are given by name, flags as
/// "true"/"false", and dates as ISO dates, for the page to present in the reader's language.
/// </summary>
public sealed record ComparisonRow(ComparedPart Part, string? Need, string? Left, string? Right)
{
    public bool Changed => !string.Equals(Left, Right, StringComparison.Ordinal);
}

/// <summary>Lines up two versions of one plan, matching needs, goals and actions by identity so a renamed item is a change, not a new one.</summary>
public static class PlanComparison
{
    public static IReadOnlyList<ComparisonRow> Compare(PlanSnapshot left, PlanSnapshot right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var rows = new List<ComparisonRow>
        {
            new(ComparedPart.Type, null, left.Type.ToString(), right.Type.ToString()),
            new(ComparedPart.OverallResponsible, null, left.OverallResponsible, right.OverallResponsible),
            new(ComparedPart.Summary, null, left.Summary, right.Summary),
            new(ComparedPart.ChildViews, null, left.ChildViews, right.ChildViews),
            new(ComparedPart.ChildViewsMissingReason, null, left.ChildViewsMissingReason, right.ChildViewsMissingReason),
            new(ComparedPart.GuardianViews, null, left.GuardianViews, right.GuardianViews),
            new(ComparedPart.NextReview, null, Date(left.NextReviewOn), Date(right.NextReviewOn)),
        };
        AddWithheld(rows, ComparedPart.SummaryWithheld, null, left.SummaryWithheld, right.SummaryWithheld);

        foreach (var unit in Union(left.Participants.Select(p => p.Unit), right.Participants.Select(p => p.Unit)))
        {
            rows.Add(new(ComparedPart.Participant, null, Participant(left, unit), Participant(right, unit)));
        }

        foreach (var needId in Union(left.Needs.Select(n => n.Id), right.Needs.Select(n => n.Id)))
        {
            var a = left.Needs.SingleOrDefault(n => n.Id == needId);
            var b = right.Needs.SingleOrDefault(n => n.Id == needId);
            var name = b?.Description ?? a!.Description;
            rows.Add(new(ComparedPart.Need, name, a?.Description, b?.Description));
            AddWithheld(rows, ComparedPart.NeedWithheld, name, a?.Withheld, b?.Withheld);
            foreach (var goalId in Union(Goals(a).Select(g => g.Id), Goals(b).Select(g => g.Id)))
            {
                rows.Add(new(ComparedPart.Goal, name, Goals(a).SingleOrDefault(g => g.Id == goalId)?.Description,
                    Goals(b).SingleOrDefault(g => g.Id == goalId)?.Description));
            }

            foreach (var actionId in Union(Actions(a).Select(x => x.Id), Actions(b).Select(x => x.Id)))
            {
                var x = Actions(a).SingleOrDefault(action => action.Id == actionId);
                var y = Actions(b).SingleOrDefault(action => action.Id == actionId);
                rows.Add(new(ComparedPart.ActionDescription, name, x?.Description, y?.Description));
                rows.Add(new(ComparedPart.ActionResponsible, name, Responsible(x), Responsible(y)));
                rows.Add(new(ComparedPart.ActionPeriod, name, Period(x), Period(y)));
                rows.Add(new(ComparedPart.ActionOutcome, name, x?.DesiredOutcome, y?.DesiredOutcome));
                rows.Add(new(ComparedPart.ActionEvidence, name, x?.Evidence, y?.Evidence));
                rows.Add(new(ComparedPart.ActionStatus, name, x?.Status.ToString(), y?.Status.ToString()));
                AddWithheld(rows, ComparedPart.ActionWithheld, name, x?.Withheld, y?.Withheld);
            }
        }

        return rows;
    }

    /// <summary>A withheld mark is a row only where some version has it: "not withheld" everywhere is the normal case, not news.</summary>
    private static void AddWithheld(List<ComparisonRow> rows, ComparedPart part, string? need, bool? left, bool? right)
    {
        if (left is true || right is true)
        {
            rows.Add(new(part, need, Flag(left), Flag(right)));
        }
    }

    private static IEnumerable<T> Union<T>(IEnumerable<T> first, IEnumerable<T> second) => first.Concat(second).Distinct();

    private static IReadOnlyList<GoalSnapshot> Goals(NeedSnapshot? need) => need?.Goals ?? [];

    private static IReadOnlyList<ActionSnapshot> Actions(NeedSnapshot? need) => need?.Actions ?? [];

    private static string? Participant(PlanSnapshot plan, string unit) =>
        plan.Participants.FirstOrDefault(p => p.Unit == unit) is { } p ? $"{p.Unit}, {p.Organisation}: {p.ContactName}" : null;

    private static string? Responsible(ActionSnapshot? action) =>
        action is null ? null : action.ResponsiblePerson is { } person ? $"{action.ResponsibleUnit}, {person}" : action.ResponsibleUnit;

    private static string? Period(ActionSnapshot? action) => action is null ? null : $"{Date(action.StartOn)} – {Date(action.DueOn)}";

    private static string? Flag(bool? value) => value switch { null => null, true => "true", false => "false" };

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
