using TabbPortal.Domain.Plans;
using static TabbPortal.Tests.Domain.Plans.PlanTestData;

namespace TabbPortal.Tests.Domain.Plans;

public sealed class FixVersionInputValidatorTests
{
    private static readonly FixVersionInputValidator Validator = new();

    private static FixVersionInput Valid() => new()
    {
        FixedOn = Today,
        Attendees =
        [
            new AttendeeInput { Present = true, Name = "Karin Ek", Kind = AttendeeKind.Professional, Agency = "Ekskolan" },
            new AttendeeInput { Present = false, Name = null, Kind = AttendeeKind.Child },
        ],
    };

    [Fact]
    public void AcceptsADayAndOnePersonPresentWhateverTheRowsNotTicked()
    {
        ValidationAssert.Valid(Validator.Validate(Valid()));
    }

    [Fact]
    public void RequiresTheDay()
    {
        var input = Valid();
        input.FixedOn = null;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(FixVersionInput.FixedOn), "PlanVersion_FixedOn_Required");
    }

    [Fact]
    public void RequiresSomebodyTickedAsPresent()
    {
        var input = Valid();
        input.Attendees[0].Present = false;

        ValidationAssert.SingleError(Validator.Validate(input), nameof(FixVersionInput.Attendees), "PlanVersion_Attendees_Required");
    }

    [Fact]
    public void RequiresTheNameOfEachPersonPresentAtTheirRow()
    {
        var input = Valid();
        input.Attendees[1].Present = true;
        input.Attendees[1].Name = "  ";

        ValidationAssert.SingleError(Validator.Validate(input), "Attendees[1].Name", "PlanVersion_Attendee_NameRequired");
    }

    [Fact]
    public void LimitsNamesAndAgenciesTo200Characters()
    {
        var input = Valid();
        input.Attendees[0].Name = new string('a', 200);
        input.Attendees[0].Agency = new string('b', 200);
        ValidationAssert.Valid(Validator.Validate(input));

        input.Attendees[0].Name = new string('a', 201);
        input.Attendees[0].Agency = new string('b', 201);
        var result = Validator.Validate(input);

        ValidationAssert.HasError(result, "Attendees[0].Name", "PlanVersion_Attendee_NameTooLong");
        ValidationAssert.HasError(result, "Attendees[0].Agency", "PlanVersion_Attendee_AgencyTooLong");
    }

    [Fact]
    public void RequiresWhoEachPersonPresentIs()
    {
        var input = Valid();
        input.Attendees[0].Kind = (AttendeeKind)42;

        ValidationAssert.SingleError(Validator.Validate(input), "Attendees[0].Kind", "PlanVersion_Attendee_KindRequired");
    }

    [Fact]
    public void KeepsOnlyTheTidiedValuesOfARow()
    {
        var row = new AttendeeInput { Present = true, Name = " Anna  Andersson ", Kind = AttendeeKind.Guardian, Agency = " " };

        Assert.Equal(new Attendee("Anna Andersson", AttendeeKind.Guardian, null), row.ToAttendee());
    }
}
