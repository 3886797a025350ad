using TabbPortal.Domain.Organisations;

namespace TabbPortal.Domain.Children;

/// <summary>The look-ups the child rules need from what is already saved.</summary>
public interface IChildDirectory
{
    /// <summary>Whether another child is registered with this number (canonical 12 digits).</summary>
    Task<bool> IsRegisteredAsync(string personalIdentityNumber, Guid? exceptChildId, CancellationToken cancellationToken);

    Task<bool> IsActiveMunicipalityAsync(Guid organisationId, CancellationToken cancellationToken);

    /// <summary>The type of an active unit, or null when it does not exist or is deactivated.</summary>
    Task<UnitType?> FindActiveUnitTypeAsync(Guid unitId, CancellationToken cancellationToken);
}
