using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Organisations;

/// <summary>A principal organisation in the collaboration: a municipality, the region or an independent school provider.</summary>
public sealed class Organisation
{
    private readonly List<OrganisationUnit> _units = [];

    private Organisation()
    {
        Name = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public OrganisationKind Kind { get; private set; }

    /// <summary>The sub-regional working group; the region and county-wide providers belong to none.</summary>
    public SubRegion? SubRegion { get; private set; }

    public bool IsActive { get; private set; }

    public IReadOnlyCollection<OrganisationUnit> Units => _units.AsReadOnly();

    public static Organisation Create(string name, OrganisationKind kind, SubRegion? subRegion)
    {
        var organisation = new Organisation { Id = Guid.NewGuid(), IsActive = true };
        organisation.Change(name, kind, subRegion);
        return organisation;
    }

    public void Change(string name, OrganisationKind kind, SubRegion? subRegion)
    {
        var normalised = Text.Normalise(name);
        if (normalised.Length == 0)
        {
            throw new DomainException("Organisation_Name_Required", "En organisation måste ha ett namn.");
        }

        if (kind == OrganisationKind.Municipality && subRegion is null)
        {
            throw new DomainException("Organisation_SubRegion_Required", "En kommun måste höra till en delregion.");
        }

        if (Kind != 0 && kind != Kind && _units.Any(u => !u.Type.IsRunBy(kind)))
        {
            throw new DomainException("Organisation_Kind_ConflictsWithUnits", "Organisationen har enheter som inte passar den nya typen.");
        }

        Name = normalised;
        Kind = kind;
        SubRegion = subRegion;
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;
}
