namespace TabbPortal.Domain.Organisations;

/// <summary>What an administrator types to create or change a unit.</summary>
public sealed class UnitInput
{
    public Guid? Id { get; set; }

    public Guid? OrganisationId { get; set; }

    public string Name { get; set; } = string.Empty;

    public UnitType? Type { get; set; }

    public string? Municipality { get; set; }

    public static UnitInput From(OrganisationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new() { Id = unit.Id, OrganisationId = unit.OrganisationId, Name = unit.Name, Type = unit.Type, Municipality = unit.Municipality };
    }
}
