using TabbPortal.Domain.Organisations;

namespace TabbPortal.Web.Administration;

public sealed record OrganisationRow(Guid Id, string Name, OrganisationKind Kind, SubRegion? SubRegion, bool IsActive, int UnitCount, Guid Version);

public sealed record UnitRow(Guid Id, Guid OrganisationId, string Name, UnitType Type, Sector Sector, string? Municipality, bool IsActive, int StaffCount, Guid Version);

public sealed record OrganisationDetails(OrganisationRow Organisation, IReadOnlyList<UnitRow> Units);

/// <summary>A unit as a choice in a list, e.g. when giving a staff account its unit.</summary>
public sealed record UnitOption(Guid Id, string Name, string OrganisationName, Sector Sector);
