using Microsoft.AspNetCore.Identity;

namespace TabbPortal.Web.Security;

/// <summary>A staff account. The role is an identity role; the unit gives the practitioner's agency.</summary>
public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    public string? Title { get; set; }

    public Guid? UnitId { get; set; }

    public bool IsActive { get; set; } = true;
}
