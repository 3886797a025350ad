using TabbPortal.Domain.Plans;
using TabbPortal.Tests.Integration.Children;

namespace TabbPortal.Tests.Integration.Plans;

/// <summary>Inputs and comparisons for the plan's integration tests.</summary>
internal static class PlanInputs
{
    public const string Ekskolan = "Ekskolan";
    public const string SocialServices = "Flen kommun socialtjänst, barn och unga";
    public const string Region = "Region Sörmland";

    public static DateOnly Today => ChildInputs.Today;

    public static ActionInput Action(Guid needId, Guid unitId, string description, int dueInDays = 60) => new()
    {
        NeedId = needId,
        Description = description,
        ResponsibleUnitId = unitId,
        ResponsiblePerson = "Omar Haddad",
        StartOn = Today,
        DueOn = Today.AddDays(dueInDays),
        DesiredOutcome = "Önskat resultat för " + description,
        Evidence = "Följs upp på nästa möte.",
        Status = ActionStatus.Planned,
    };

    /// <summary>Every value of an action a user can change, for comparing what was saved with what was typed.</summary>
    public static (Guid? NeedId, string Description, Guid? Unit, string? Person, DateOnly? Start, DateOnly? Due, string Outcome, string? Evidence, ActionStatus? Status)
        Values(ActionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return (input.NeedId, input.Description, input.ResponsibleUnitId, input.ResponsiblePerson, input.StartOn, input.DueOn,
            input.DesiredOutcome, input.Evidence, input.Status);
    }

    public static PlanViewsInput Views(string childViews) => new()
    {
        Summary = "Sammanfattning: " + childViews,
        ChildViews = childViews,
        GuardianViews = "Vårdnadshavarnas synpunkter.",
    };
}
