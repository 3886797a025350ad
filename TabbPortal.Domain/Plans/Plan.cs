using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Plans;

/// <summary>
/// The child's plan: one open plan per child at a time, "the child's document". It holds the needs and their goals,
/// the actions, the participating agencies, and the child's and the guardians' views, kept apart. It can be escalated
/// to a SIP, which must name the authority with overall responsibility, and closed with a reason.
/// </summary>
public sealed class Plan
{
    private readonly List<PlanNeed> _needs = [];
    private readonly List<PlanAction> _actions = [];
    private readonly List<PlanParticipant> _participants = [];
    private readonly List<PlanReview> _reviews = [];

    private Plan()
    {
        CreatedByUserId = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ChildId { get; private set; }

    public PlanType Type { get; private set; }

    public PlanStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedByUserId { get; private set; }

    /// <summary>Summary of the needs and the assessment behind them.</summary>
    public string? Summary { get; private set; }

    /// <summary>Whether the summary is left out of the family's copy (a professional assessment not to be shared as written).</summary>
    public bool SummaryWithheldFromFamily { get; private set; }

    /// <summary>The child's own views, in the child's words where possible (UN CRC art. 12).</summary>
    public string? ChildViews { get; private set; }

    /// <summary>Why the child's views are not recorded; required when they are missing.</summary>
    public string? ChildViewsMissingReason { get; private set; }

    public string? GuardianViews { get; private set; }

    /// <summary>For a SIP: the authority (organisation) with overall responsibility.</summary>
    public Guid? OverallResponsibleOrganisationId { get; private set; }

    public DateOnly? NextReviewOn { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public string? ClosedReason { get; private set; }

    public IReadOnlyCollection<PlanNeed> Needs => _needs.AsReadOnly();

    public IReadOnlyCollection<PlanAction> Actions => _actions.AsReadOnly();

    public IReadOnlyCollection<PlanParticipant> Participants => _participants.AsReadOnly();

    public IReadOnlyCollection<PlanReview> Reviews => _reviews.AsReadOnly();

    public static Plan Open(Guid childId, string createdByUserId, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        ChildId = childId,
        Type = PlanType.ChildsPlan,
        Status = PlanStatus.Open,
        CreatedAt = now,
        CreatedByUserId = createdByUserId,
    };

    public void RecordViews(string? summary, string? childViews, string? childViewsMissingReason, string? guardianViews, bool summaryWithheldFromFamily = false)
    {
        EnsureOpen();
        var child = Text.OrNull(childViews);
        var reason = Text.OrNull(childViewsMissingReason);
        if (child is null && reason is null)
        {
            throw new DomainException("Plan_ChildViews_ReasonRequired", "Skriv barnets egna synpunkter, eller varför de saknas.");
        }

        Summary = Kept(summary);
        SummaryWithheldFromFamily = summaryWithheldFromFamily;
        ChildViews = Kept(childViews);
        ChildViewsMissingReason = child is null ? reason : null;
        GuardianViews = Kept(guardianViews);
    }

    /// <summary>Turns the plan into a SIP, keeping everything in it. A SIP must name the authority with overall responsibility.</summary>
    public void EscalateToSip(Guid overallResponsibleOrganisationId)
    {
        EnsureOpen();
        if (overallResponsibleOrganisationId == Guid.Empty)
        {
            throw new DomainException("Plan_Sip_ResponsibleRequired", "En SIP måste ange vilken huvudman som har det övergripande ansvaret.");
        }

        Type = PlanType.Sip;
        OverallResponsibleOrganisationId = overallResponsibleOrganisationId;
    }

    public PlanNeed AddNeed(string description)
    {
        EnsureOpen();
        var need = new PlanNeed(description);
        _needs.Add(need);
        return need;
    }

    public PlanGoal AddGoal(Guid needId, string description)
    {
        EnsureOpen();
        return Need(needId).AddGoal(description);
    }

    /// <summary>Marks a need, with its goals and actions, as withheld from the family's copy, or shows it again.</summary>
    public void WithholdNeedFromFamily(Guid needId, bool withheld)
    {
        EnsureOpen();
        Need(needId).WithholdFromFamily(withheld);
    }

    public PlanAction AddAction(ActionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        EnsureOpen();
        var need = Need(input.NeedId ?? Guid.Empty);
        var action = new PlanAction(need.Id, input);
        _actions.Add(action);
        return action;
    }

    public PlanAction ChangeAction(Guid actionId, ActionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        EnsureOpen();
        var action = _actions.SingleOrDefault(a => a.Id == actionId)
            ?? throw new DomainException("Action_NotFound", "Insatsen finns inte längre i planen.");
        action.Apply(input);
        return action;
    }

    public void RemoveAction(Guid actionId)
    {
        EnsureOpen();
        _actions.RemoveAll(a => a.Id == actionId);
    }

    /// <summary>Each participating agency has one contact person in the plan; naming a new one replaces the old.</summary>
    public void SetParticipant(Guid unitId, string contactUserId, string contactName)
    {
        EnsureOpen();
        if (_participants.SingleOrDefault(p => p.UnitId == unitId) is { } existing)
        {
            existing.ChangeContact(contactUserId, contactName);
        }
        else
        {
            _participants.Add(new PlanParticipant(unitId, contactUserId, contactName));
        }
    }

    public void ScheduleReview(DateOnly on, DateOnly today)
    {
        EnsureOpen();
        if (on < today)
        {
            throw new DomainException("Plan_Review_InPast", "Nästa uppföljning kan inte ligga bakåt i tiden.");
        }

        NextReviewOn = on;
    }

    /// <summary>
    /// Records a review held on a day: every goal of the plan is judged (reached, partly, not), and the next review is
    /// set, unless the plan is to be closed after it.
    /// </summary>
    public PlanReview RecordReview(DateOnly heldOn, string heldByName, IReadOnlyDictionary<Guid, GoalJudgement> judgements, DateOnly? nextReviewOn,
        string? notes, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(judgements);
        EnsureOpen();
        if (heldOn > today)
        {
            throw new DomainException("Review_HeldOn_Future", "En uppföljning kan inte registreras innan den hållits.");
        }

        var goals = _needs.SelectMany(n => n.Goals).ToList();
        if (goals.Count == 0)
        {
            throw new DomainException("Review_NoGoals", "Planen har inga mål att följa upp.");
        }

        if (goals.Any(g => !judgements.TryGetValue(g.Id, out var j) || !Enum.IsDefined(j)) || judgements.Keys.Any(id => goals.All(g => g.Id != id)))
        {
            throw new DomainException("Review_AllGoalsRequired", "Bedöm vart och ett av planens mål.");
        }

        if (nextReviewOn is { } next && next <= heldOn)
        {
            throw new DomainException("Review_Next_NotAfter", "Nästa uppföljning måste ligga efter den här.");
        }

        var review = new PlanReview(heldOn, heldByName, notes, nextReviewOn, goals.Select(g => new GoalAssessment(g, judgements[g.Id])));
        _reviews.Add(review);
        NextReviewOn = nextReviewOn;
        return review;
    }

    public void Close(string reason, DateOnly on)
    {
        EnsureOpen();
        var why = Text.OrNull(reason) ?? throw new DomainException("Plan_CloseReason_Required", "Ange varför planen avslutas.");
        if (why.Length > 1000)
        {
            throw new DomainException("Plan_CloseReason_TooLong", "Anledningen får vara högst 1 000 tecken.");
        }

        ClosedReason = why;
        ClosedOn = on;
        Status = PlanStatus.Closed;
    }

    private PlanNeed Need(Guid needId) =>
        _needs.SingleOrDefault(n => n.Id == needId) ?? throw new DomainException("Need_NotFound", "Behovet finns inte i planen.");

    private void EnsureOpen()
    {
        if (Status == PlanStatus.Closed)
        {
            throw new DomainException("Plan_Closed", "Planen är avslutad och kan inte ändras.");
        }
    }

    private static string? Kept(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>An agency taking part in the plan, with its one contact person.</summary>
public sealed class PlanParticipant
{
    private PlanParticipant()
    {
        ContactUserId = string.Empty;
        ContactName = string.Empty;
    }

    internal PlanParticipant(Guid unitId, string contactUserId, string contactName)
    {
        Id = Guid.NewGuid();
        UnitId = unitId;
        ContactUserId = contactUserId;
        ContactName = contactName;
    }

    public Guid Id { get; private set; }

    public Guid UnitId { get; private set; }

    public string ContactUserId { get; private set; }

    public string ContactName { get; private set; }

    internal void ChangeContact(string contactUserId, string contactName)
    {
        ContactUserId = contactUserId;
        ContactName = contactName;
    }
}
