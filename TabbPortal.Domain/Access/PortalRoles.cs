namespace TabbPortal.Domain.Access;

/// <summary>The roles of the portal. A practitioner's agency (school, social services, health care) follows from the unit.</summary>
public static class PortalRoles
{
    public const string Practitioner = "Practitioner";
    public const string ProcessLeader = "ProcessLeader";
    public const string Administrator = "Administrator";

    public static IReadOnlyList<string> All { get; } = [Practitioner, ProcessLeader, Administrator];

    /// <summary>A practitioner works at a unit; the other roles work across the county.</summary>
    public static bool RequiresUnit(string role) => role == Practitioner;
}
