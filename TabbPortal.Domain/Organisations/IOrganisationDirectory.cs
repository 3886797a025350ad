namespace TabbPortal.Domain.Organisations;

/// <summary>The look-ups that the organisation and account rules need from what is already saved.</summary>
public interface IOrganisationDirectory
{
    Task<bool> IsOrganisationNameTakenAsync(string name, Guid? exceptOrganisationId, CancellationToken cancellationToken);

    Task<bool> IsUnitNameTakenAsync(Guid organisationId, string name, Guid? exceptUnitId, CancellationToken cancellationToken);

    /// <summary>The kind of an active organisation, or null when it does not exist or is deactivated.</summary>
    Task<OrganisationKind?> FindActiveOrganisationKindAsync(Guid organisationId, CancellationToken cancellationToken);

    Task<bool> IsActiveUnitAsync(Guid unitId, CancellationToken cancellationToken);

    Task<bool> IsEmailTakenAsync(string email, string? exceptUserId, CancellationToken cancellationToken);
}
