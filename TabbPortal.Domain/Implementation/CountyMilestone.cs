using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Implementation;

/// <summary>
/// A goal of the county's project directive with its date (e.g. "implementation started", 2024). Its status is either
/// set by a process leader or, for the goals that follow from the organisations' steps, derived from them; a goal not
/// done by its date is overdue.
/// </summary>
public sealed class CountyMilestone
{
    public const int TitleMaxLength = 200;
    public const int NoteMaxLength = 1000;

    private CountyMilestone()
    {
        Code = string.Empty;
        Title = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>A stable key (e.g. "implementation-started"), for the seed and for exports.</summary>
    public string Code { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public int Order { get; private set; }

    public DateOnly DueOn { get; private set; }

    public MilestoneRule Rule { get; private set; }

    /// <summary>True when the status is the one a process leader set, not the derived one.</summary>
    public bool IsSetManually { get; private set; }

    /// <summary>The status a process leader set (used when <see cref="IsSetManually"/>).</summary>
    public StepStatus SetStatus { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    public string? Note { get; private set; }

    public string? ChangedByName { get; private set; }

    public DateTimeOffset? ChangedAt { get; private set; }

    public static CountyMilestone Create(string code, string title, string? description, int order, DateOnly dueOn, MilestoneRule rule)
    {
        var normalisedTitle = Text.Normalise(title);
        if (normalisedTitle.Length == 0 || string.IsNullOrWhiteSpace(code))
        {
            throw new DomainException("Milestone_Title_Required", "En milstolpe måste ha en rubrik.");
        }

        return new CountyMilestone
        {
            Id = Guid.NewGuid(),
            Code = code.Trim(),
            Title = normalisedTitle,
            Description = Text.Kept(description),
            Order = order,
            DueOn = dueOn,
            Rule = rule,
            IsSetManually = rule == MilestoneRule.Manual,
            SetStatus = StepStatus.NotStarted,
        };
    }

    /// <summary>True when the status can follow from the organisations' steps.</summary>
    public bool CanBeDerived => Rule != MilestoneRule.Manual;

    /// <summary>The milestone's status: the one set, or the one derived from the county's progress.</summary>
    public StepStatus StatusFor(CountyProgress progress) =>
        IsSetManually ? SetStatus : Derive(Rule, progress);

    /// <summary>Not done, and its date has passed.</summary>
    public bool IsOverdue(CountyProgress progress, DateOnly today) => StatusFor(progress) != StepStatus.Done && today > DueOn;

    /// <summary>Sets the status by hand (or hands it back to the derivation), with the due date, when it was done and a note.</summary>
    public void Update(MilestoneInput input, string userName, DateTimeOffset at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var manual = !CanBeDerived || !input.UseDerivedStatus;
        var due = input.DueOn ?? throw new DomainException("Milestone_DueOn_Required", "Ange när målet ska vara nått.");
        var status = SetStatus;
        if (manual)
        {
            status = input.Status is { } s && Enum.IsDefined(s) ? s : throw new DomainException("Milestone_Status_Required", "Välj status.");
            if (status == StepStatus.Done && input.CompletedOn is null)
            {
                throw new DomainException("Milestone_CompletedOn_Required", "Ange när målet nåddes.");
            }
        }

        if (input.CompletedOn is { } completed && completed > today)
        {
            throw new DomainException("Milestone_CompletedOn_Future", "Datumet kan inte ligga i framtiden.");
        }

        var note = Text.Kept(input.Note);
        if (note?.Length > NoteMaxLength)
        {
            throw new DomainException("Milestone_Note_TooLong", "Anteckningen får vara högst 1 000 tecken.");
        }

        SetStatus = status;
        IsSetManually = manual;
        DueOn = due;
        CompletedOn = input.CompletedOn;
        Note = note;
        ChangedByName = userName;
        ChangedAt = at;
    }

    /// <summary>
    /// Started: every organisation has begun at least one step (in progress while some have). Carried out: every
    /// organisation has done every step (in progress once some step is done somewhere).
    /// </summary>
    public static StepStatus Derive(MilestoneRule rule, CountyProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return rule switch
        {
            MilestoneRule.ImplementationStarted => progress.Organisations > 0 && progress.Started == progress.Organisations ? StepStatus.Done
                : progress.Started > 0 ? StepStatus.InProgress : StepStatus.NotStarted,
            MilestoneRule.ImplementationCarriedOut => progress.Organisations > 0 && progress.AllDone == progress.Organisations ? StepStatus.Done
                : progress.AnyDone > 0 ? StepStatus.InProgress : StepStatus.NotStarted,
            _ => StepStatus.NotStarted,
        };
    }
}

/// <summary>The county in four numbers: organisations, and how many of them have started, done some step, done every step.</summary>
public sealed record CountyProgress(int Organisations, int Started, int AnyDone, int AllDone);
