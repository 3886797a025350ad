namespace TabbPortal.Domain.Children;

/// <summary>
/// The contact person for the child (GIRFEC's Named Person: midwife, BVC nurse, principal, KAA officer by age) and,
/// when two or more agencies work together, the coordinator of the plan (GIRFEC's Lead Professional).
/// </summary>
public enum ChildRole
{
    ContactPerson = 1,
    Coordinator = 2,
}

/// <summary>A time-bounded assignment of a role around the child. A handover ends one and starts the next.</summary>
public sealed class RoleAssignment
{
    private RoleAssignment()
    {
        StaffUserId = string.Empty;
        StaffName = string.Empty;
    }

    internal RoleAssignment(ChildRole role, StaffRef staff, DateOnly from, string? handoverNote)
    {
        Id = Guid.NewGuid();
        Role = role;
        StaffUserId = staff.UserId;
        StaffName = staff.Name;
        UnitId = staff.UnitId;
        From = from;
        HandoverNote = handoverNote;
    }

    public Guid Id { get; private set; }

    public ChildRole Role { get; private set; }

    public string StaffUserId { get; private set; }

    /// <summary>The name as it was at the assignment, so that history reads true after a name change or a deactivation.</summary>
    public string StaffName { get; private set; }

    public Guid UnitId { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    /// <summary>What the previous holder handed over, in a few words.</summary>
    public string? HandoverNote { get; private set; }

    public bool IsCurrentOn(DateOnly date) => From <= date && (To is null || To > date);

    internal void End(DateOnly on) => To = on;
}

/// <summary>A member of staff as the child's record refers to them.</summary>
public sealed record StaffRef(string UserId, string Name, Guid UnitId);
