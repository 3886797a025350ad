using System.Security.Cryptography;
using FluentValidation;
using TabbPortal.Domain.Common;
using TabbPortal.Domain.Reporting;

namespace TabbPortal.Domain.FollowUp;

/// <summary>
/// A code handed out at a joint meeting, with which the participants answer the questionnaire in the portal. It knows
/// the municipality and the month, how many answers it still takes and until when; it does not know the meeting, the
/// plan or who received it, and the answers do not refer to it.
/// </summary>
public sealed class AnswerCode
{
    public const int Length = 8;
    public const int MaxAnswers = 30;
    public const int DaysValid = 30;

    // No 0/O, 1/I/L: the code is read aloud and typed from paper.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private AnswerCode()
    {
        Code = string.Empty;
    }

    public string Code { get; private set; }

    public Guid MunicipalityId { get; private set; }

    /// <summary>The first day of the month of the meeting.</summary>
    public DateOnly Month { get; private set; }

    public DateOnly ValidUntil { get; private set; }

    public int AnswersLeft { get; private set; }

    public static AnswerCode Issue(Guid municipalityId, int answers, DateOnly today)
    {
        if (municipalityId == Guid.Empty)
        {
            throw new DomainException("Effect_Municipality_Required", "Välj kommun.");
        }

        if (answers is < 1 or > MaxAnswers)
        {
            throw new DomainException("AnswerCode_Answers_OutOfRange", "Ange hur många som ska kunna svara, 1–30.");
        }

        return new AnswerCode
        {
            Code = new string(Enumerable.Range(0, Length).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray()),
            MunicipalityId = municipalityId,
            Month = YearMonth.Of(today).FirstDay,
            ValidUntil = today.AddDays(DaysValid),
            AnswersLeft = answers,
        };
    }

    public bool CanBeUsedOn(DateOnly today) => AnswersLeft > 0 && today <= ValidUntil;

    /// <summary>The code as typed, without spaces and dashes, in capitals; null when it cannot be a code.</summary>
    public static string? Normalise(string? typed)
    {
        var code = new string((typed ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        return code.Length == Length && code.All(Alphabet.Contains) ? code : null;
    }

    /// <summary>"ABCD-EFGH": easier to read aloud and copy.</summary>
    public static string Format(string code) => code.Length == Length ? $"{code[..4]}-{code[4..]}" : code;
}

/// <summary>The code a respondent types (or follows in a link) to reach the questionnaire.</summary>
public sealed class AnswerCodeInput
{
    public string? Code { get; set; }
}

public sealed class AnswerCodeInputValidator : AbstractValidator<AnswerCodeInput>
{
    public AnswerCodeInputValidator()
    {
        RuleFor(x => x.Code)
            .Must(c => !string.IsNullOrWhiteSpace(c))
            .WithErrorCode("AnswerCode_Required").WithMessage("Skriv koden du fick på mötet.");
        RuleFor(x => x.Code)
            .Must(c => AnswerCode.Normalise(c) is not null)
            .When(x => !string.IsNullOrWhiteSpace(x.Code))
            .WithErrorCode("AnswerCode_Format").WithMessage("Koden har 8 tecken, till exempel ABCD-EFGH.");
    }
}

/// <summary>What a practitioner asks for when handing out a code at a meeting.</summary>
public sealed class IssueAnswerCodeInput
{
    public Guid? MunicipalityId { get; set; }

    public int? Answers { get; set; }
}

public sealed class IssueAnswerCodeInputValidator : AbstractValidator<IssueAnswerCodeInput>
{
    public IssueAnswerCodeInputValidator()
    {
        RuleFor(x => x.MunicipalityId)
            .Must(id => id is { } value && value != Guid.Empty)
            .WithErrorCode("Effect_Municipality_Required").WithMessage("Välj kommun.");
        RuleFor(x => x.Answers)
            .Must(n => n is >= 1 and <= AnswerCode.MaxAnswers)
            .WithErrorCode("AnswerCode_Answers_OutOfRange").WithMessage("Ange hur många som ska kunna svara, 1–30.");
    }
}
