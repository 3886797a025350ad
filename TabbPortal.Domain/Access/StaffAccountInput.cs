namespace TabbPortal.Domain.Access;

/// <summary>What an administrator types to create or change a staff account.</summary>
public sealed class StaffAccountInput
{
    /// <summary>Null for a new account.</summary>
    public string? Id { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string? Title { get; set; }

    public string Role { get; set; } = string.Empty;

    public Guid? UnitId { get; set; }

    /// <summary>Required for a new account; for an existing one, a new password is set only when filled in.</summary>
    public string? Password { get; set; }

    public bool IsNew => Id is null;
}
