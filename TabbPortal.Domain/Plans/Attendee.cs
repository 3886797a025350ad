using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Plans;

/// <summary>Who a person present at a meeting or a fixed version is.</summary>
public enum AttendeeKind
{
    Professional = 1,
    Guardian = 2,
    Child = 3,
    Other = 4,
}

/// <summary>A person present when the plan was agreed: a professional with their agency, a guardian, the child.</summary>
public sealed record Attendee(string Name, AttendeeKind Kind, string? Agency)
{
    public const int NameMaxLength = 200;

    /// <summary>
    /// The list tidied (names and agencies without stray white space), or refused when someone lacks a name, a name or
    /// agency is longer than 200 characters, or who they are is unknown.
    /// </summary>
    public static IReadOnlyList<Attendee> Checked(IEnumerable<Attendee> attendees)
    {
        ArgumentNullException.ThrowIfNull(attendees);
        var tidied = attendees.Select(a => a with { Name = Text.Normalise(a.Name), Agency = Text.OrNull(a.Agency) }).ToList();
        if (tidied.Any(a => a.Name.Length == 0 || a.Name.Length > NameMaxLength || a.Agency?.Length > NameMaxLength || !Enum.IsDefined(a.Kind)))
        {
            throw new DomainException("PlanVersion_Attendee_Invalid", "Ange namn (högst 200 tecken) för var och en som var med.");
        }

        return tidied;
    }
}
