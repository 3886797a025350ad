using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Concerns;
using TabbPortal.Domain.Organisations;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Children;

public sealed record ChildRow(Guid Id, string Name, string PersonalIdentityNumber, int Age, string Municipality, SupportLevel Level, string? ContactPerson);

public sealed record GuardianView(Guid Id, string Name, string? Relationship, string? Phone, string? Email, bool HasCustody);

public sealed record SupportLevelView(SupportLevel Level, DateOnly From, DateOnly? To, string DecidedBy, string? Reason);

public sealed record RoleView(ChildRole Role, string StaffName, string UnitName, Sector Sector, DateOnly From, DateOnly? To, string? HandoverNote);

public sealed record ConcernView(
    Guid Id, DateTimeOffset RaisedAt, string RaisedBy, string RaisedByUnit, string WhatIsInTheWay, string? InformationNeeded, string? WhatICanDo,
    string? WhatMyAgencyCanDo, string? HelpNeededFromOthers, ConcernDecision Decision, string? HandedOverTo, DateOnly? ReportedOn, string? ReportedBy);

public sealed record ChildDetails(
    Guid Id,
    string GivenName,
    string FamilyName,
    string PersonalIdentityNumber,
    bool IsCoordinationNumber,
    int Age,
    Guid MunicipalityId,
    string Municipality,
    Guid? SchoolUnitId,
    string? School,
    string RegisteredBy,
    DateTimeOffset RegisteredAt,
    SupportLevel Level,
    IReadOnlyList<GuardianView> Guardians,
    IReadOnlyList<SupportLevelView> SupportLevels,
    IReadOnlyList<RoleView> Roles,
    IReadOnlyList<ConcernView> Concerns,
    Guid Version,
    ChildAccessView Access)
{
    public RoleView? Current(ChildRole role) => Roles.FirstOrDefault(r => r.Role == role && r.To is null);

    public ChildInput ToInput() => new()
    {
        Id = Id,
        GivenName = GivenName,
        FamilyName = FamilyName,
        PersonalIdentityNumber = PersonalIdentityNumber,
        MunicipalityId = MunicipalityId,
        SchoolUnitId = SchoolUnitId,
        Guardians = [.. Guardians.Select(g => new GuardianInput
        {
            Id = g.Id, Name = g.Name, Relationship = g.Relationship, Phone = g.Phone, Email = g.Email, HasCustody = g.HasCustody,
        })],
    };
}

/// <summary>A choice in a list: a municipality, a school, a unit to hand over to, a member of staff.</summary>
public sealed record Option(string Value, string Label, string? Group = null);

/// <summary>On what the user sees the child now: consent (the whole record), own unit (its own information) or emergency access (until when).</summary>
public sealed record ChildAccessView(AccessBasis Basis, ChildAccessScope Scope, DateTimeOffset? EmergencyUntil)
{
    public bool IsFull => Scope == ChildAccessScope.Full;

    public bool IsEmergency => Basis == AccessBasis.Emergency;
}
