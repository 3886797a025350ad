namespace TabbPortal.Domain.Children;

/// <summary>What a practitioner types to register a child or change the child's details.</summary>
public sealed class ChildInput
{
    public Guid? Id { get; set; }

    public string GivenName { get; set; } = string.Empty;

    public string FamilyName { get; set; } = string.Empty;

    public string PersonalIdentityNumber { get; set; } = string.Empty;

    /// <summary>The municipality the child lives in (an organisation of kind municipality).</summary>
    public Guid? MunicipalityId { get; set; }

    /// <summary>The child's preschool or school, if any.</summary>
    public Guid? SchoolUnitId { get; set; }

    public List<GuardianInput> Guardians { get; set; } = [];
}

public sealed class GuardianInput
{
    public Guid? Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? Relationship { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public bool HasCustody { get; set; } = true;
}
