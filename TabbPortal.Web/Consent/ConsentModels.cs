using TabbPortal.Domain.Consent;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Web.Consent;

/// <summary>The child's consent ledger as shown: every entry with its withdrawal, and today's coverage per agency.</summary>
public sealed record ConsentLedgerView(
    Guid ChildId,
    IReadOnlyList<ConsentEntryView> Entries,
    IReadOnlyList<AgencyCoverageView> Coverage,
    IReadOnlyList<ConsentGiverOption> Givers);

public sealed record ConsentEntryView(
    Guid Id,
    ConsentGiver Giver,
    string GiverName,
    Agencies SharedWith,
    Agencies Categories,
    string Purpose,
    ConsentForm Form,
    string DocumentedByName,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    DateTimeOffset RecordedAt,
    bool InForce,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawnBy,
    string? WithdrawalRecordedByName,
    string? WithdrawalNote);

/// <summary>Whether one agency is covered today, until when, and whose consent is missing (by name).</summary>
public sealed record AgencyCoverageView(Sector Agency, bool Covered, DateOnly? Until, Agencies Categories, IReadOnlyList<string> MissingFrom);

/// <summary>Someone who can give consent: the child, or a guardian (with custody or not).</summary>
public sealed record ConsentGiverOption(ConsentGiver Giver, Guid? GuardianId, string Name, bool Needed);

/// <summary>The consent status at the top of the plan, and an emergency access in force, if any.</summary>
public sealed record ConsentStatusView(IReadOnlyList<AgencyCoverageView> Coverage, DateTimeOffset? EmergencyUntil);
