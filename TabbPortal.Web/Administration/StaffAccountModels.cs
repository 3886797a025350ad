namespace TabbPortal.Web.Administration;

public sealed record StaffAccountRow(
    string Id,
    string DisplayName,
    string Email,
    string? Title,
    string Role,
    Guid? UnitId,
    string? UnitName,
    string? OrganisationName,
    bool IsActive,
    bool IsLockedOut,
    string ConcurrencyStamp);
