namespace TabbPortal.Domain.Children;

/// <summary>GIRFEC's levels: within the ordinary activity, my agency with support, or two or more agencies with a joint plan.</summary>
public enum SupportLevel
{
    Universal = 1,
    Targeted = 2,
    Coordinated = 3,
}

/// <summary>One period at a level of support. The current period has no end.</summary>
public sealed class SupportLevelPeriod
{
    private SupportLevelPeriod()
    {
        DecidedByUserId = string.Empty;
    }

    internal SupportLevelPeriod(SupportLevel level, DateOnly from, string decidedByUserId, string? reason)
    {
        Id = Guid.NewGuid();
        Level = level;
        From = from;
        DecidedByUserId = decidedByUserId;
        Reason = reason;
    }

    public Guid Id { get; private set; }

    public SupportLevel Level { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    public string DecidedByUserId { get; private set; }

    public string? Reason { get; private set; }

    public bool IsCurrent => To is null;

    internal void End(DateOnly on) => To = on;
}
