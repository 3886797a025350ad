namespace TabbPortal.Domain.Plans;

/// <summary>Which part of the plan a change touched.</summary>
public enum PlanPart
{
    Plan = 1,
    Views = 2,
    Need = 3,
    Goal = 4,
    Action = 5,
    Participant = 6,
    Sip = 7,
    Review = 8,
    Closed = 9,
    Fixed = 10,
}

/// <summary>One entry of the plan's history: who changed which part, when, and a short description. Never changed.</summary>
public sealed class PlanChange
{
    private PlanChange()
    {
        UserId = string.Empty;
        UserName = string.Empty;
    }

    public PlanChange(Guid planId, PlanPart part, string? summary, string userId, string userName, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        PlanId = planId;
        Part = part;
        Summary = summary is { Length: > 200 } ? summary[..200] : summary;
        UserId = userId;
        UserName = userName;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public PlanPart Part { get; private set; }

    public string? Summary { get; private set; }

    public string UserId { get; private set; }

    public string UserName { get; private set; }

    public DateTimeOffset At { get; private set; }
}
