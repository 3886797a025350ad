namespace TabbPortal.Domain.Organisations;

/// <summary>The three sub-regional working groups of the county (delregionala arbetsgrupper).</summary>
public enum SubRegion
{
    North = 1,
    West = 2,
    South = 3,
}
