using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Children;

/// <summary>A guardian (vårdnadshavare) or another adult close to the child, with contact details.</summary>
public sealed class Guardian
{
    private Guardian()
    {
        Name = string.Empty;
    }

    internal Guardian(GuardianInput input)
    {
        Id = Guid.NewGuid();
        Name = string.Empty;
        Update(input);
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>E.g. mamma, pappa, familjehemsförälder.</summary>
    public string? Relationship { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    /// <summary>Whether the person has legal custody (vårdnad); only guardians with custody consent for the child.</summary>
    public bool HasCustody { get; private set; }

    internal void Update(GuardianInput input)
    {
        Name = Text.Normalise(input.Name);
        Relationship = Text.OrNull(input.Relationship);
        Phone = Text.OrNull(input.Phone);
        Email = Text.OrNull(input.Email)?.ToLowerInvariant();
        HasCustody = input.HasCustody;
    }
}
