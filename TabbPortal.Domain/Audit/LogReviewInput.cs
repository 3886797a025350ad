using FluentValidation;

namespace TabbPortal.Domain.Audit;

/// <summary>The sample review form: the conclusion and whether the review gave rise to a remark.</summary>
public sealed class LogReviewInput
{
    public string? Conclusion { get; set; }

    public bool HasRemarks { get; set; }
}

public sealed class LogReviewInputValidator : AbstractValidator<LogReviewInput>
{
    public LogReviewInputValidator()
    {
        RuleFor(x => x.Conclusion)
            .Must(c => !string.IsNullOrWhiteSpace(c)).WithErrorCode("LogReview_Conclusion_Required").WithMessage("Skriv granskningens slutsats.")
            .MaximumLength(LogReview.ConclusionMaxLength).WithErrorCode("LogReview_Conclusion_TooLong").WithMessage("Slutsatsen får vara högst 4000 tecken.");
    }
}

/// <summary>The sample to draw: a period (local dates, both days included) and how many entries.</summary>
public sealed class LogSampleInput
{
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public int Size { get; set; } = 20;
}

public sealed class LogSampleInputValidator : AbstractValidator<LogSampleInput>
{
    public LogSampleInputValidator()
    {
        RuleFor(x => x.From).NotNull().WithErrorCode("LogSample_From_Required").WithMessage("Ange periodens första dag.");
        RuleFor(x => x.To).NotNull().WithErrorCode("LogSample_To_Required").WithMessage("Ange periodens sista dag.")
            .Must((input, to) => input.From is null || to is null || to >= input.From)
            .WithErrorCode("LogReview_Period_Order").WithMessage("Periodens slut kan inte ligga före dess början.");
        RuleFor(x => x.Size).InclusiveBetween(1, LogReview.MaxSampleSize)
            .WithErrorCode("LogSample_Size_Range").WithMessage("Stickprovet ska vara mellan 1 och 200 poster.");
    }
}
