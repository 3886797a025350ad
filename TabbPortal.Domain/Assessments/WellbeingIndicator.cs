namespace TabbPortal.Domain.Assessments;

/// <summary>
/// The eight indicators of the wellbeing wheel (GIRFEC's SHANARRI). The codes are stable; the labels shown are
/// configured, since no official Swedish wording exists and regions differ.
/// </summary>
public enum WellbeingIndicator
{
    Safe = 1,
    Healthy = 2,
    Achieving = 3,
    Nurtured = 4,
    Active = 5,
    Respected = 6,
    Responsible = 7,
    Included = 8,
}

/// <summary>Whose view a rating is: the child's, a guardian's or the professionals'. Each is recorded separately.</summary>
public enum Perspective
{
    Child = 1,
    Guardian = 2,
    Professionals = 3,
}
