using FluentValidation;
using TabbPortal.Domain.Common;
using TabbPortal.Domain.Plans;

namespace TabbPortal.Domain.Meetings;

/// <summary>What the participants fill in during the meeting: the agenda, the notes and who is present.</summary>
public sealed class MeetingInput
{
    public string? Agenda { get; set; }

    public string? Notes { get; set; }

    public List<AttendeeInput> Attendees { get; set; } = [];

    public IEnumerable<Attendee> Present() => Attendees.Where(a => a.Present).Select(a => a.ToAttendee());
}

public sealed class MeetingInputValidator : AbstractValidator<MeetingInput>
{
    public MeetingInputValidator()
    {
        RuleFor(x => x.Agenda).Must(t => (t?.Length ?? 0) <= Meeting.AgendaMaxLength)
            .WithErrorCode("Meeting_Agenda_TooLong").WithMessage("Dagordningen får vara högst 2 000 tecken.");
        RuleFor(x => x.Notes).Must(t => (t?.Length ?? 0) <= Meeting.NotesMaxLength)
            .WithErrorCode("Meeting_Notes_TooLong").WithMessage("Anteckningarna får vara högst 8 000 tecken.");
        RuleForEach(x => x.Attendees).SetValidator(new AttendeeInputValidator());
    }
}

/// <summary>One row of an attendance list: a name for everyone ticked as present, of a reasonable length.</summary>
public sealed class AttendeeInputValidator : AbstractValidator<AttendeeInput>
{
    public AttendeeInputValidator()
    {
        RuleFor(a => a.Name)
            .Must(n => Text.Normalise(n).Length > 0).When(a => a.Present)
            .WithErrorCode("PlanVersion_Attendee_NameRequired").WithMessage("Skriv namnet.")
            .Must(n => Text.Normalise(n).Length <= Attendee.NameMaxLength)
            .WithErrorCode("PlanVersion_Attendee_NameTooLong").WithMessage("Namnet får vara högst 200 tecken.");
        RuleFor(a => a.Agency)
            .Must(n => Text.Normalise(n).Length <= Attendee.NameMaxLength)
            .WithErrorCode("PlanVersion_Attendee_AgencyTooLong").WithMessage("Texten får vara högst 200 tecken.");
        RuleFor(a => a.Kind)
            .NotNull().IsInEnum().When(a => a.Present)
            .WithErrorCode("PlanVersion_Attendee_KindRequired").WithMessage("Välj vem personen är.");
    }
}
