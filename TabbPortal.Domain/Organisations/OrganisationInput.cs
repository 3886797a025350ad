namespace TabbPortal.Domain.Organisations;

/// <summary>What an administrator types to create or change an organisation.</summary>
public sealed class OrganisationInput
{
    public Guid? Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public OrganisationKind? Kind { get; set; }

    public SubRegion? SubRegion { get; set; }

    public static OrganisationInput From(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return new() { Id = organisation.Id, Name = organisation.Name, Kind = organisation.Kind, SubRegion = organisation.SubRegion };
    }
}
