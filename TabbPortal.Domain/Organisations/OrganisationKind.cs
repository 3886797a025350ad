namespace TabbPortal.Domain.Organisations;

public enum OrganisationKind
{
    Municipality = 1,
    Region = 2,
    IndependentSchoolProvider = 3,
}
