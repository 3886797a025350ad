using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Plans;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Web.Plans;
using static TabbPortal.Tests.Integration.Children.DemoLookup;
using static TabbPortal.Tests.Integration.Plans.PlanInputs;

namespace TabbPortal.Tests.Integration.Plans;

/// <summary>Fixing plan versions, comparing them and the family's copy, through <see cref="PlanService"/> and the real SQLite database.</summary>
public sealed class PlanVersionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static FixVersionInput Meeting(DateOnly? on = null) => new()
    {
        FixedOn = on ?? Today,
        Attendees =
        [
            new AttendeeInput { Present = true, Name = "Karin Ek", Kind = AttendeeKind.Professional, Agency = Ekskolan },
            new AttendeeInput { Present = true, Name = "Anna Andersson", Kind = AttendeeKind.Guardian },
            new AttendeeInput { Present = false, Name = "Inte där", Kind = AttendeeKind.Other },
        ],
    };

    /// <summary>A plan with the child's views and one need with a goal and an action, ready to be fixed.</summary>
    private async Task<(PlanDetails Plan, Guid NeedId, ActionView Action)> ReadyPlanAsync(string givenName)
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, givenName);
        var plan = await factory.OpenPlanAsync(Karin, childId);
        (await factory.PlansAsAsync(Karin, s => s.SaveViewsAsync(plan.Id, Views($"{givenName} vill läsa själv."), plan.Version))).AssertSaved();
        var needId = await factory.AddNeedAsync(Karin, plan, "Stöd i läsning");
        (await factory.PlansAsAsync(Karin, s => s.AddGoalAsync(plan.Id, needId, "Läser en kapitelbok"))).AssertSaved();
        var action = await factory.AddActionAsync(Karin, plan, Action(needId, await UnitIdAsync(factory, Ekskolan), "Lästräning"));
        return (await factory.ReloadPlanAsync(Karin, childId), needId, action);
    }

    [Fact]
    public async Task AFixedVersionKeepsThePlanAsItWasWithTheDayAndThePeoplePresent()
    {
        var (plan, _, action) = await ReadyPlanAsync("Vera");

        (await factory.PlansAsAsync(Omar, s => s.FixVersionAsync(plan.Id, Meeting(), plan.Version))).AssertSaved();
        // Later changes to the plan do not reach the fixed version.
        var changed = action.ToInput();
        changed.Status = ActionStatus.Done;
        (await factory.PlansAsAsync(Karin, s => s.SaveActionAsync(plan.Id, changed, action.Version))).AssertActionSaved();

        var version = Assert.Single(await factory.PlansAsAsync(Karin, s => s.ListVersionsAsync(plan.Id)));
        Assert.Equal((1, Today, "Omar Haddad"), (version.Number, version.FixedOn, version.FixedBy));
        Assert.Equal([new Attendee("Karin Ek", AttendeeKind.Professional, Ekskolan), new Attendee("Anna Andersson", AttendeeKind.Guardian, null)], version.Attendees);
        var comparison = await factory.PlansAsAsync(Karin, s => s.CompareAsync(plan.Id, 1, null));
        var row = Assert.Single(comparison!.Rows, r => r.Changed);
        Assert.Equal((ComparedPart.ActionStatus, "Planned", "Done"), (row.Part, row.Left, row.Right));
        var history = await factory.PlansAsAsync(Karin, s => s.HistoryAsync(plan.Id));
        Assert.Contains(history, h => h.Part == PlanPart.Fixed && h.By == "Omar Haddad" && h.Summary == "1");
    }

    [Fact]
    public async Task VersionsAreNumberedInOrderAndAnyTwoCanBeCompared()
    {
        var (plan, needId, _) = await ReadyPlanAsync("Wilma");
        (await factory.PlansAsAsync(Karin, s => s.FixVersionAsync(plan.Id, Meeting(), plan.Version))).AssertSaved();
        (await factory.PlansAsAsync(Karin, s => s.AddGoalAsync(plan.Id, needId, "Skriver en berättelse"))).AssertSaved();
        var second = await factory.ReloadPlanAsync(Karin, plan.ChildId);
        (await factory.PlansAsAsync(Karin, s => s.FixVersionAsync(plan.Id, Meeting(), second.Version))).AssertSaved();

        var versions = await factory.PlansAsAsync(Karin, s => s.ListVersionsAsync(plan.Id));
        var comparison = await factory.PlansAsAsync(Karin, s => s.CompareAsync(plan.Id, 1, 2));
        var same = await factory.PlansAsAsync(Karin, s => s.CompareAsync(plan.Id, 2, null));

        Assert.Equal([2, 1], versions.Select(v => v.Number));
        Assert.Equal([(ComparedPart.Goal, (string?)null, (string?)"Skriver en berättelse")],
            comparison!.Rows.Where(r => r.Changed).Select(r => (r.Part, r.Left, r.Right)));
        Assert.DoesNotContain(same!.Rows, r => r.Changed);
        Assert.Equal(plan.ChildId, comparison.ChildId);
        Assert.Null(await factory.PlansAsAsync(Karin, s => s.CompareAsync(plan.Id, 1, 3)));
    }

    [Fact]
    public async Task FixingFromAStaleScreenIsRefusedAndFixesNothing()
    {
        var (plan, _, _) = await ReadyPlanAsync("Ylva");
        (await factory.PlansAsAsync(Karin, s => s.FixVersionAsync(plan.Id, Meeting(), plan.Version))).AssertSaved();

        // A colleague fixes from the screen they opened before the first fix.
        var stale = await factory.PlansAsAsync(Omar, s => s.FixVersionAsync(plan.Id, Meeting(), plan.Version));

        stale.AssertFailedWith(string.Empty, "Concurrency_Conflict");
        Assert.Single(await factory.PlansAsAsync(Karin, s => s.ListVersionsAsync(plan.Id)));
    }

    [Fact]
    public async Task BadInputIsRefusedAtItsFieldAndNothingIsFixed()
    {
        var (plan, _, _) = await ReadyPlanAsync("Astrid");
        var nobody = Meeting();
        nobody.Attendees.ForEach(a => a.Present = false);
        var nameless = Meeting();
        nameless.Attendees[1].Name = " ";

        (await factory.PlansAsAsync(Karin, s => s.FixVersionAsync(plan.Id, Meeting(Today.AddDays(1)), plan.Version)))
            .AssertFailedWith(nameof(FixVersionInput.FixedOn), "PlanVersion_FixedOn_Future");
        (await factory.PlansAsAsync(Karin, s => s.FixVersionAsync(plan.Id, nobody, plan.Version)))
            .AssertFailedWith(nameof(FixVersionInput.Attendees), "PlanVersion_Attendees_Required");
        (await factory.PlansAsAsync(Karin, s => s.FixVersionAsync(plan.Id, nameless, plan.Version)))
            .AssertFailedWith("Attendees[1].Name", "PlanVersion_Attendee_NameRequired");
        Assert.Empty(await factory.PlansAsAsync(Karin, s => s.ListVersionsAsync(plan.Id)));
    }

    [Fact]
    public async Task APlanWithoutNeedsCannotBeFixed()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Elsa");
        var plan = await factory.OpenPlanAsync(Karin, childId);
        (await factory.PlansAsAsync(Karin, s => s.SaveViewsAsync(plan.Id, Views("Elsa vill rita."), plan.Version))).AssertSaved();
        plan = await factory.ReloadPlanAsync(Karin, childId);

        (await factory.PlansAsAsync(Karin, s => s.FixVersionAsync(plan.Id, Meeting(), plan.Version)))
            .AssertFailedWith(string.Empty, "PlanVersion_NoNeeds");
    }

    [Fact]
    public async Task TheFamilyCopyLeavesOutEverythingWithheldFromTheFamily()
    {
        var (plan, needId, action) = await ReadyPlanAsync("Siri");
        var secret = Action(needId, await UnitIdAsync(factory, Ekskolan), "Utredning hos elevhälsan");
        secret.WithheldFromFamily = true;
        await factory.AddActionAsync(Karin, plan, secret);
        var protectedNeed = await factory.AddNeedAsync(Karin, plan, "Skydd vid umgänge");
        (await factory.PlansAsAsync(Karin, s => s.WithholdNeedFromFamilyAsync(plan.Id, protectedNeed, true))).AssertSaved();
        var views = Views("Siri vill läsa själv.");
        views.Summary = "Professionell bedömning som inte ska delas.";
        views.SummaryWithheldFromFamily = true;
        plan = await factory.ReloadPlanAsync(Karin, plan.ChildId);
        (await factory.PlansAsAsync(Karin, s => s.SaveViewsAsync(plan.Id, views, plan.Version))).AssertSaved();
        plan = await factory.ReloadPlanAsync(Karin, plan.ChildId);
        Assert.True(plan.SummaryWithheldFromFamily);
        Assert.True(Assert.Single(plan.Needs, n => n.Id == protectedNeed).WithheldFromFamily);
        (await factory.PlansAsAsync(Karin, s => s.FixVersionAsync(plan.Id, Meeting(), plan.Version))).AssertSaved();

        var copy = await factory.PlansAsAsync(Omar, s => s.FamilyCopyAsync(plan.Id, 1));

        Assert.NotNull(copy);
        Assert.Equal(("Siri Testsson", "Siri", 1), (copy.ChildName, copy.ChildGivenName, copy.Number));
        Assert.Null(copy.Plan.Summary);
        var need = Assert.Single(copy.Plan.Needs);
        Assert.Equal("Stöd i läsning", need.Description);
        Assert.Equal([action.Description], need.Actions.Select(a => a.Description));
        Assert.Equal("Siri vill läsa själv.", copy.Plan.ChildViews);
        // The practitioners' own view of the fixed version still has everything.
        var all = await factory.PlansAsAsync(Karin, s => s.CompareAsync(plan.Id, 1, 1));
        Assert.Contains(all!.Rows, r => r.Part == ComparedPart.Need && r.Left == "Skydd vid umgänge");
        Assert.Null(await factory.PlansAsAsync(Omar, s => s.FamilyCopyAsync(plan.Id, 2)));
    }

    [Fact]
    public async Task TheDatabaseRefusesToChangeAFixedVersion()
    {
        var (plan, _, _) = await ReadyPlanAsync("Tyra");
        (await factory.PlansAsAsync(Karin, s => s.FixVersionAsync(plan.Id, Meeting(), plan.Version))).AssertSaved();
        await using var context = await ContextAsync(factory);

        var refused = await Assert.ThrowsAsync<SqliteException>(() =>
            context.Database.ExecuteSqlInterpolatedAsync($"UPDATE PlanVersions SET FixedByName = 'Någon annan' WHERE PlanId = {plan.Id}"));

        Assert.Contains("cannot be changed", refused.Message, StringComparison.Ordinal);
        Assert.Equal("Karin Ek", Assert.Single(await factory.PlansAsAsync(Karin, s => s.ListVersionsAsync(plan.Id))).FixedBy);
    }

    [Fact]
    public async Task APractitionerWhoMayNotSeeTheChildCanNeitherFixNorReadVersions()
    {
        var (plan, _, _) = await ReadyPlanAsync("Majken");
        (await factory.PlansAsAsync(Karin, s => s.FixVersionAsync(plan.Id, Meeting(), plan.Version))).AssertSaved();
        var current = await factory.ReloadPlanAsync(Karin, plan.ChildId);

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => factory.PlansAsAsync(Maria, s => s.FixVersionAsync(plan.Id, Meeting(), current.Version)));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => factory.PlansAsAsync(Maria, s => s.ListVersionsAsync(plan.Id)));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => factory.PlansAsAsync(Maria, s => s.CompareAsync(plan.Id, 1, null)));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => factory.PlansAsAsync(Maria, s => s.FamilyCopyAsync(plan.Id, 1)));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => factory.PlansAsAsync(Maria, s => s.WithholdNeedFromFamilyAsync(plan.Id, current.Needs[0].Id, true)));
        Assert.Single(await factory.PlansAsAsync(Karin, s => s.ListVersionsAsync(plan.Id)));
    }
}
