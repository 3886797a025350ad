using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Implementation;

/// <summary>
/// How far one organisation, or one of its units, has come with one implementation step: status, date, responsible
/// person and a note of the evidence. Every change is kept (<see cref="History"/>), so that progress over time can be
/// shown. Rules: done needs a date, no date lies in the future, the trained share belongs to the training step only,
/// and the status goes back only with a note saying why.
/// </summary>
public sealed class StepProgress
{
    public const int ResponsibleMaxLength = 200;
    public const int EvidenceMaxLength = 2000;
    public const int NoteMaxLength = 1000;

    private readonly List<StepProgressChange> _history = [];

    private StepProgress()
    {
    }

    public Guid Id { get; private set; }

    public Guid StepId { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The unit, for a step taken per unit; null for a step taken once by the organisation.</summary>
    public Guid? UnitId { get; private set; }

    public StepStatus Status { get; private set; }

    /// <summary>When the step reached its status (for done: when it was done).</summary>
    public DateOnly? Date { get; private set; }

    public string? ResponsiblePerson { get; private set; }

    public string? Evidence { get; private set; }

    /// <summary>The share of staff trained (0–100 %), for the training step only.</summary>
    public int? TrainedShare { get; private set; }

    public DateTimeOffset? LastChangedAt { get; private set; }

    public IReadOnlyCollection<StepProgressChange> History => _history.AsReadOnly();

    /// <summary>A step not yet started by the organisation (or its unit); nothing is recorded until <see cref="Record"/>.</summary>
    public static StepProgress Start(ImplementationStep step, Guid organisationId, Guid? unitId)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Scope == StepScope.Unit && unitId is null)
        {
            throw new DomainException("Progress_Unit_Required", "Steget gäller varje enhet: välj enhet.");
        }

        if (step.Scope == StepScope.Organisation && unitId is not null)
        {
            throw new DomainException("Progress_Unit_NotAllowed", "Steget gäller hela organisationen, inte en enhet.");
        }

        return new StepProgress
        {
            Id = Guid.NewGuid(),
            StepId = step.Id,
            OrganisationId = organisationId,
            UnitId = unitId,
            Status = StepStatus.NotStarted,
        };
    }

    /// <summary>Records the new state of the step; false (and nothing kept) when nothing changed.</summary>
    public bool Record(ImplementationStep step, StepProgressInput input, string userId, string userName, DateTimeOffset at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(input);
        if (step.Id != StepId)
        {
            throw new ArgumentException("The progress belongs to another step.", nameof(step));
        }

        if (!step.IsActive)
        {
            throw new DomainException("Progress_Step_Retired", "Steget är avvecklat och kan inte ändras.");
        }

        var status = input.Status is { } s && Enum.IsDefined(s)
            ? s
            : throw new DomainException("Progress_Status_Required", "Välj status.");
        if (status == StepStatus.Done && input.Date is null)
        {
            throw new DomainException("Progress_Date_Required", "Ange när steget blev klart.");
        }

        if (input.Date is { } date && date > today)
        {
            throw new DomainException("Progress_Date_Future", "Datumet kan inte ligga i framtiden.");
        }

        if (input.TrainedShare is not null && !step.MeasuresShare)
        {
            throw new DomainException("Progress_Share_NotAllowed", "Andel utbildad personal anges bara för utbildningssteget.");
        }

        if (input.TrainedShare is < 0 or > 100)
        {
            throw new DomainException("Progress_Share_Range", "Andelen anges i procent, 0–100.");
        }

        var note = Text.Kept(input.Note);
        if (status < Status && note is null)
        {
            throw new DomainException("Progress_Note_RequiredWhenBack", "Skriv varför statusen går tillbaka.");
        }

        var responsible = Text.OrNull(input.ResponsiblePerson);
        var evidence = Text.Kept(input.Evidence);
        if (responsible?.Length > ResponsibleMaxLength || evidence?.Length > EvidenceMaxLength || note?.Length > NoteMaxLength)
        {
            throw new DomainException("Progress_Text_TooLong", "Texten är för lång.");
        }

        if (status == Status && input.Date == Date && responsible == ResponsiblePerson && evidence == Evidence
            && input.TrainedShare == TrainedShare && note is null)
        {
            return false;
        }

        _history.Add(new StepProgressChange(Id, at, userId, userName, Status, status, TrainedShare, input.TrainedShare, input.Date, note));
        Status = status;
        Date = input.Date;
        ResponsiblePerson = responsible;
        Evidence = evidence;
        TrainedShare = input.TrainedShare;
        LastChangedAt = at;
        return true;
    }
}

/// <summary>One recorded change of a step's progress: who, when, from which status to which, and why.</summary>
public sealed class StepProgressChange
{
    private StepProgressChange()
    {
        ChangedByUserId = string.Empty;
        ChangedByName = string.Empty;
    }

    internal StepProgressChange(Guid progressId, DateTimeOffset changedAt, string userId, string userName, StepStatus from, StepStatus to,
        int? fromShare, int? toShare, DateOnly? date, string? note)
    {
        Id = Guid.NewGuid();
        ProgressId = progressId;
        ChangedAt = changedAt;
        ChangedByUserId = userId;
        ChangedByName = userName;
        FromStatus = from;
        ToStatus = to;
        FromShare = fromShare;
        ToShare = toShare;
        Date = date;
        Note = note;
    }

    public Guid Id { get; private set; }

    public Guid ProgressId { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public string ChangedByUserId { get; private set; }

    public string ChangedByName { get; private set; }

    public StepStatus FromStatus { get; private set; }

    public StepStatus ToStatus { get; private set; }

    public int? FromShare { get; private set; }

    public int? ToShare { get; private set; }

    /// <summary>The date given with the change (when the step reached its status).</summary>
    public DateOnly? Date { get; private set; }

    public string? Note { get; private set; }
}
