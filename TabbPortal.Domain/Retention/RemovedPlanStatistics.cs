using TabbPortal.Domain.Children;
using TabbPortal.Domain.Organisations;
using TabbPortal.Domain.Plans;

namespace TabbPortal.Domain.Retention;

/// <summary>
/// What is kept, anonymously, of a plan whose child was removed: enough for the follow-up of the model (municipality,
/// months opened and closed, the highest level of support, whether the child's views were recorded, actions per
/// sector, meetings). It carries no id of the child, the plan, a person or the run that removed it.
/// </summary>
public sealed class RemovedPlanStatistics
{
    private RemovedPlanStatistics()
    {
    }

    public Guid Id { get; private set; }

    public Guid MunicipalityId { get; private set; }

    public PlanType PlanType { get; private set; }

    /// <summary>The first day of the month the plan was opened (the day itself is not kept).</summary>
    public DateOnly OpenedMonth { get; private set; }

    public DateOnly ClosedMonth { get; private set; }

    public SupportLevel HighestSupportLevel { get; private set; }

    public bool ChildViewsRecorded { get; private set; }

    public int SchoolActions { get; private set; }

    public int SocialServicesActions { get; private set; }

    public int HealthCareActions { get; private set; }

    public int Meetings { get; private set; }

    public static RemovedPlanStatistics Of(Guid municipalityId, PlanType planType, DateOnly openedOn, DateOnly closedOn, SupportLevel highestLevel,
        bool childViewsRecorded, IReadOnlyCollection<Sector> actionSectors, int meetings)
    {
        ArgumentNullException.ThrowIfNull(actionSectors);
        ArgumentOutOfRangeException.ThrowIfNegative(meetings);
        return new RemovedPlanStatistics
        {
            Id = Guid.NewGuid(),
            MunicipalityId = municipalityId,
            PlanType = planType,
            OpenedMonth = new DateOnly(openedOn.Year, openedOn.Month, 1),
            ClosedMonth = new DateOnly(closedOn.Year, closedOn.Month, 1),
            HighestSupportLevel = highestLevel,
            ChildViewsRecorded = childViewsRecorded,
            SchoolActions = actionSectors.Count(s => s == Sector.School),
            SocialServicesActions = actionSectors.Count(s => s == Sector.SocialServices),
            HealthCareActions = actionSectors.Count(s => s == Sector.HealthCare),
            Meetings = meetings,
        };
    }
}
