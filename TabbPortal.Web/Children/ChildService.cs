using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Common;
using TabbPortal.Domain.Concerns;
using TabbPortal.Domain.Organisations;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Children;

/// <summary>
/// Children, their roles, level of support and concerns, for practitioners. Every call checks the role and, for a
/// child, the <see cref="ChildAccessGate"/> on the server; a child the user may not see is reported as not found.
/// </summary>
public sealed partial class ChildService(
    IDbContextFactory<PortalDbContext> contextFactory,
    IValidator<ChildInput> childValidator,
    IValidator<SupportLevelInput> levelValidator,
    IValidator<RoleAssignmentInput> roleValidator,
    IValidator<ConcernInput> concernValidator,
    CurrentUser currentUser,
    ChildAccessGate gate,
    TimeProvider clock,
    ILogger<ChildService> logger)
{
    private static readonly StringComparer Swedish = StringComparer.Create(new CultureInfo("sv-SE"), true);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The children the user may see, filtered by a name or a personal identity number.</summary>
    public async Task<IReadOnlyList<ChildRow>> SearchAsync(string? query, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var children = await gate.VisibleChildrenAsync(context, user, cancellationToken);
        var text = Text.Normalise(query);
        if (text.Length > 0)
        {
            if (PersonalIdentityNumber.TryParse(text, Today, out var number, out _))
            {
                children = children.Where(c => c.PersonalIdentityNumber == number);
            }
        }

        var rows = await children
            .OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName)
            .Select(c => new
            {
                c.Id, c.GivenName, c.FamilyName, c.PersonalIdentityNumber,
                Municipality = context.Organisations.Where(o => o.Id == c.MunicipalityId).Select(o => o.Name).Single(),
                Level = c.SupportLevels.Where(p => p.To == null).Select(p => p.Level).Single(),
                Contact = c.Roles.Where(r => r.Role == ChildRole.ContactPerson && r.To == null).Select(r => r.StaffName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        // Names are matched here rather than in SQLite, whose LIKE folds case for ASCII only (not å, ä, ö). The rows
        // are already limited to the children this practitioner may see.
        var byName = text.Length > 0 && !PersonalIdentityNumber.TryParse(text, Today, out _, out _);
        var compare = CultureInfo.GetCultureInfo("sv-SE").CompareInfo;
        return [.. rows
            .Where(r => !byName || compare.IndexOf($"{r.GivenName} {r.FamilyName}", text, CompareOptions.IgnoreCase) >= 0)
            .Take(200)
            .Select(r => new ChildRow(r.Id, $"{r.GivenName} {r.FamilyName}", r.PersonalIdentityNumber.ToString(), r.PersonalIdentityNumber.AgeOn(Today),
                r.Municipality, r.Level, r.Contact))
            .OrderBy(r => r.Name, Swedish)];
    }

    public async Task<ChildDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        ChildAccessGrant grant;
        try
        {
            grant = await gate.RequireAsync(context, user, id, AccessKind.Read, RecordPart.Child, cancellationToken);
        }
        catch (ChildAccessDeniedException)
        {
            LogNotVisible(logger, id);
            return null;
        }

        var child = await LoadAsync(context, id, cancellationToken);
        if (child is null)
        {
            return null;
        }

        var unitIds = child.Roles.Select(r => r.UnitId).Append(child.RegisteredByUnitId).ToList();
        // Without consent, the unit that registered the child sees only the concerns it raised itself.
        var ownUnit = user.UnitId();
        var concerns = await context.Concerns.Where(c => c.ChildId == id && (grant.IsFull || c.RaisedByUnitId == ownUnit))
            .OrderByDescending(c => c.RaisedAt).ToListAsync(cancellationToken);
        unitIds.AddRange(concerns.Select(c => c.RaisedByUnitId));
        unitIds.AddRange(concerns.Where(c => c.HandOverToUnitId != null).Select(c => c.HandOverToUnitId!.Value));
        if (child.SchoolUnitId is { } schoolId)
        {
            unitIds.Add(schoolId);
        }

        var units = await context.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var municipality = await context.Organisations.Where(o => o.Id == child.MunicipalityId).Select(o => o.Name).SingleAsync(cancellationToken);
        var userIds = child.SupportLevels.Select(p => p.DecidedByUserId).Distinct().ToList();
        var names = await context.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var registeredBy = units.TryGetValue(child.RegisteredByUnitId, out var registeringUnit) ? registeringUnit.Name : string.Empty;

        return new ChildDetails(
            child.Id, child.GivenName, child.FamilyName, child.PersonalIdentityNumber.ToString(), child.PersonalIdentityNumber.IsCoordinationNumber,
            child.PersonalIdentityNumber.AgeOn(Today), child.MunicipalityId, municipality, child.SchoolUnitId,
            child.SchoolUnitId is { } s && units.TryGetValue(s, out var school) ? school.Name : null,
            registeredBy, child.RegisteredAt, child.CurrentSupportLevel,
            [.. child.Guardians.OrderBy(g => g.Name, Swedish).Select(g => new GuardianView(g.Id, g.Name, g.Relationship, g.Phone, g.Email, g.HasCustody))],
            [.. child.SupportLevels.OrderByDescending(p => p.From).ThenBy(p => p.To is null ? 0 : 1)
                .Select(p => new SupportLevelView(p.Level, p.From, p.To, names.GetValueOrDefault(p.DecidedByUserId, string.Empty), p.Reason))],
            [.. child.Roles.OrderBy(r => r.Role).ThenByDescending(r => r.From)
                .Select(r => new RoleView(r.Role, r.StaffName, units[r.UnitId].Name, units[r.UnitId].Sector, r.From, r.To, r.HandoverNote))],
            [.. concerns.Select(c => new ConcernView(c.Id, c.RaisedAt, c.RaisedByName, units[c.RaisedByUnitId].Name, c.WhatIsInTheWay,
                c.InformationNeeded, c.WhatICanDo, c.WhatMyAgencyCanDo, c.HelpNeededFromOthers, c.Decision,
                c.HandOverToUnitId is { } h ? units[h].Name : null, c.ReportedToSocialServicesOn, c.ReportedByName))],
            ConcurrencyTokens.Of(context, child),
            new ChildAccessView(grant.Basis, grant.Scope, grant.EmergencyUntil));
    }

    public async Task<SaveResult> RegisterAsync(ChildInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        input.Id = null;
        var validation = await childValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.From(validation);
        }

        var staff = Staff(user);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var child = Child.Register(PersonalIdentityNumber.Parse(input.PersonalIdentityNumber, Today), input.GivenName, input.FamilyName,
            input.MunicipalityId!.Value, input.SchoolUnitId, input.Guardians, staff, clock.GetLocalNow());
        context.Children.Add(child);
        // The entry comes first: if it cannot be written, neither is the child.
        await gate.LogAsync(context, user, child.Id, AccessKind.Write, RecordPart.Child,
            new ChildAccessGrant(child.Id, AccessBasis.OwnUnit, ChildAccessScope.OwnUnitOnly, staff.UnitId.ToString(), null), cancellationToken);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await IsRegisteredAsync(child.PersonalIdentityNumber, cancellationToken))
            {
                throw;
            }

            // The unique index caught a number registered between the check and the insert.
            return SaveResult.Failed(new FieldError(nameof(ChildInput.PersonalIdentityNumber), "Child_Pin_Taken",
                "Ett barn med det personnumret finns redan registrerat."));
        }

        LogRegistered(logger, child.Id, staff.UnitId);
        return SaveResult.Saved(child.Id);
    }

    public async Task<SaveResult> UpdateDetailsAsync(ChildInput input, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        // Access first: the rules (e.g. "number already registered") must tell nothing to someone who may not see the child.
        await CheckAsync(input.Id ?? Guid.Empty, RecordPart.Child, cancellationToken);
        var validation = await childValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.From(validation);
        }

        var number = PersonalIdentityNumber.Parse(input.PersonalIdentityNumber, Today);
        return await ChangeAsync(input.Id!.Value, RecordPart.Child, expectedVersion, (child, _) =>
        {
            if (child.PersonalIdentityNumber != number)
            {
                child.CorrectPersonalIdentityNumber(number);
            }

            child.ChangeDetails(input.GivenName, input.FamilyName, input.MunicipalityId!.Value, input.SchoolUnitId, input.Guardians);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    public async Task<SaveResult> ChangeSupportLevelAsync(Guid childId, SupportLevelInput input, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await CheckAsync(childId, RecordPart.SupportLevel, cancellationToken);
        var validation = await levelValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.From(validation);
        }

        return await ChangeAsync(childId, RecordPart.SupportLevel, expectedVersion, (child, staff) =>
        {
            child.ChangeSupportLevel(input.Level!.Value, input.From!.Value, staff.UserId, input.Reason);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    public async Task<SaveResult> AssignRoleAsync(Guid childId, RoleAssignmentInput input, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await CheckAsync(childId, RecordPart.Roles, cancellationToken);
        var validation = await roleValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.From(validation);
        }

        return await ChangeAsync(childId, RecordPart.Roles, expectedVersion, async (child, _) =>
        {
            await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
            var holder = await context.Users
                .Where(u => u.Id == input.StaffUserId && u.IsActive && u.UnitId != null)
                .Select(u => new StaffRef(u.Id, u.DisplayName, u.UnitId!.Value))
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("Role_Staff_Invalid", "Välj en aktiv medarbetare med enhet.");
            child.AssignRole(input.Role, holder, input.From!.Value, input.HandoverNote);
        }, cancellationToken);
    }

    public async Task<SaveResult> RecordConcernAsync(ConcernInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await CheckAsync(input.ChildId, RecordPart.Concerns, cancellationToken);
        var validation = await concernValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.From(validation);
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        if (input.Decision == ConcernDecision.HandOverToAnotherAgency && input.HandOverToUnitId is { } unitId
            && !await context.Units.AnyAsync(u => u.Id == unitId && u.IsActive, cancellationToken))
        {
            return SaveResult.Failed(new FieldError(nameof(ConcernInput.HandOverToUnitId), "Concern_HandOverUnit_Required", "Välj vilken enhet oron lämnas över till."));
        }

        // Local time, so that "today" in the record is the user's today, also just after midnight.
        Concern concern;
        try
        {
            concern = Concern.Record(input, Staff(user), clock.GetLocalNow());
        }
        catch (DomainException rule)
        {
            return SaveResult.Failed(new FieldError(string.Empty, rule.Code, rule.Message));
        }

        context.Concerns.Add(concern);
        await gate.RequireAsync(context, user, input.ChildId, AccessKind.Write, RecordPart.Concerns, cancellationToken);
        await context.SaveChangesAsync(cancellationToken);
        LogConcern(logger, concern.Id, input.ChildId);
        return SaveResult.Saved(concern.Id);
    }

    /// <summary>Active municipalities, for the child's place of residence.</summary>
    public async Task<IReadOnlyList<Option>> ListMunicipalitiesAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await context.Organisations.Where(o => o.IsActive && o.Kind == OrganisationKind.Municipality)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(o => o.Name, Swedish).Select(o => new Option(o.Id.ToString(), o.Name))];
    }

    /// <summary>Active municipalities and regions: the authorities that can hold overall responsibility for a SIP.</summary>
    public async Task<IReadOnlyList<Option>> ListOrganisationsAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await context.Organisations.Where(o => o.IsActive && o.Kind != OrganisationKind.IndependentSchoolProvider)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(o => o.Name, Swedish).Select(o => new Option(o.Id.ToString(), o.Name))];
    }

    /// <summary>Active units; with <paramref name="schoolsOnly"/> the preschools and schools, grouped by organisation.</summary>
    public async Task<IReadOnlyList<Option>> ListUnitsAsync(bool schoolsOnly, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await context.Units.Where(u => u.IsActive && (!schoolsOnly || u.Type == UnitType.Preschool || u.Type == UnitType.School))
            .Join(context.Organisations.Where(o => o.IsActive), u => u.OrganisationId, o => o.Id, (u, o) => new { u.Id, u.Name, Organisation = o.Name })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(u => u.Organisation, Swedish).ThenBy(u => u.Name, Swedish).Select(u => new Option(u.Id.ToString(), u.Name, u.Organisation))];
    }

    /// <summary>Active practitioners, grouped by unit, who can take a role around a child.</summary>
    public async Task<IReadOnlyList<Option>> ListStaffAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await context.Users.Where(u => u.IsActive && u.UnitId != null)
            .Join(context.Units, u => u.UnitId, n => n.Id, (u, n) => new { u.Id, u.DisplayName, u.Title, Unit = n.Name })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Unit, Swedish).ThenBy(r => r.DisplayName, Swedish)
            .Select(r => new Option(r.Id, r.Title is null ? r.DisplayName : $"{r.DisplayName}, {r.Title}", r.Unit))];
    }

    private async Task<SaveResult> ChangeAsync(Guid childId, RecordPart part, Guid expectedVersion, Func<Child, StaffRef, Task> change,
        CancellationToken cancellationToken)
    {
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await gate.RequireAsync(context, user, childId, AccessKind.Write, part, cancellationToken);
        var child = await LoadAsync(context, childId, cancellationToken)
            ?? throw new UnauthorizedAccessException("The child is not visible to the user.");

        ConcurrencyTokens.ExpectOriginal(context, child, expectedVersion);
        try
        {
            await change(child, Staff(user));
            // A change to guardians, roles or levels is a change of the child: its version moves, and a save from an
            // older version is refused even when the child's own row did not change.
            ConcurrencyTokens.Touch(context, child);
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException rule)
        {
            return SaveResult.Failed(new FieldError(string.Empty, rule.Code, rule.Message));
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Failed(new FieldError(string.Empty, "Concurrency_Conflict",
                "Någon annan har sparat ändringar sedan du öppnade formuläret. Dina uppgifter finns kvar: ladda om för att se de sparade värdena."));
        }

        LogChanged(logger, childId);
        return SaveResult.Saved(childId);
    }

    private async Task<bool> IsRegisteredAsync(PersonalIdentityNumber number, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Children.AnyAsync(c => c.PersonalIdentityNumber == number, cancellationToken);
    }

    /// <summary>
    /// Checks the gate before validating a write (not logged when allowed: the write step logs it), so that the rules
    /// tell nothing to someone who may not see the child.
    /// </summary>
    private async Task<ClaimsPrincipal> CheckAsync(Guid childId, RecordPart part, CancellationToken cancellationToken)
    {
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            await gate.CheckAsync(context, user, childId, AccessKind.Write, part, cancellationToken);
        }
        catch (ChildAccessDeniedException)
        {
            LogNotVisible(logger, childId);
            throw;
        }

        return user;
    }

    private static async Task<Child?> LoadAsync(PortalDbContext context, Guid id, CancellationToken cancellationToken) =>
        await context.Children
            .Include(c => c.Guardians).Include(c => c.SupportLevels).Include(c => c.Roles)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    private static StaffRef Staff(ClaimsPrincipal user) =>
        new(user.UserId()!, user.DisplayName(), user.UnitId() ?? throw new UnauthorizedAccessException("A practitioner without a unit cannot act on children."));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Child {ChildId} is not visible to the user")]
    private static partial void LogNotVisible(ILogger logger, Guid childId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered child {ChildId} by unit {UnitId}")]
    private static partial void LogRegistered(ILogger logger, Guid childId, Guid unitId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Changed child {ChildId}")]
    private static partial void LogChanged(ILogger logger, Guid childId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded concern {ConcernId} for child {ChildId}")]
    private static partial void LogConcern(ILogger logger, Guid concernId, Guid childId);
}
