using TabbPortal.Domain.Common;
using TabbPortal.Domain.Reporting;

namespace TabbPortal.Domain.FollowUp;

/// <summary>
/// An anonymous questionnaire answer. It keeps the municipality, the month and the kind of respondent, and nothing
/// else: no person, no meeting, no plan, no time of day, no answer code, so that an answer cannot be traced to a child.
/// </summary>
public sealed class EffectResponse
{
    private readonly List<EffectAnswer> _answers = [];

    private EffectResponse()
    {
    }

    public Guid Id { get; private set; }

    public RespondentKind Kind { get; private set; }

    public Guid MunicipalityId { get; private set; }

    /// <summary>The first day of the month the questionnaire refers to.</summary>
    public DateOnly Month { get; private set; }

    public IReadOnlyCollection<EffectAnswer> Answers => _answers.AsReadOnly();

    /// <summary>Records a checked input; the rules are those of <see cref="EffectResponseInputValidator"/>.</summary>
    public static EffectResponse Record(RespondentKind kind, Guid municipalityId, YearMonth month, IReadOnlyDictionary<string, int?> answers, YearMonth current)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Effect_Kind_Required", "Välj vem som svarar.");
        }

        if (month > current)
        {
            throw new DomainException("Effect_Month_Future", "Månaden kan inte ligga i framtiden.");
        }

        var given = answers.Where(a => a.Value is not null).ToList();
        if (given.Count == 0)
        {
            throw new DomainException("Effect_Answers_Required", "Svara på minst en fråga.");
        }

        if (given.Any(a => EffectQuestionnaire.Find(a.Key)?.Kind != kind))
        {
            throw new DomainException("Effect_Answers_WrongQuestionnaire", "Svaren hör inte till den här enkäten.");
        }

        if (given.Any(a => a.Value is < EffectQuestionnaire.MinAnswer or > EffectQuestionnaire.MaxAnswer))
        {
            throw new DomainException("Effect_Answer_OutOfRange", "Välj ett svar mellan 1 och 5.");
        }

        var response = new EffectResponse { Id = Guid.NewGuid(), Kind = kind, MunicipalityId = municipalityId, Month = month.FirstDay };
        response._answers.AddRange(given.Select(a => new EffectAnswer(a.Key, a.Value!.Value)));
        return response;
    }
}

/// <summary>The answer to one question, 1 (not at all true) to 5 (completely true).</summary>
public sealed class EffectAnswer
{
    private EffectAnswer()
    {
        QuestionCode = string.Empty;
    }

    internal EffectAnswer(string questionCode, int value)
    {
        QuestionCode = questionCode;
        Value = value;
    }

    public string QuestionCode { get; private set; }

    public int Value { get; private set; }
}
