using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Plans;

/// <summary>
/// A plan version fixed ("fastställd") on a day with the people present. It keeps a snapshot of the plan as agreed and
/// never changes afterwards: it has no method that changes it, and the database refuses updates of its row.
/// </summary>
public sealed class PlanVersion
{
    private PlanVersion()
    {
        FixedByUserId = string.Empty;
        FixedByName = string.Empty;
        Attendees = [];
        Snapshot = null!;
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    /// <summary>1 for the first fixed version of the plan, then 2, 3 …</summary>
    public int Number { get; private set; }

    public DateOnly FixedOn { get; private set; }

    public DateTimeOffset FixedAt { get; private set; }

    public string FixedByUserId { get; private set; }

    public string FixedByName { get; private set; }

    public IReadOnlyList<Attendee> Attendees { get; private set; }

    public PlanSnapshot Snapshot { get; private set; }

    /// <summary>
    /// Fixes the plan as it is described by <paramref name="snapshot"/>. The plan must be open, hold at least one need,
    /// and have the child's views or the reason they are missing; the day cannot be in the future, and somebody was present.
    /// </summary>
    public static PlanVersion Fix(Plan plan, int number, PlanSnapshot snapshot, DateOnly fixedOn, IEnumerable<Attendee> attendees,
        string userId, string userName, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(attendees);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        if (plan.Status == PlanStatus.Closed)
        {
            throw new DomainException("Plan_Closed", "Planen är avslutad och kan inte ändras.");
        }

        if (fixedOn > today)
        {
            throw new DomainException("PlanVersion_FixedOn_Future", "En plan kan inte fastställas i förväg.");
        }

        if (fixedOn < DateOnly.FromDateTime(plan.CreatedAt.Date))
        {
            throw new DomainException("PlanVersion_FixedOn_BeforePlan", "Planen kan inte fastställas före den dag den skapades.");
        }

        if (snapshot.Needs.Count == 0)
        {
            throw new DomainException("PlanVersion_NoNeeds", "Skriv in minst ett behov innan planen fastställs.");
        }

        if (Text.OrNull(snapshot.ChildViews) is null && Text.OrNull(snapshot.ChildViewsMissingReason) is null)
        {
            throw new DomainException("Plan_ChildViews_ReasonRequired", "Skriv barnets egna synpunkter, eller varför de saknas.");
        }

        var present = Attendee.Checked(attendees);
        if (present.Count == 0)
        {
            throw new DomainException("PlanVersion_Attendees_Required", "Ange vilka som var med när planen fastställdes.");
        }

        return new PlanVersion
        {
            Id = Guid.NewGuid(),
            PlanId = plan.Id,
            Number = number,
            FixedOn = fixedOn,
            FixedAt = now,
            FixedByUserId = userId,
            FixedByName = userName,
            Attendees = present,
            Snapshot = snapshot,
        };
    }
}
