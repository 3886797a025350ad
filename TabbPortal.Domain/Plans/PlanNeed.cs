using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Plans;

/// <summary>A need of the child that the plan answers, with the goals that say what should be different.</summary>
public sealed class PlanNeed
{
    private readonly List<PlanGoal> _goals = [];

    private PlanNeed()
    {
        Description = string.Empty;
    }

    internal PlanNeed(string description)
    {
        Id = Guid.NewGuid();
        Description = Required(description);
    }

    public Guid Id { get; private set; }

    public string Description { get; private set; }

    public IReadOnlyCollection<PlanGoal> Goals => _goals.AsReadOnly();

    /// <summary>Left out of the family's copy, with its goals and actions.</summary>
    public bool WithheldFromFamily { get; private set; }

    internal void WithholdFromFamily(bool withheld) => WithheldFromFamily = withheld;

    internal void Describe(string description) => Description = Required(description);

    internal PlanGoal AddGoal(string description)
    {
        var goal = new PlanGoal(description);
        _goals.Add(goal);
        return goal;
    }

    private static string Required(string description) =>
        Text.Kept(description) ?? throw new DomainException("Need_Description_Required", "Beskriv behovet.");
}

public sealed class PlanGoal
{
    private PlanGoal()
    {
        Description = string.Empty;
    }

    internal PlanGoal(string description)
    {
        Id = Guid.NewGuid();
        Description = Text.Kept(description) ?? throw new DomainException("Goal_Description_Required", "Beskriv målet.");
    }

    public Guid Id { get; private set; }

    public string Description { get; private set; }
}
