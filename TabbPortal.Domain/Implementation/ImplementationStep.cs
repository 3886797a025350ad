using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Implementation;

/// <summary>
/// One step of the county's implementation plan (e.g. "staff trained"), taken by every organisation or by every unit.
/// A step is retired rather than deleted, so that the progress recorded on it stays in the history.
/// </summary>
public sealed class ImplementationStep
{
    public const int NameMaxLength = 120;
    public const int DescriptionMaxLength = 1000;

    private ImplementationStep()
    {
        Name = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The step's place in the plan (1 first).</summary>
    public int Order { get; private set; }

    public StepScope Scope { get; private set; }

    /// <summary>True for the training step: its progress records the share of staff trained (0–100 %).</summary>
    public bool MeasuresShare { get; private set; }

    public bool IsActive { get; private set; }

    public static ImplementationStep Create(string name, string? description, int order, StepScope scope, bool measuresShare)
    {
        var step = new ImplementationStep { Id = Guid.NewGuid(), IsActive = true };
        step.Change(name, description, order, scope, measuresShare);
        return step;
    }

    public void Change(string name, string? description, int order, StepScope scope, bool measuresShare)
    {
        var normalised = Text.Normalise(name);
        if (normalised.Length == 0)
        {
            throw new DomainException("Step_Name_Required", "Ge steget ett namn.");
        }

        if (normalised.Length > NameMaxLength)
        {
            throw new DomainException("Step_Name_TooLong", "Namnet får vara högst 120 tecken.");
        }

        if (order < 1)
        {
            throw new DomainException("Step_Order_Invalid", "Ordningen är ett heltal från 1.");
        }

        if (!Enum.IsDefined(scope))
        {
            throw new DomainException("Step_Scope_Required", "Välj om steget gäller organisationen eller varje enhet.");
        }

        Name = normalised;
        Description = Text.Kept(description);
        Order = order;
        Scope = scope;
        MeasuresShare = measuresShare;
    }

    public void Retire() => IsActive = false;

    public void Reactivate() => IsActive = true;
}
