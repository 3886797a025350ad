using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Meetings;
using TabbPortal.Domain.Plans;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Web.Live;
using TabbPortal.Web.Plans;
using static TabbPortal.Tests.Integration.Children.DemoLookup;
using static TabbPortal.Tests.Integration.Plans.PlanInputs;

namespace TabbPortal.Tests.Integration.Plans;

/// <summary>The joint meeting through <see cref="PlanService"/> and the real SQLite database, and what it tells everyone on the plan.</summary>
public sealed class MeetingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static MeetingInput Record(string? notes, params string[] present) => new()
    {
        Agenda = "1. Läget\n2. Insatser",
        Notes = notes,
        Attendees = [.. present.Select(name => new AttendeeInput { Present = true, Name = name, Kind = AttendeeKind.Professional, Agency = Ekskolan })],
    };

    private async Task<(PlanDetails Plan, Guid NeedId)> ReadyPlanAsync(string givenName)
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, givenName);
        var plan = await factory.OpenPlanAsync(Karin, childId);
        (await factory.PlansAsAsync(Karin, s => s.SaveViewsAsync(plan.Id, Views($"{givenName} vill vara med."), plan.Version))).AssertSaved();
        var needId = await factory.AddNeedAsync(Karin, plan, "Stöd i skolan");
        return (await factory.ReloadPlanAsync(Karin, childId), needId);
    }

    private async Task<MeetingView> StartAsync(PlanDetails plan)
    {
        (await factory.PlansAsAsync(Karin, s => s.StartMeetingAsync(plan.Id, "1. Läget"))).AssertSaved();
        var meeting = await factory.PlansAsAsync(Omar, s => s.GetOpenMeetingAsync(plan.Id));
        Assert.NotNull(meeting);
        return meeting;
    }

    [Fact]
    public async Task AMeetingIsRecordedByEveryoneAndEndingItFixesTheVersionWithTheAttendance()
    {
        var (plan, needId) = await ReadyPlanAsync("Alice");
        var meeting = await StartAsync(plan);
        Assert.Equal((Today, "1. Läget", "Karin Ek"), (meeting.HeldOn, meeting.Agenda, meeting.StartedBy));

        (await factory.PlansAsAsync(Omar, s => s.SaveMeetingAsync(meeting.Id, Record("Alice berättade.", "Karin Ek", "Omar Haddad"), meeting.Version))).Result.AssertSaved();
        var decided = await factory.PlansAsAsync(Omar, s => s.AddDecisionAsync(meeting.Id, "Skolan ger Alice extra stöd i svenska."));
        decided.AssertSaved();
        var unit = await UnitIdAsync(factory, Ekskolan);
        var turned = await factory.PlansAsAsync(Karin, s => s.DecisionToActionAsync(meeting.Id, decided.Id!.Value,
            Action(needId, unit, "Skolan ger Alice extra stöd i svenska.")));
        turned.AssertActionSaved();
        meeting = (await factory.PlansAsAsync(Karin, s => s.GetOpenMeetingAsync(plan.Id)))!;
        Assert.Equal(turned.Result.Id, Assert.Single(meeting.Decisions).ActionId);

        (await factory.PlansAsAsync(Karin, s => s.EndMeetingAsync(meeting.Id, meeting.Version))).AssertSaved();

        Assert.Null(await factory.PlansAsAsync(Karin, s => s.GetOpenMeetingAsync(plan.Id)));
        var version = Assert.Single(await factory.PlansAsAsync(Karin, s => s.ListVersionsAsync(plan.Id)));
        Assert.Equal((1, Today), (version.Number, version.FixedOn));
        Assert.Equal(["Karin Ek", "Omar Haddad"], version.Attendees.Select(a => a.Name));
        var fixedPlan = await factory.PlansAsAsync(Karin, s => s.CompareAsync(plan.Id, 1, 1));
        Assert.Contains(fixedPlan!.Rows, r => r.Part == ComparedPart.ActionDescription && r.Left == "Skolan ger Alice extra stöd i svenska.");
    }

    [Fact]
    public async Task OnlyOneMeetingIsOpenAtATimeAndEndingNeedsTheAttendance()
    {
        var (plan, _) = await ReadyPlanAsync("Bodil");
        var meeting = await StartAsync(plan);

        (await factory.PlansAsAsync(Omar, s => s.StartMeetingAsync(plan.Id, null))).AssertFailedWith(string.Empty, "Meeting_AlreadyOpen");
        (await factory.PlansAsAsync(Karin, s => s.EndMeetingAsync(meeting.Id, meeting.Version)))
            .AssertFailedWith(nameof(MeetingInput.Attendees), "PlanVersion_Attendees_Required");
        Assert.Empty(await factory.PlansAsAsync(Karin, s => s.ListVersionsAsync(plan.Id)));
    }

    [Fact]
    public async Task TwoSavesFromTheSameStartConflictAndTheSecondGetsTheFirstOnesRecord()
    {
        var (plan, _) = await ReadyPlanAsync("Cecilia");
        var meeting = await StartAsync(plan);
        (await factory.PlansAsAsync(Karin, s => s.SaveMeetingAsync(meeting.Id, Record("Karins anteckning", "Karin Ek"), meeting.Version))).Result.AssertSaved();

        var second = await factory.PlansAsAsync(Omar, s => s.SaveMeetingAsync(meeting.Id, Record("Omars anteckning", "Omar Haddad"), meeting.Version));

        second.Result.AssertFailedWith(string.Empty, "Concurrency_Conflict");
        Assert.Equal("Karins anteckning", second.Theirs!.Notes);
        Assert.Equal("Karins anteckning", (await factory.PlansAsAsync(Karin, s => s.GetOpenMeetingAsync(plan.Id)))!.Notes);
        // Ending from the stale screen is refused too: what is fixed is what the user saw.
        (await factory.PlansAsAsync(Omar, s => s.EndMeetingAsync(meeting.Id, meeting.Version))).AssertFailedWith(string.Empty, "Concurrency_Conflict");
    }

    [Fact]
    public async Task BadInputIsRefusedAtItsField()
    {
        var (plan, _) = await ReadyPlanAsync("Dagny");
        var meeting = await StartAsync(plan);
        var tooLong = Record(new string('a', Meeting.NotesMaxLength + 1), "Karin Ek");
        var nameless = Record("ok", "Karin Ek");
        nameless.Attendees[0].Name = " ";

        (await factory.PlansAsAsync(Karin, s => s.SaveMeetingAsync(meeting.Id, tooLong, meeting.Version))).Result.AssertFailedWith(nameof(MeetingInput.Notes), "Meeting_Notes_TooLong");
        (await factory.PlansAsAsync(Karin, s => s.SaveMeetingAsync(meeting.Id, nameless, meeting.Version))).Result.AssertFailedWith("Attendees[0].Name", "PlanVersion_Attendee_NameRequired");
        (await factory.PlansAsAsync(Karin, s => s.AddDecisionAsync(meeting.Id, "  "))).AssertFailedWith("Decision", "Meeting_Decision_Required");
    }

    [Fact]
    public async Task APractitionerWhoMayNotSeeTheChildCanNeitherSeeNorChangeTheMeeting()
    {
        var (plan, _) = await ReadyPlanAsync("Edith");
        var meeting = await StartAsync(plan);

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => factory.PlansAsAsync(Maria, s => s.GetOpenMeetingAsync(plan.Id)));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => factory.PlansAsAsync(Maria, s => s.StartMeetingAsync(plan.Id, null)));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => factory.PlansAsAsync(Maria, s => s.SaveMeetingAsync(meeting.Id, Record("x", "Maria Lund"), meeting.Version)));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => factory.PlansAsAsync(Maria, s => s.AddDecisionAsync(meeting.Id, "x")));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => factory.PlansAsAsync(Maria, s => s.EndMeetingAsync(meeting.Id, meeting.Version)));
    }

    [Fact]
    public async Task EverySavedEditIsPublishedToThePlanWithWhoMadeItAndARefusedOneIsNot()
    {
        var (plan, needId) = await ReadyPlanAsync("Frida");
        var received = new List<PlanChangeMessage>();
        using var subscription = factory.Services.GetRequiredService<PlanSubscriptions>().Subscribe(plan.Id, m =>
        {
            lock (received)
            {
                received.Add(m);
            }

            return Task.CompletedTask;
        });

        var action = await factory.AddActionAsync(Omar, plan, Action(needId, await UnitIdAsync(factory, Ekskolan), "Läxhjälp"));
        (await factory.PlansAsAsync(Karin, s => s.SaveViewsAsync(plan.Id, Views("Frida vill ha läxhjälp."), Guid.NewGuid()))).AssertFailedWith(string.Empty, "Concurrency_Conflict");
        (await factory.PlansAsAsync(Karin, s => s.RemoveActionAsync(plan.Id, action.Id))).AssertSaved();

        List<PlanChangeMessage> seen;
        lock (received)
        {
            seen = [.. received];
        }

        Assert.Equal([("Action", "Saved", "Omar Haddad", (Guid?)action.Id), ("Action", "Removed", "Karin Ek", action.Id)],
            seen.Select(m => (m.Part, m.Kind, m.ByName, m.ItemId)));
        Assert.Equal("Läxhjälp", seen[0].Payload!["description"]);
        Assert.Equal(action.Version, seen[0].Version);
    }
}
