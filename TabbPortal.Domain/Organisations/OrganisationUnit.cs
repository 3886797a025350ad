using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Organisations;

/// <summary>A unit that meets children: a school, a preschool, student health, social services, a BVC, BUP ...</summary>
public sealed class OrganisationUnit
{
    private OrganisationUnit()
    {
        Name = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; }

    public UnitType Type { get; private set; }

    public Sector Sector => Type.SectorOf();

    /// <summary>The municipality the unit serves; for region units the municipality they are located in, if any.</summary>
    public string? Municipality { get; private set; }

    public bool IsActive { get; private set; }

    public static OrganisationUnit Create(Organisation organisation, string name, UnitType type, string? municipality)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        if (!organisation.IsActive)
        {
            throw new DomainException("Unit_Organisation_Inactive", "Organisationen är inaktiverad och kan inte få nya enheter.");
        }

        var unit = new OrganisationUnit { Id = Guid.NewGuid(), OrganisationId = organisation.Id, IsActive = true };
        unit.Change(organisation, name, type, municipality);
        return unit;
    }

    public void Change(Organisation organisation, string name, UnitType type, string? municipality)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var normalised = Text.Normalise(name);
        if (normalised.Length == 0)
        {
            throw new DomainException("Unit_Name_Required", "En enhet måste ha ett namn.");
        }

        if (!type.IsRunBy(organisation.Kind))
        {
            throw new DomainException("Unit_Type_NotRunByOrganisation", "Den här typen av enhet drivs inte av den här sortens organisation.");
        }

        Name = normalised;
        Type = type;
        var place = Text.Normalise(municipality);
        Municipality = place.Length == 0 ? null : place;
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;
}
