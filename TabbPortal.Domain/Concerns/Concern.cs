using TabbPortal.Domain.Children;
using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Concerns;

/// <summary>
/// A concern a practitioner noticed, worked through with the five questions, and the decision that followed. The
/// portal records that a report to social services (orosanmälan) was made, by whom and when, not the report itself:
/// the duty to report needs no consent.
/// </summary>
public sealed class Concern
{
    private Concern()
    {
        WhatIsInTheWay = string.Empty;
        RaisedByUserId = string.Empty;
        RaisedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ChildId { get; private set; }

    public string RaisedByUserId { get; private set; }

    public string RaisedByName { get; private set; }

    public Guid RaisedByUnitId { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public string WhatIsInTheWay { get; private set; }

    public string? InformationNeeded { get; private set; }

    public string? WhatICanDo { get; private set; }

    public string? WhatMyAgencyCanDo { get; private set; }

    public string? HelpNeededFromOthers { get; private set; }

    public ConcernDecision Decision { get; private set; }

    public Guid? HandOverToUnitId { get; private set; }

    public DateOnly? ReportedToSocialServicesOn { get; private set; }

    public string? ReportedByUserId { get; private set; }

    public string? ReportedByName { get; private set; }

    public static Concern Record(ConcernInput input, StaffRef raisedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(raisedBy);
        var what = Text.Normalise(input.WhatIsInTheWay);
        if (what.Length == 0)
        {
            throw new DomainException("Concern_WhatIsInTheWay_Required", "Beskriv vad som hindrar barnet från att må bra.");
        }

        if (input.Decision is not { } decision || !Enum.IsDefined(decision))
        {
            throw new DomainException("Concern_Decision_Required", "Välj vad som ska hända härnäst.");
        }

        if (decision == ConcernDecision.HandOverToAnotherAgency && input.HandOverToUnitId is null)
        {
            throw new DomainException("Concern_HandOverUnit_Required", "Välj vilken enhet oron lämnas över till.");
        }

        var concern = new Concern
        {
            Id = Guid.NewGuid(),
            ChildId = input.ChildId,
            RaisedByUserId = raisedBy.UserId,
            RaisedByName = raisedBy.Name,
            RaisedByUnitId = raisedBy.UnitId,
            RaisedAt = now,
            WhatIsInTheWay = input.WhatIsInTheWay.Trim(),
            InformationNeeded = Answer(input.InformationNeeded),
            WhatICanDo = Answer(input.WhatICanDo),
            WhatMyAgencyCanDo = Answer(input.WhatMyAgencyCanDo),
            HelpNeededFromOthers = Answer(input.HelpNeededFromOthers),
            Decision = decision,
            HandOverToUnitId = decision == ConcernDecision.HandOverToAnotherAgency ? input.HandOverToUnitId : null,
        };
        if (input.ReportedToSocialServices)
        {
            concern.RecordReportToSocialServices(input.ReportedOn ?? DateOnly.FromDateTime(now.Date), raisedBy, now);
        }

        return concern;
    }

    /// <summary>Records that a report to social services was made; a report cannot be dated in the future.</summary>
    public void RecordReportToSocialServices(DateOnly on, StaffRef reportedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reportedBy);
        if (on > DateOnly.FromDateTime(now.Date))
        {
            throw new DomainException("Concern_ReportedOn_Future", "Datumet för anmälan kan inte ligga i framtiden.");
        }

        ReportedToSocialServicesOn = on;
        ReportedByUserId = reportedBy.UserId;
        ReportedByName = reportedBy.Name;
    }

    // Free text keeps its line breaks; only surrounding white space goes.
    private static string? Answer(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
