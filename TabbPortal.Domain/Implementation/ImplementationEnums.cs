namespace TabbPortal.Domain.Implementation;

/// <summary>How far an organisation (or one of its units) has come with one implementation step.</summary>
public enum StepStatus
{
    NotStarted = 1,
    InProgress = 2,
    Done = 3,
}

/// <summary>Whether a step is taken once per organisation or by each of its units.</summary>
public enum StepScope
{
    Organisation = 1,
    Unit = 2,
}

/// <summary>
/// How a county milestone gets its status: set by a process leader, or derived from the organisations' steps
/// (implementation started: every organisation has begun; carried out: every organisation has done every step).
/// </summary>
public enum MilestoneRule
{
    Manual = 1,
    ImplementationStarted = 2,
    ImplementationCarriedOut = 3,
}
