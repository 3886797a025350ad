using TabbPortal.Domain.Children;

namespace TabbPortal.Tests.Domain.Children;

public sealed class RoleAssignmentInputValidatorTests
{
    private static readonly RoleAssignmentInputValidator Validator = new();

    private static RoleAssignmentInput Handover(string? note = "Alva börjar i förskoleklass.") =>
        new() { Role = ChildRole.ContactPerson, StaffUserId = "karin-id", From = new DateOnly(2026, 8, 17), HandoverNote = note };

    [Fact]
    public void AcceptsACompleteAssignment()
    {
        ValidationAssert.Valid(Validator.Validate(Handover()));
    }

    [Fact]
    public void AcceptsACoordinatorWithoutANote()
    {
        var input = Handover(note: null);
        input.Role = ChildRole.Coordinator;

        ValidationAssert.Valid(Validator.Validate(input));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void RefusesARoleOutsideTheTwoRoles(int role)
    {
        var input = Handover();
        input.Role = (ChildRole)role;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(RoleAssignmentInput.Role), "Role_Role_Required");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RequiresTheMemberOfStaff(string? staffUserId)
    {
        var input = Handover();
        input.StaffUserId = staffUserId;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(RoleAssignmentInput.StaffUserId), "Role_Staff_Required");
    }

    [Fact]
    public void RequiresTheDateFrom()
    {
        var input = Handover();
        input.From = null;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(RoleAssignmentInput.From), "Role_From_Required");
    }

    [Fact]
    public void AcceptsANoteOfAThousandCharactersCountedAfterNormalising()
    {
        ValidationAssert.Valid(Validator.Validate(Handover(" " + new string('n', 1000) + " ")));
    }

    [Fact]
    public void RefusesANoteLongerThanAThousandCharacters()
    {
        var result = Validator.Validate(Handover(new string('n', 1001)));

        ValidationAssert.SingleError(result, nameof(RoleAssignmentInput.HandoverNote), "Role_HandoverNote_TooLong");
    }
}
