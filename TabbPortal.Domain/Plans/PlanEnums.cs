namespace TabbPortal.Domain.Plans;

/// <summary>A child's plan, or a coordinated individual plan (SIP) when social services and health care are both needed.</summary>
public enum PlanType
{
    ChildsPlan = 1,
    Sip = 2,
}

public enum PlanStatus
{
    Open = 1,
    Closed = 2,
}

public enum ActionStatus
{
    Planned = 1,
    InProgress = 2,
    Done = 3,
    Cancelled = 4,
}
