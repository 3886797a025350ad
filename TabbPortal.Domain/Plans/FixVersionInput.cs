using FluentValidation;
using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Plans;

/// <summary>What a practitioner fills in to fix a plan version: the day, and who was there.</summary>
public sealed class FixVersionInput
{
    public DateOnly? FixedOn { get; set; }

    public List<AttendeeInput> Attendees { get; set; } = [];
}

/// <summary>One row of the attendance list; only the rows marked present are kept.</summary>
public sealed class AttendeeInput
{
    public bool Present { get; set; }

    public string? Name { get; set; }

    public AttendeeKind? Kind { get; set; } = AttendeeKind.Professional;

    public string? Agency { get; set; }

    public Attendee ToAttendee() => new(Text.Normalise(Name), Kind ?? AttendeeKind.Other, Text.OrNull(Agency));
}

public sealed class FixVersionInputValidator : AbstractValidator<FixVersionInput>
{
    public FixVersionInputValidator()
    {
        RuleFor(x => x.FixedOn).NotNull().WithErrorCode("PlanVersion_FixedOn_Required").WithMessage("Ange vilken dag planen fastställdes.");
        RuleFor(x => x.Attendees)
            .Must(a => a.Any(p => p.Present))
            .WithErrorCode("PlanVersion_Attendees_Required").WithMessage("Ange vilka som var med när planen fastställdes.");
        RuleForEach(x => x.Attendees).SetValidator(new Meetings.AttendeeInputValidator());
    }
}
