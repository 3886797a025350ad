using TabbPortal.Domain.Meetings;
using TabbPortal.Domain.Plans;
using static TabbPortal.Tests.Domain.Plans.PlanTestData;

namespace TabbPortal.Tests.Domain.Meetings;

/// <summary>The joint meeting's life cycle: started on an open plan, recorded while open, ended with the version it fixed.</summary>
public sealed class MeetingTests
{
    private static readonly Attendee[] Present =
    [
        new("Karin Ek", AttendeeKind.Professional, "Ekskolan"),
        new("Petra Sjöberg", AttendeeKind.Guardian, null),
    ];

    private static (Plan Plan, Meeting Meeting) Started()
    {
        var (plan, _) = PlanWithNeed();
        return (plan, Meeting.Start(plan, Today, "1. Läget i skolan\n2. Insatser", KarinId, "Karin Ek", Now, Today));
    }

    private static PlanVersion Fixed(Plan plan, Meeting meeting, int number = 1) => PlanVersion.Fix(plan, number,
        new PlanSnapshot(plan.Type, null, null, false, "Alva vill läsa.", null, null, null,
            [.. plan.Needs.Select(n => new NeedSnapshot(n.Id, n.Description, false, [], []))], []),
        meeting.HeldOn, meeting.Attendees, KarinId, "Karin Ek", Now, Today);

    [Fact]
    public void StartsOpenOnTheDayWithTheAgenda()
    {
        var (plan, meeting) = Started();

        Assert.Equal((plan.Id, Today, MeetingStatus.Open, "1. Läget i skolan\n2. Insatser"), (meeting.PlanId, meeting.HeldOn, meeting.Status, meeting.Agenda));
        Assert.Equal(("Karin Ek", Now), (meeting.StartedByName, meeting.StartedAt));
        Assert.Empty(meeting.Attendees);
    }

    [Fact]
    public void CannotBeHeldInAdvanceNorOnAClosedPlan()
    {
        var (plan, _) = PlanWithNeed();
        RefusedWith("Meeting_HeldOn_Future", () => Meeting.Start(plan, Today.AddDays(1), null, KarinId, "Karin Ek", Now, Today));

        plan.Close("Klart.", Today);
        RefusedWith("Plan_Closed", () => Meeting.Start(plan, Today, null, KarinId, "Karin Ek", Now, Today));
    }

    [Fact]
    public void RecordsTheAgendaNotesAndAttendanceTidied()
    {
        var (_, meeting) = Started();

        meeting.Record(" Dagordning ", "Noah berättade om morgnarna.\n\nMamma höll med.", [new(" Karin  Ek ", AttendeeKind.Professional, " Ekskolan ")]);

        Assert.Equal(("Dagordning", "Noah berättade om morgnarna.\n\nMamma höll med."), (meeting.Agenda, meeting.Notes));
        Assert.Equal(new Attendee("Karin Ek", AttendeeKind.Professional, "Ekskolan"), Assert.Single(meeting.Attendees));
    }

    [Fact]
    public void ARefusedRecordChangesNothing()
    {
        var (_, meeting) = Started();
        meeting.Record("Dagordning", "Anteckningar", Present);

        RefusedWith("Meeting_Notes_TooLong", () => meeting.Record("Ny dagordning", new string('a', Meeting.NotesMaxLength + 1), []));
        RefusedWith("PlanVersion_Attendee_Invalid", () => meeting.Record("Ny dagordning", "Nya", [new(" ", AttendeeKind.Child, null)]));

        Assert.Equal(("Dagordning", "Anteckningar", 2), (meeting.Agenda, meeting.Notes, meeting.Attendees.Count));
    }

    [Fact]
    public void ADecisionCanBecomeOneActionOnly()
    {
        var (_, meeting) = Started();
        var decision = meeting.AddDecision("Skolan erbjuder morgonsamtal.", "Karin Ek", Now);
        var actionId = Guid.NewGuid();

        meeting.DecisionBecameAction(decision.Id, actionId);

        Assert.Equal(actionId, Assert.Single(meeting.Decisions).ActionId);
        RefusedWith("Meeting_Decision_AlreadyAction", () => meeting.DecisionBecameAction(decision.Id, Guid.NewGuid()));
        RefusedWith("Meeting_Decision_NotFound", () => meeting.DecisionBecameAction(Guid.NewGuid(), Guid.NewGuid()));
    }

    [Theory]
    [InlineData("  ", "Meeting_Decision_Required")]
    [InlineData("2001", "Meeting_Decision_TooLong")]
    public void ADecisionNeedsATextOfAReasonableLength(string text, string code)
    {
        var (_, meeting) = Started();

        RefusedWith(code, () => meeting.AddDecision(text == "2001" ? new string('a', 2001) : text, "Karin Ek", Now));
        Assert.Empty(meeting.Decisions);
    }

    [Fact]
    public void EndingFixesTheVersionWithTheAttendanceAndThenNothingChanges()
    {
        var (plan, meeting) = Started();
        meeting.Record(null, "Anteckningar", Present);
        var version = Fixed(plan, meeting);

        meeting.End(version, Now.AddHours(1));

        Assert.Equal((MeetingStatus.Ended, 1, Now.AddHours(1)), (meeting.Status, meeting.FixedVersionNumber, meeting.EndedAt));
        Assert.Equal(Present, version.Attendees);
        RefusedWith("Meeting_Ended", () => meeting.Record(null, "Ändrat i efterhand", Present));
        RefusedWith("Meeting_Ended", () => meeting.AddDecision("Nytt beslut", "Karin Ek", Now));
        RefusedWith("Meeting_Ended", () => meeting.End(version, Now));
    }

    [Fact]
    public void CannotEndWithoutAttendanceOrWithAnotherVersion()
    {
        var (plan, meeting) = Started();
        RefusedWith("PlanVersion_Attendees_Required", () => meeting.End(Fixed(plan, Started().Meeting), Now));

        meeting.Record(null, null, Present);
        var other = PlanVersion.Fix(plan, 1, Fixed(plan, meeting).Snapshot, Today, [new("Någon annan", AttendeeKind.Other, null)], KarinId, "Karin Ek", Now, Today);

        RefusedWith("Meeting_Version_Mismatch", () => meeting.End(other, Now));
        Assert.Equal(MeetingStatus.Open, meeting.Status);
    }
}
