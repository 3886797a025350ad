using TabbPortal.Domain.Common;
using TabbPortal.Domain.Plans;

namespace TabbPortal.Domain.Meetings;

public enum MeetingStatus
{
    Open = 1,
    Ended = 2,
}

/// <summary>
/// A joint meeting (samverkansmöte) on a child's plan: the day, the agenda, who is present (professionals with their
/// agency, guardians, the child), notes and decisions. A decision can become an action in the plan. Ending the meeting
/// fixes the plan version agreed in it, with the attendance attached; an ended meeting cannot change.
/// </summary>
public sealed class Meeting
{
    public const int AgendaMaxLength = 2000;
    public const int NotesMaxLength = 8000;
    public const int DecisionMaxLength = 2000;

    private readonly List<MeetingDecision> _decisions = [];

    private Meeting()
    {
        StartedByUserId = string.Empty;
        StartedByName = string.Empty;
        Attendees = [];
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public string? Agenda { get; private set; }

    public string? Notes { get; private set; }

    public IReadOnlyList<Attendee> Attendees { get; private set; }

    public MeetingStatus Status { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public string StartedByUserId { get; private set; }

    public string StartedByName { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>The plan version fixed when the meeting ended.</summary>
    public int? FixedVersionNumber { get; private set; }

    public IReadOnlyCollection<MeetingDecision> Decisions => _decisions.AsReadOnly();

    /// <summary>Starts a meeting on an open plan, today or on a day already passed (a meeting recorded afterwards).</summary>
    public static Meeting Start(Plan plan, DateOnly heldOn, string? agenda, string userId, string userName, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Status == PlanStatus.Closed)
        {
            throw new DomainException("Plan_Closed", "Planen är avslutad och kan inte ändras.");
        }

        if (heldOn > today)
        {
            throw new DomainException("Meeting_HeldOn_Future", "Ett möte kan inte hållas i förväg. Boka tid för det i stället.");
        }

        var meeting = new Meeting
        {
            Id = Guid.NewGuid(),
            PlanId = plan.Id,
            HeldOn = heldOn,
            Status = MeetingStatus.Open,
            StartedAt = now,
            StartedByUserId = userId,
            StartedByName = userName,
        };
        meeting.Agenda = Limited(agenda, AgendaMaxLength, "Meeting_Agenda_TooLong", "Dagordningen får vara högst 2 000 tecken.");
        return meeting;
    }

    /// <summary>Records the agenda, the notes and who is present, all checked before anything changes.</summary>
    public void Record(string? agenda, string? notes, IEnumerable<Attendee> attendees)
    {
        ArgumentNullException.ThrowIfNull(attendees);
        EnsureOpen();
        var newAgenda = Limited(agenda, AgendaMaxLength, "Meeting_Agenda_TooLong", "Dagordningen får vara högst 2 000 tecken.");
        var newNotes = Limited(notes, NotesMaxLength, "Meeting_Notes_TooLong", "Anteckningarna får vara högst 8 000 tecken.");
        var present = Attendee.Checked(attendees);

        Agenda = newAgenda;
        Notes = newNotes;
        Attendees = present;
    }

    public MeetingDecision AddDecision(string text, string userName, DateTimeOffset now)
    {
        EnsureOpen();
        var decision = new MeetingDecision(
            Text.Kept(text) is { } kept
                ? kept.Length <= DecisionMaxLength ? kept : throw new DomainException("Meeting_Decision_TooLong", "Beslutet får vara högst 2 000 tecken.")
                : throw new DomainException("Meeting_Decision_Required", "Skriv beslutet."),
            userName, now);
        _decisions.Add(decision);
        return decision;
    }

    /// <summary>Notes that a decision became an action in the plan; a decision becomes at most one action.</summary>
    public void DecisionBecameAction(Guid decisionId, Guid actionId)
    {
        EnsureOpen();
        var decision = _decisions.SingleOrDefault(d => d.Id == decisionId)
            ?? throw new DomainException("Meeting_Decision_NotFound", "Beslutet finns inte i mötet.");
        if (decision.ActionId is not null)
        {
            throw new DomainException("Meeting_Decision_AlreadyAction", "Beslutet har redan blivit en insats.");
        }

        decision.BecameAction(actionId);
    }

    /// <summary>Ends the meeting with the plan version it fixed; the version must carry the meeting's day and attendance.</summary>
    public void End(PlanVersion version, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(version);
        EnsureOpen();
        if (Attendees.Count == 0)
        {
            throw new DomainException("PlanVersion_Attendees_Required", "Ange vilka som var med när planen fastställdes.");
        }

        if (version.PlanId != PlanId || version.FixedOn != HeldOn || !version.Attendees.SequenceEqual(Attendees))
        {
            throw new DomainException("Meeting_Version_Mismatch", "Versionen hör inte till mötet.");
        }

        Status = MeetingStatus.Ended;
        EndedAt = now;
        FixedVersionNumber = version.Number;
    }

    private void EnsureOpen()
    {
        if (Status == MeetingStatus.Ended)
        {
            throw new DomainException("Meeting_Ended", "Mötet är avslutat och kan inte ändras.");
        }
    }

    private static string? Limited(string? text, int max, string code, string message) =>
        Text.Kept(text) is { } kept ? kept.Length <= max ? kept : throw new DomainException(code, message) : null;
}

/// <summary>A decision taken at the meeting, and the action it became, if any.</summary>
public sealed class MeetingDecision
{
    private MeetingDecision()
    {
        Text = string.Empty;
        RecordedByName = string.Empty;
    }

    internal MeetingDecision(string text, string recordedByName, DateTimeOffset recordedAt)
    {
        Id = Guid.NewGuid();
        Text = text;
        RecordedByName = recordedByName;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public string Text { get; private set; }

    public string RecordedByName { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public Guid? ActionId { get; private set; }

    internal void BecameAction(Guid actionId) => ActionId = actionId;
}
