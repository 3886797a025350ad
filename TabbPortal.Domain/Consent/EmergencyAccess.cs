using FluentValidation;
using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Consent;

/// <summary>
/// Emergency access (nödåtkomst): a professional without consent-based access opens a child's record after stating a
/// reason. It lasts a limited time, is marked on every screen of the child while it lasts, and waits in the log
/// reviewers' queue until reviewed.
/// </summary>
public sealed class EmergencyAccess
{
    private EmergencyAccess()
    {
        UserId = string.Empty;
        UserName = string.Empty;
        Reason = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ChildId { get; private set; }

    public string UserId { get; private set; }

    public string UserName { get; private set; }

    public Guid UnitId { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public string? ReviewedByUserId { get; private set; }

    public string? ReviewedByName { get; private set; }

    public string? ReviewConclusion { get; private set; }

    public bool IsActiveAt(DateTimeOffset now) => GrantedAt <= now && now < ExpiresAt;

    public static EmergencyAccess Grant(Guid childId, ConsentDocumenter user, string reason, DateTimeOffset now, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(user);
        var why = Text.Normalise(reason);
        if (why.Length < EmergencyAccessInputValidator.ReasonMinLength)
        {
            throw new DomainException("Emergency_Reason_Required", "Ange skälet till nödåtkomsten.");
        }

        if (duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "An emergency access lasts a positive time.");
        }

        return new EmergencyAccess
        {
            Id = Guid.NewGuid(),
            ChildId = childId,
            UserId = user.UserId,
            UserName = user.Name,
            UnitId = user.UnitId,
            Reason = why,
            GrantedAt = now,
            ExpiresAt = now + duration,
        };
    }

    /// <summary>Records the log reviewer's conclusion. A review is made once; it is part of the record.</summary>
    public void Review(string reviewerId, string reviewerName, string conclusion, DateTimeOffset at)
    {
        if (ReviewedAt is not null)
        {
            throw new DomainException("Emergency_AlreadyReviewed", "Nödåtkomsten är redan granskad.");
        }

        var text = Text.Normalise(conclusion);
        if (text.Length == 0)
        {
            throw new DomainException("Emergency_Conclusion_Required", "Skriv granskningens slutsats.");
        }

        ReviewedAt = at;
        ReviewedByUserId = reviewerId;
        ReviewedByName = reviewerName;
        ReviewConclusion = text;
    }
}

public sealed class EmergencyAccessInput
{
    public string? Reason { get; set; }
}

public sealed class EmergencyAccessInputValidator : AbstractValidator<EmergencyAccessInput>
{
    public const int ReasonMinLength = 10;
    public const int ReasonMaxLength = 1000;

    public EmergencyAccessInputValidator()
    {
        RuleFor(x => x.Reason)
            .Must(r => Text.Normalise(r).Length >= ReasonMinLength).WithErrorCode("Emergency_Reason_Required")
            .WithMessage("Beskriv varför du behöver nödåtkomst (minst 10 tecken).")
            .Must(r => Text.Normalise(r).Length <= ReasonMaxLength).WithErrorCode("Emergency_Reason_TooLong")
            .WithMessage("Skälet får vara högst 1 000 tecken.");
    }
}
