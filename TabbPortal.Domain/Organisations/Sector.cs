namespace TabbPortal.Domain.Organisations;

/// <summary>The three agencies that collaborate around a child. Secrecy between them is lifted only by consent.</summary>
public enum Sector
{
    School = 1,
    SocialServices = 2,
    HealthCare = 3,
}
