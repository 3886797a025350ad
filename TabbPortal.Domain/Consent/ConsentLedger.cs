using TabbPortal.Domain.Organisations;

namespace TabbPortal.Domain.Consent;

/// <summary>
/// The rule that lifts secrecy between agencies for one child. An agency is covered on a day when every person whose
/// consent is needed has an entry in force that lets that agency share: each guardian with custody, and the child
/// itself when it has no guardian with custody or when its own consent has been asked (a mature child's "no" counts,
/// OSL 12 kap 3 §). One withdrawal by any of them ends the coverage at once.
/// </summary>
public sealed class ConsentLedger
{
    private readonly List<ConsentEntry> _entries;
    private readonly List<ConsentWithdrawal> _withdrawals;
    private readonly List<Guid> _custodialGuardians;

    public ConsentLedger(IEnumerable<ConsentEntry> entries, IEnumerable<ConsentWithdrawal> withdrawals, IEnumerable<Guid> custodialGuardianIds)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(withdrawals);
        ArgumentNullException.ThrowIfNull(custodialGuardianIds);
        _entries = entries.ToList();
        _withdrawals = withdrawals.ToList();
        _custodialGuardians = custodialGuardianIds.Distinct().ToList();
    }

    public IReadOnlyCollection<ConsentEntry> Entries => _entries;

    public IReadOnlyCollection<ConsentWithdrawal> Withdrawals => _withdrawals;

    public ConsentWithdrawal? WithdrawalOf(ConsentEntry entry) => _withdrawals.FirstOrDefault(w => w.ConsentId == entry.Id);

    /// <summary>Whether <paramref name="agency"/> may see the child's joint record on <paramref name="day"/>, and on which entries that rests.</summary>
    public ConsentCoverage CoverageFor(Sector agency, DateOnly day)
    {
        var needed = NeededGivers();
        var resting = new List<ConsentEntry>();
        var missing = new List<NeededGiver>();
        foreach (var giver in needed)
        {
            var entry = _entries
                .Where(e => giver.Matches(e) && e.SharedWith.Includes(agency) && e.IsInForce(day, _withdrawals))
                .OrderByDescending(e => e.ValidTo)
                .FirstOrDefault();
            if (entry is null)
            {
                missing.Add(giver);
            }
            else
            {
                resting.Add(entry);
            }
        }

        var covered = needed.Count > 0 && missing.Count == 0;
        var categories = covered ? resting.Aggregate(Agencies.All, (set, e) => set & e.Categories) : Agencies.None;
        var until = covered ? resting.Min(e => e.ValidTo) : (DateOnly?)null;
        return new ConsentCoverage(agency, covered, resting, missing, categories, until);
    }

    /// <summary>Coverage for all three agencies, for the status shown at the top of the plan.</summary>
    public IReadOnlyList<ConsentCoverage> StatusOn(DateOnly day) =>
        Enum.GetValues<Sector>().Select(s => CoverageFor(s, day)).ToList();

    /// <summary>Whose consent the child's record needs: each guardian with custody, and the child when the rule says so.</summary>
    public IReadOnlyList<NeededGiver> NeededGivers() => [.. EnumerateNeededGivers()];

    private IEnumerable<NeededGiver> EnumerateNeededGivers()
    {
        foreach (var guardianId in _custodialGuardians)
        {
            yield return new NeededGiver(ConsentGiver.Guardian, guardianId);
        }

        if (_custodialGuardians.Count == 0 || _entries.Any(e => e.Giver == ConsentGiver.Child))
        {
            yield return new NeededGiver(ConsentGiver.Child, null);
        }
    }
}

/// <summary>A person whose consent is needed: the child, or a guardian with custody.</summary>
public sealed record NeededGiver(ConsentGiver Giver, Guid? GuardianId)
{
    public bool Matches(ConsentEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Giver == Giver && (Giver == ConsentGiver.Child || entry.GuardianId == GuardianId);
    }
}

/// <summary>Whether one agency is covered, on which entries that rests, whose consent is missing, and until when it holds.</summary>
public sealed record ConsentCoverage(
    Sector Agency,
    bool Covered,
    IReadOnlyList<ConsentEntry> RestsOn,
    IReadOnlyList<NeededGiver> Missing,
    Agencies Categories,
    DateOnly? Until);
