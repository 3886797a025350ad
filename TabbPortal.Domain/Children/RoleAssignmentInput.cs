using FluentValidation;
using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Children;

/// <summary>Giving the contact person's or the coordinator's role to a member of staff, with a handover note.</summary>
public sealed class RoleAssignmentInput
{
    public ChildRole Role { get; set; }

    public string? StaffUserId { get; set; }

    public DateOnly? From { get; set; }

    public string? HandoverNote { get; set; }
}

public sealed class RoleAssignmentInputValidator : AbstractValidator<RoleAssignmentInput>
{
    public RoleAssignmentInputValidator()
    {
        RuleFor(x => x.Role).IsInEnum().WithErrorCode("Role_Role_Required").WithMessage("Välj roll.");
        RuleFor(x => x.StaffUserId)
            .Must(id => !string.IsNullOrWhiteSpace(id)).WithErrorCode("Role_Staff_Required").WithMessage("Välj vem som ska ha rollen.");
        RuleFor(x => x.From)
            .NotNull().WithErrorCode("Role_From_Required").WithMessage("Ange från vilket datum personen har rollen.");
        RuleFor(x => x.HandoverNote)
            .Must(n => Text.Normalise(n).Length <= 1000).WithErrorCode("Role_HandoverNote_TooLong").WithMessage("Överlämningen får vara högst 1 000 tecken.");
    }
}
