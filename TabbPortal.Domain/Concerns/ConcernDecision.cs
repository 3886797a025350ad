namespace TabbPortal.Domain.Concerns;

/// <summary>What follows from the five questions.</summary>
public enum ConcernDecision
{
    HandleWithinAgency = 1,
    HandOverToAnotherAgency = 2,
    ConsentAndJointMeeting = 3,
}
