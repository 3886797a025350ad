using TabbPortal.Domain.Implementation;
using TabbPortal.Tests.Domain.Children;

namespace TabbPortal.Tests.Domain.Implementation;

public sealed class StepProgressInputValidatorTests
{
    private readonly StepProgressInputValidator _validator = new(new FixedClock(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Done_without_a_date_is_refused_at_the_date()
    {
        ValidationAssert.SingleError(_validator.Validate(new StepProgressInput { Status = StepStatus.Done }), "Date", "Progress_Date_Required");
    }

    [Fact]
    public void A_future_date_is_refused_at_the_date()
    {
        ValidationAssert.SingleError(_validator.Validate(new StepProgressInput { Status = StepStatus.InProgress, Date = new(2026, 12, 1) }), "Date", "Progress_Date_Future");
    }

    [Fact]
    public void Going_back_without_a_note_is_refused_at_the_note()
    {
        var input = new StepProgressInput { Status = StepStatus.InProgress, CurrentStatus = StepStatus.Done };

        ValidationAssert.SingleError(_validator.Validate(input), "Note", "Progress_Note_RequiredWhenBack");
        input.Note = "Rutinen gäller inte längre.";
        ValidationAssert.Valid(_validator.Validate(input));
    }

    [Fact]
    public void A_share_on_a_step_that_does_not_measure_one_is_refused()
    {
        var input = new StepProgressInput { Status = StepStatus.InProgress, TrainedShare = 50 };

        ValidationAssert.SingleError(_validator.Validate(input), "TrainedShare", "Progress_Share_NotAllowed");
        input.MeasuresShare = true;
        ValidationAssert.Valid(_validator.Validate(input));
        input.TrainedShare = 120;
        ValidationAssert.SingleError(_validator.Validate(input), "TrainedShare", "Progress_Share_Range");
    }
}
