namespace TabbPortal.Domain.Access;

/// <summary>The roles of the portal. A practitioner's agency (school, social services, health care) follows from the unit.</summary>
public static class PortalRoles
{
    public const string Practitioner = "Practitioner";
    public const string ProcessLeader = "ProcessLeader";
    public const string Administrator = "Administrator";

    /// <summary>Reviews the access log and the emergency accesses; sees no child's record, only ids in the log.</summary>
    public const string LogReviewer = "LogReviewer";

    public static IReadOnlyList<string> All { get; } = [Practitioner, ProcessLeader, Administrator, LogReviewer];

    /// <summary>A practitioner works at a unit; the other roles work across the county.</summary>
    public static bool RequiresUnit(string role) => role == Practitioner;
}
