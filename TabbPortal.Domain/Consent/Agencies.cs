using TabbPortal.Domain.Organisations;

namespace TabbPortal.Domain.Consent;

/// <summary>A set of the three agencies, for what a consent lets share and with whom.</summary>
[Flags]
public enum Agencies
{
    None = 0,
    School = 1,
    SocialServices = 2,
    HealthCare = 4,
    All = School | SocialServices | HealthCare,
}

public static class AgenciesExtensions
{
    public static Agencies AsAgencies(this Sector sector) => sector switch
    {
        Sector.School => Agencies.School,
        Sector.SocialServices => Agencies.SocialServices,
        Sector.HealthCare => Agencies.HealthCare,
        _ => Agencies.None,
    };

    public static bool Includes(this Agencies set, Sector sector) => (set & sector.AsAgencies()) != Agencies.None;

    public static IEnumerable<Sector> Sectors(this Agencies set) =>
        Enum.GetValues<Sector>().Where(s => set.Includes(s));
}
