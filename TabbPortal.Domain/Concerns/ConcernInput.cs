namespace TabbPortal.Domain.Concerns;

/// <summary>A practitioner's answers to the five questions, the decision and, where made, the report to social services.</summary>
public sealed class ConcernInput
{
    public Guid ChildId { get; set; }

    /// <summary>What is getting in the way of this child's wellbeing?</summary>
    public string WhatIsInTheWay { get; set; } = string.Empty;

    /// <summary>Do I have all the information I need? What is missing?</summary>
    public string? InformationNeeded { get; set; }

    /// <summary>What can I do now?</summary>
    public string? WhatICanDo { get; set; }

    /// <summary>What can my agency do now?</summary>
    public string? WhatMyAgencyCanDo { get; set; }

    /// <summary>What additional help, if any, is needed from others?</summary>
    public string? HelpNeededFromOthers { get; set; }

    public ConcernDecision? Decision { get; set; }

    /// <summary>The unit the concern is handed over to, when that is the decision.</summary>
    public Guid? HandOverToUnitId { get; set; }

    public bool ReportedToSocialServices { get; set; }

    public DateOnly? ReportedOn { get; set; }
}
