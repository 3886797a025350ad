using TabbPortal.Domain.Children;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Tests.Components.Children;

/// <summary>
/// A hand-written, in-memory <see cref="IChildDirectory"/> for component tests. Numbers are compared exactly as given
/// (the EF directory compares the canonical twelve digits), so a test can see whether the validator asked with the
/// canonical form. Every question asked is recorded.
/// </summary>
public sealed class FakeChildDirectory : IChildDirectory
{
    private readonly List<(string Number, Guid ChildId)> _children = [];
    private readonly HashSet<Guid> _municipalities = [];
    private readonly Dictionary<Guid, UnitType> _units = [];
    private readonly List<string> _questions = [];

    /// <summary>The look-ups made so far, e.g. "Registered:201501012388".</summary>
    public IReadOnlyList<string> Questions => _questions;

    /// <summary>A registered child; <paramref name="canonicalNumber"/> is the twelve digits "YYYYMMDDNNNC".</summary>
    public FakeChildDirectory WithChild(string canonicalNumber, Guid childId)
    {
        _children.Add((canonicalNumber, childId));
        return this;
    }

    public FakeChildDirectory WithActiveMunicipality(Guid organisationId)
    {
        _municipalities.Add(organisationId);
        return this;
    }

    public FakeChildDirectory WithActiveUnit(Guid unitId, UnitType type)
    {
        _units[unitId] = type;
        return this;
    }

    public Task<bool> IsRegisteredAsync(string personalIdentityNumber, Guid? exceptChildId, CancellationToken cancellationToken)
    {
        _questions.Add($"Registered:{personalIdentityNumber}");
        return Task.FromResult(_children.Exists(c => c.Number == personalIdentityNumber && c.ChildId != exceptChildId));
    }

    public Task<bool> IsActiveMunicipalityAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        _questions.Add($"Municipality:{organisationId}");
        return Task.FromResult(_municipalities.Contains(organisationId));
    }

    public Task<UnitType?> FindActiveUnitTypeAsync(Guid unitId, CancellationToken cancellationToken)
    {
        _questions.Add($"Unit:{unitId}");
        return Task.FromResult(_units.TryGetValue(unitId, out var type) ? type : (UnitType?)null);
    }
}
