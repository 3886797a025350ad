namespace TabbPortal.Domain.Organisations;

public enum UnitType
{
    Preschool = 1,
    School = 2,
    StudentHealth = 3,
    SocialServices = 4,
    YouthActivity = 5,
    MaternityCare = 6,
    ChildHealthCentre = 7,
    ChildAndAdolescentPsychiatry = 8,
    PrimaryCare = 9,
}

public static class UnitTypeRules
{
    /// <summary>The sector follows from the type of unit; it is never stored apart from it.</summary>
    public static Sector SectorOf(this UnitType type) => type switch
    {
        UnitType.Preschool or UnitType.School or UnitType.StudentHealth => Sector.School,
        UnitType.SocialServices or UnitType.YouthActivity => Sector.SocialServices,
        UnitType.MaternityCare or UnitType.ChildHealthCentre or UnitType.ChildAndAdolescentPsychiatry
            or UnitType.PrimaryCare => Sector.HealthCare,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>
    /// Which units each kind of organisation runs in Sörmland: the municipalities run school, social services and
    /// the youth activity responsibility (KAA); the region runs health care; independent providers run schools.
    /// </summary>
    public static bool IsRunBy(this UnitType type, OrganisationKind kind) => kind switch
    {
        OrganisationKind.Municipality => type.SectorOf() is Sector.School or Sector.SocialServices,
        OrganisationKind.Region => type.SectorOf() is Sector.HealthCare,
        OrganisationKind.IndependentSchoolProvider => type is UnitType.Preschool or UnitType.School or UnitType.StudentHealth,
        _ => false,
    };
}
