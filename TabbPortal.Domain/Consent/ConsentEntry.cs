using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Consent;

/// <summary>Who gave a consent: the child, or one of the guardians.</summary>
public enum ConsentGiver
{
    Child = 1,
    Guardian = 2,
}

/// <summary>How the consent was given.</summary>
public enum ConsentForm
{
    Written = 1,
    Oral = 2,
}

/// <summary>
/// One entry in a child's consent ledger (samtycke, OSL 10 kap 1 § and 12 kap 2 §): who consented, to which agencies
/// sharing which categories of information, for what purpose, how, and for how long. An entry never changes: a change
/// is a new entry (<see cref="ReplacesId"/>), and a withdrawal is a <see cref="ConsentWithdrawal"/> of its own.
/// </summary>
public sealed class ConsentEntry
{
    private ConsentEntry()
    {
        GiverName = string.Empty;
        Purpose = string.Empty;
        DocumentedByUserId = string.Empty;
        DocumentedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ChildId { get; private set; }

    public ConsentGiver Giver { get; private set; }

    /// <summary>The guardian who consented, when <see cref="Giver"/> is a guardian.</summary>
    public Guid? GuardianId { get; private set; }

    /// <summary>The name as given, kept even if the guardian's record changes later.</summary>
    public string GiverName { get; private set; }

    /// <summary>The agencies that may share information with each other and see the joint plan.</summary>
    public Agencies SharedWith { get; private set; }

    /// <summary>Whose information may be shared: school's, social services' and/or health care's.</summary>
    public Agencies Categories { get; private set; }

    public string Purpose { get; private set; }

    public ConsentForm Form { get; private set; }

    public string DocumentedByUserId { get; private set; }

    public string DocumentedByName { get; private set; }

    public Guid DocumentedByUnitId { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly ValidTo { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The earlier entry this one replaces (a change is a new entry; the earlier one is withdrawn with it).</summary>
    public Guid? ReplacesId { get; private set; }

    public static ConsentEntry Record(Guid childId, ConsentInput input, string giverName, ConsentDocumenter documentedBy, DateTimeOffset now,
        Guid? replacesId = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(documentedBy);
        if (input.Giver is null || input.Form is null || input.ValidFrom is null || input.ValidTo is null)
        {
            throw new DomainException("Consent_Incomplete", "Samtycket saknar uppgifter.");
        }

        if (input.ValidTo < input.ValidFrom)
        {
            throw new DomainException("Consent_ValidTo_BeforeFrom", "Samtycket kan inte upphöra innan det börjar gälla.");
        }

        return new ConsentEntry
        {
            Id = Guid.NewGuid(),
            ChildId = childId,
            Giver = input.Giver.Value,
            GuardianId = input.Giver == ConsentGiver.Guardian ? input.GuardianId : null,
            GiverName = Text.Normalise(giverName),
            SharedWith = input.SharedWith,
            Categories = input.Categories,
            Purpose = Text.Normalise(input.Purpose),
            Form = input.Form.Value,
            DocumentedByUserId = documentedBy.UserId,
            DocumentedByName = documentedBy.Name,
            DocumentedByUnitId = documentedBy.UnitId,
            ValidFrom = input.ValidFrom.Value,
            ValidTo = input.ValidTo.Value,
            RecordedAt = now,
            ReplacesId = replacesId,
        };
    }

    /// <summary>Whether the entry is in force on <paramref name="day"/>, given the withdrawals recorded so far.</summary>
    public bool IsInForce(DateOnly day, IEnumerable<ConsentWithdrawal> withdrawals)
    {
        ArgumentNullException.ThrowIfNull(withdrawals);
        return ValidFrom <= day && day <= ValidTo && !withdrawals.Any(w => w.ConsentId == Id);
    }
}

/// <summary>The professional who documented a consent or a withdrawal.</summary>
public sealed record ConsentDocumenter(string UserId, string Name, Guid UnitId);

/// <summary>
/// A consent withdrawn: when, by whom it was recorded and who withdrew it. It takes effect at once, at every user's next
/// operation, also in open pages and live meetings.
/// </summary>
public sealed class ConsentWithdrawal
{
    private ConsentWithdrawal()
    {
        RecordedByUserId = string.Empty;
        RecordedByName = string.Empty;
        WithdrawnBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ConsentId { get; private set; }

    public Guid ChildId { get; private set; }

    /// <summary>Who withdrew it (the child or the guardian, by name), as told to the professional.</summary>
    public string WithdrawnBy { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset WithdrawnAt { get; private set; }

    public string RecordedByUserId { get; private set; }

    public string RecordedByName { get; private set; }

    public static ConsentWithdrawal Of(ConsentEntry entry, string withdrawnBy, string? note, ConsentDocumenter recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(recordedBy);
        var who = Text.Normalise(withdrawnBy);
        if (who.Length == 0)
        {
            throw new DomainException("Consent_WithdrawnBy_Required", "Ange vem som återkallade samtycket.");
        }

        return new ConsentWithdrawal
        {
            Id = Guid.NewGuid(),
            ConsentId = entry.Id,
            ChildId = entry.ChildId,
            WithdrawnBy = who,
            Note = Text.OrNull(note),
            WithdrawnAt = now,
            RecordedByUserId = recordedBy.UserId,
            RecordedByName = recordedBy.Name,
        };
    }
}
