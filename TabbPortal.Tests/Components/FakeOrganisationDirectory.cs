using TabbPortal.Domain.Organisations;

namespace TabbPortal.Tests.Components;

/// <summary>
/// A hand-written, in-memory <see cref="IOrganisationDirectory"/> for validator and component tests.
/// It compares names and e-mail addresses exactly as given (as the EF directory does), so a test can see whether
/// the validator normalised its input before asking. Every question asked is recorded.
/// </summary>
public sealed class FakeOrganisationDirectory : IOrganisationDirectory
{
    private readonly List<(Guid Id, string Name, OrganisationKind Kind, bool IsActive)> _organisations = [];
    private readonly List<(Guid Id, Guid OrganisationId, string Name, bool IsActive)> _units = [];
    private readonly List<(string UserId, string Email)> _accounts = [];
    private readonly List<string> _questions = [];

    /// <summary>The look-ups made so far, e.g. "OrganisationName:Flens kommun".</summary>
    public IReadOnlyList<string> Questions => _questions;

    public FakeOrganisationDirectory WithOrganisation(Guid id, string name, OrganisationKind kind, bool isActive = true)
    {
        _organisations.Add((id, name, kind, isActive));
        return this;
    }

    public FakeOrganisationDirectory WithUnit(Guid id, Guid organisationId, string name, bool isActive = true)
    {
        _units.Add((id, organisationId, name, isActive));
        return this;
    }

    /// <summary>An existing account; the e-mail is stored as the portal stores it (trimmed, lower case).</summary>
    public FakeOrganisationDirectory WithAccount(string userId, string email)
    {
        _accounts.Add((userId, email));
        return this;
    }

    public Task<bool> IsOrganisationNameTakenAsync(string name, Guid? exceptOrganisationId, CancellationToken cancellationToken)
    {
        _questions.Add($"OrganisationName:{name}");
        return Task.FromResult(_organisations.Exists(o => o.Name == name && o.Id != exceptOrganisationId));
    }

    public Task<bool> IsUnitNameTakenAsync(Guid organisationId, string name, Guid? exceptUnitId, CancellationToken cancellationToken)
    {
        _questions.Add($"UnitName:{name}");
        return Task.FromResult(_units.Exists(u => u.OrganisationId == organisationId && u.Name == name && u.Id != exceptUnitId));
    }

    public Task<OrganisationKind?> FindActiveOrganisationKindAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        _questions.Add($"OrganisationKind:{organisationId}");
        var index = _organisations.FindIndex(o => o.Id == organisationId && o.IsActive);
        return Task.FromResult(index < 0 ? null : (OrganisationKind?)_organisations[index].Kind);
    }

    public Task<bool> IsActiveUnitAsync(Guid unitId, CancellationToken cancellationToken)
    {
        _questions.Add($"ActiveUnit:{unitId}");
        return Task.FromResult(_units.Exists(u => u.Id == unitId && u.IsActive
            && _organisations.Exists(o => o.Id == u.OrganisationId && o.IsActive)));
    }

    public Task<bool> IsEmailTakenAsync(string email, string? exceptUserId, CancellationToken cancellationToken)
    {
        _questions.Add($"Email:{email}");
        return Task.FromResult(_accounts.Exists(a => a.Email == email && a.UserId != exceptUserId));
    }
}
