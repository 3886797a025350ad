using TabbPortal.Domain.Common;

namespace TabbPortal.Domain.Children;

/// <summary>
/// A child in the collaboration: identity, guardians, the people in the child's roles and the level of support,
/// each kept with its history.
/// </summary>
public sealed class Child
{
    private readonly List<Guardian> _guardians = [];
    private readonly List<SupportLevelPeriod> _supportLevels = [];
    private readonly List<RoleAssignment> _roles = [];

    private Child()
    {
        GivenName = string.Empty;
        FamilyName = string.Empty;
        PersonalIdentityNumber = null!;
        RegisteredByUserId = string.Empty;
    }

    public Guid Id { get; private set; }

    public string GivenName { get; private set; }

    public string FamilyName { get; private set; }

    public string FullName => $"{GivenName} {FamilyName}";

    public PersonalIdentityNumber PersonalIdentityNumber { get; private set; }

    public Guid MunicipalityId { get; private set; }

    public Guid? SchoolUnitId { get; private set; }

    /// <summary>The unit that registered the child: it may always see what it recorded itself.</summary>
    public Guid RegisteredByUnitId { get; private set; }

    public string RegisteredByUserId { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public IReadOnlyCollection<Guardian> Guardians => _guardians.AsReadOnly();

    public IReadOnlyCollection<SupportLevelPeriod> SupportLevels => _supportLevels.AsReadOnly();

    public IReadOnlyCollection<RoleAssignment> Roles => _roles.AsReadOnly();

    public SupportLevel CurrentSupportLevel => _supportLevels.Single(p => p.IsCurrent).Level;

    /// <summary>Registers a child at the universal level, the starting point of every child in the model.</summary>
    public static Child Register(PersonalIdentityNumber number, string givenName, string familyName, Guid municipalityId,
        Guid? schoolUnitId, IEnumerable<GuardianInput> guardians, StaffRef registeredBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(registeredBy);
        var child = new Child
        {
            Id = Guid.NewGuid(),
            PersonalIdentityNumber = number,
            RegisteredByUnitId = registeredBy.UnitId,
            RegisteredByUserId = registeredBy.UserId,
            RegisteredAt = now,
        };
        child.ChangeDetails(givenName, familyName, municipalityId, schoolUnitId, guardians);
        child._supportLevels.Add(new SupportLevelPeriod(SupportLevel.Universal, DateOnly.FromDateTime(now.Date), registeredBy.UserId, null));
        return child;
    }

    public void ChangeDetails(string givenName, string familyName, Guid municipalityId, Guid? schoolUnitId, IEnumerable<GuardianInput> guardians)
    {
        ArgumentNullException.ThrowIfNull(guardians);
        var given = Text.Normalise(givenName);
        var family = Text.Normalise(familyName);
        if (given.Length == 0 || family.Length == 0)
        {
            throw new DomainException("Child_Name_Required", "Barnet måste ha för- och efternamn.");
        }

        GivenName = given;
        FamilyName = family;
        MunicipalityId = municipalityId;
        SchoolUnitId = schoolUnitId;
        ReplaceGuardians(guardians.ToList());
    }

    /// <summary>Guardians are matched by id: kept ones are updated, new ones added, missing ones removed.</summary>
    private void ReplaceGuardians(List<GuardianInput> inputs)
    {
        _guardians.RemoveAll(g => inputs.All(i => i.Id != g.Id));
        foreach (var input in inputs)
        {
            var existing = input.Id is { } id ? _guardians.SingleOrDefault(g => g.Id == id) : null;
            if (existing is null)
            {
                _guardians.Add(new Guardian(input));
            }
            else
            {
                existing.Update(input);
            }
        }
    }

    /// <summary>Moves the child to another level from a date; the previous period ends that day. Same level: nothing changes.</summary>
    public bool ChangeSupportLevel(SupportLevel level, DateOnly from, string decidedByUserId, string? reason)
    {
        var current = _supportLevels.Single(p => p.IsCurrent);
        if (current.Level == level)
        {
            return false;
        }

        if (from < current.From)
        {
            throw new DomainException("SupportLevel_BeforeCurrent", "Den nya stödnivån kan inte börja före den nuvarande.");
        }

        // Leaving coordinated support ends the coordinator's assignment, also one that was to start later.
        if (level != SupportLevel.Coordinated && _roles.SingleOrDefault(r => r.Role == ChildRole.Coordinator && r.To is null) is { } coordinator)
        {
            coordinator.End(from > coordinator.From ? from : coordinator.From);
        }

        current.End(from);
        _supportLevels.Add(new SupportLevelPeriod(level, from, decidedByUserId, Text.OrNull(reason)));
        return true;
    }

    public RoleAssignment? CurrentHolder(ChildRole role, DateOnly on) =>
        _roles.Where(r => r.Role == role && r.IsCurrentOn(on)).OrderByDescending(r => r.From).FirstOrDefault();

    /// <summary>
    /// Gives the role to a member of staff from a date. The one who held it hands over: their assignment ends that
    /// day and the history keeps both. A coordinator is only appointed when two or more agencies work together.
    /// </summary>
    public RoleAssignment AssignRole(ChildRole role, StaffRef staff, DateOnly from, string? handoverNote)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (from < _supportLevels.Min(p => p.From))
        {
            throw new DomainException("Role_BeforeRegistration", "En roll kan inte börja innan barnet registrerades.");
        }

        if (role == ChildRole.Coordinator && (LevelOn(from) != SupportLevel.Coordinated || CurrentSupportLevel != SupportLevel.Coordinated))
        {
            throw new DomainException("Role_Coordinator_RequiresCoordinatedLevel",
                "En samordnare utses när två eller fler verksamheter samverkar: ändra först stödnivån till samordnat stöd.");
        }

        var sameRole = _roles.Where(r => r.Role == role).ToList();
        if (sameRole.Count > 0 && from < sameRole.Max(r => r.From))
        {
            throw new DomainException("Role_BeforeCurrent", "En överlämning kan inte ske före den nuvarande tilldelningens början.");
        }

        if (sameRole.SingleOrDefault(r => r.To is null) is { } holder)
        {
            if (holder.StaffUserId == staff.UserId)
            {
                throw new DomainException("Role_SameHolder", "Personen har redan den rollen.");
            }

            holder.End(from);
        }

        var assignment = new RoleAssignment(role, staff, from, Text.OrNull(handoverNote));
        _roles.Add(assignment);
        return assignment;
    }

    public void EndRole(ChildRole role, DateOnly on)
    {
        var holder = _roles.SingleOrDefault(r => r.Role == role && r.To is null)
            ?? throw new DomainException("Role_NoHolder", "Ingen har rollen just nu.");
        if (on < holder.From)
        {
            throw new DomainException("Role_EndBeforeStart", "Rollen kan inte avslutas före sin början.");
        }

        holder.End(on);
    }

    /// <summary>
    /// The level in force on a date: the period that started on or before it and had not ended (a period ends on its
    /// To day). Before registration, the level the child was registered at.
    /// </summary>
    public SupportLevel LevelOn(DateOnly date) =>
        _supportLevels.Where(p => p.From <= date && (p.To is null || p.To > date)).Select(p => p.Level)
            .FirstOrDefault(_supportLevels.OrderBy(p => p.From).First().Level);

    /// <summary>Corrects a mistyped personal identity number; the rules that it is valid and not taken are checked before.</summary>
    public void CorrectPersonalIdentityNumber(PersonalIdentityNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        PersonalIdentityNumber = number;
    }
}
