using TabbPortal.Domain.Children;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Tests.Domain.Children;

/// <summary>What is "already saved", in memory: registered numbers by child, active municipalities and active units.</summary>
internal sealed class FakeChildDirectory : IChildDirectory
{
    private readonly List<(string Number, Guid ChildId)> _registered = [];
    private readonly HashSet<Guid> _municipalities = [];
    private readonly Dictionary<Guid, UnitType> _units = [];

    /// <summary>The canonical numbers the validator asked about, in order.</summary>
    public List<string> Lookups { get; } = [];

    public FakeChildDirectory WithChild(string canonicalNumber, Guid childId)
    {
        _registered.Add((canonicalNumber, childId));
        return this;
    }

    public FakeChildDirectory WithMunicipality(Guid organisationId)
    {
        _municipalities.Add(organisationId);
        return this;
    }

    public FakeChildDirectory WithUnit(Guid unitId, UnitType type)
    {
        _units.Add(unitId, type);
        return this;
    }

    public Task<bool> IsRegisteredAsync(string personalIdentityNumber, Guid? exceptChildId, CancellationToken cancellationToken)
    {
        Lookups.Add(personalIdentityNumber);
        return Task.FromResult(_registered.Exists(r => r.Number == personalIdentityNumber && r.ChildId != exceptChildId));
    }

    public Task<bool> IsActiveMunicipalityAsync(Guid organisationId, CancellationToken cancellationToken) =>
        Task.FromResult(_municipalities.Contains(organisationId));

    public Task<UnitType?> FindActiveUnitTypeAsync(Guid unitId, CancellationToken cancellationToken) =>
        Task.FromResult(_units.TryGetValue(unitId, out var type) ? type : (UnitType?)null);
}
