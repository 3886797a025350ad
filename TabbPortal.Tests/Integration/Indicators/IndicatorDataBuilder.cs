using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Concerns;
using TabbPortal.Domain.Consent;
using TabbPortal.Domain.Meetings;
using TabbPortal.Domain.Organisations;
using TabbPortal.Domain.Plans;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Tests.Integration.Indicators;

/// <summary>
/// A known data set for the indicators, in a municipality of its own ("Provkommun", North) beside the demo data, so
/// that the figures of that municipality are exactly what the test built. Children, plans, actions, reviews, concerns
/// and meetings are made through the domain's own methods, dated in the past.
/// </summary>
internal sealed class IndicatorDataBuilder
{
    private readonly List<object> _added = [];
    private int _serial = 700;

    private IndicatorDataBuilder(Organisation municipality, OrganisationUnit school, OrganisationUnit socialServices, OrganisationUnit healthCare)
    {
        Municipality = municipality;
        School = school;
        SocialServices = socialServices;
        HealthCare = healthCare;
    }

    public Organisation Municipality { get; }

    public OrganisationUnit School { get; }

    public OrganisationUnit SocialServices { get; }

    public OrganisationUnit HealthCare { get; }

    public List<Child> Children { get; } = [];

    public static async Task<IndicatorDataBuilder> InNewMunicipalityAsync(PortalFactory factory, string name = "Provkommun kommun")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var context = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var municipality = Organisation.Create(name, OrganisationKind.Municipality, SubRegion.North);
        var region = await context.Organisations.SingleAsync(o => o.Kind == OrganisationKind.Region);
        var school = OrganisationUnit.Create(municipality, $"Provskolan {name}", UnitType.School, name);
        var social = OrganisationUnit.Create(municipality, $"Provsocialtjänsten {name}", UnitType.SocialServices, name);
        var health = OrganisationUnit.Create(region, $"Prov-BVC {name}", UnitType.ChildHealthCentre, name);
        context.AddRange(municipality, school, social, health);
        await context.SaveChangesAsync();
        return new IndicatorDataBuilder(municipality, school, social, health);
    }

    /// <summary>A child registered on the day, moved to the level the same day, with a concern raised on <paramref name="concernOn"/> if given.</summary>
    public Child Child(DateOnly registered, SupportLevel level, DateOnly? concernOn = null)
    {
        var by = new StaffRef("indicator-builder", "Byggare", School.Id);
        var child = global::TabbPortal.Domain.Children.Child.Register(DemoChildren.Number(new DateOnly(2014, 3, 1), _serial++), "Provbarn", $"Nummer{_serial}",
            Municipality.Id, School.Id, [], by, At(registered));
        child.ChangeSupportLevel(level, registered, by.UserId, null);
        Children.Add(child);
        _added.Add(child);
        if (concernOn is { } on)
        {
            _added.Add(Concern.Record(new ConcernInput { ChildId = child.Id, WhatIsInTheWay = "Oro (test).", Decision = ConcernDecision.ConsentAndJointMeeting }, by, At(on)));
        }

        return child;
    }

    /// <summary>A plan opened on the day, with the child's views or not, one need with one goal; closed on <paramref name="closedOn"/> if given.</summary>
    public Plan Plan(Child child, DateOnly opened, bool childViews, DateOnly? closedOn = null, Action<Plan, PlanNeed>? more = null)
    {
        var plan = global::TabbPortal.Domain.Plans.Plan.Open(child.Id, "indicator-builder", At(opened));
        plan.RecordViews(null, childViews ? "Barnets egna ord (test)." : null, childViews ? null : "Ville inte (test).", null);
        var need = plan.AddNeed("Behov (test)");
        plan.AddGoal(need.Id, "Mål (test)");
        more?.Invoke(plan, need);
        if (closedOn is { } closed)
        {
            plan.Close("Klart (test).", closed);
        }

        _added.Add(plan);
        return plan;
    }

    public static void Action(Plan plan, PlanNeed need, OrganisationUnit unit, DateOnly start, DateOnly due, ActionStatus status = ActionStatus.InProgress) =>
        plan.AddAction(new ActionInput
        {
            NeedId = need.Id, Description = "Insats (test)", ResponsibleUnitId = unit.Id, StartOn = start, DueOn = due, DesiredOutcome = "Resultat (test)", Status = status,
        });

    public static void Review(Plan plan, DateOnly heldOn, DateOnly? next) =>
        plan.RecordReview(heldOn, "Byggare", plan.Needs.SelectMany(n => n.Goals).ToDictionary(g => g.Id, _ => GoalJudgement.PartlyReached), next, null, heldOn);

    /// <summary>The child's own consent (the builder's children have no guardians, so the child's is the one needed), withdrawn if asked.</summary>
    public void Consent(Child child, DateOnly from, DateOnly to, bool withdrawn = false)
    {
        var documenter = new ConsentDocumenter("indicator-builder", "Byggare", School.Id);
        var entry = ConsentEntry.Record(child.Id, new ConsentInput
        {
            Giver = ConsentGiver.Child, SharedWith = Agencies.All, Categories = Agencies.All, Purpose = "Samverkan (test).", Form = ConsentForm.Written,
            ValidFrom = from, ValidTo = to,
        }, "Provbarn", documenter, At(from));
        _added.Add(entry);
        if (withdrawn)
        {
            _added.Add(ConsentWithdrawal.Of(entry, "Provbarn", null, documenter, At(from.AddDays(1))));
        }
    }

    public Meeting Meeting(Plan plan, DateOnly heldOn)
    {
        var meeting = global::TabbPortal.Domain.Meetings.Meeting.Start(plan, heldOn, null, "indicator-builder", "Byggare", At(heldOn), heldOn);
        _added.Add(meeting);
        return meeting;
    }

    public async Task SaveAsync(PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var context = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        context.AddRange(_added);
        await context.SaveChangesAsync();
        _added.Clear();
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
}
