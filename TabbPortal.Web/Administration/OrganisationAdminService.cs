using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Common;
using TabbPortal.Domain.Organisations;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Administration;

/// <summary>Organisations and units, for administrators only. Each call checks the role again on the server.</summary>
public sealed partial class OrganisationAdminService(
    IDbContextFactory<PortalDbContext> contextFactory,
    IValidator<OrganisationInput> organisationValidator,
    IValidator<UnitInput> unitValidator,
    CurrentUser currentUser,
    ILogger<OrganisationAdminService> logger)
{
    public async Task<IReadOnlyList<OrganisationRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAdministratorAsync();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await context.Organisations
            .Select(o => new OrganisationRow(o.Id, o.Name, o.Kind, o.SubRegion, o.IsActive, o.Units.Count, EF.Property<Guid>(o, ConcurrencyTokens.PropertyName)))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Name, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true))];
    }

    public async Task<OrganisationDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAdministratorAsync();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organisation = await context.Organisations
            .Where(o => o.Id == id)
            .Select(o => new OrganisationRow(o.Id, o.Name, o.Kind, o.SubRegion, o.IsActive, o.Units.Count, EF.Property<Guid>(o, ConcurrencyTokens.PropertyName)))
            .SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return null;
        }

        var units = await context.Units
            .Where(u => u.OrganisationId == id)
            .Select(u => new
            {
                u.Id, u.OrganisationId, u.Name, u.Type, u.Municipality, u.IsActive,
                Staff = context.Users.Count(s => s.UnitId == u.Id && s.IsActive),
                Version = EF.Property<Guid>(u, ConcurrencyTokens.PropertyName),
            })
            .ToListAsync(cancellationToken);
        return new OrganisationDetails(
            organisation,
            [.. units.Select(u => new UnitRow(u.Id, u.OrganisationId, u.Name, u.Type, u.Type.SectorOf(), u.Municipality, u.IsActive, u.Staff, u.Version))
                .OrderBy(u => u.Sector).ThenBy(u => u.Name, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true))]);
    }

    public async Task<SaveResult> SaveOrganisationAsync(OrganisationInput input, Guid? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await currentUser.RequireAdministratorAsync();
        var validation = await organisationValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.From(validation);
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        Organisation organisation;
        try
        {
        if (input.Id is { } id)
        {
            organisation = await context.Organisations.Include(o => o.Units).SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
                ?? throw new KeyNotFoundException($"Organisation {id} does not exist.");
            if (expectedVersion is { } version)
            {
                ConcurrencyTokens.ExpectOriginal(context, organisation, version);
            }

            organisation.Change(input.Name, input.Kind!.Value, input.SubRegion);
        }
        else
        {
            organisation = Organisation.Create(input.Name, input.Kind!.Value, input.SubRegion);
            context.Organisations.Add(organisation);
        }
        }
        catch (DomainException rule)
        {
            return SaveResult.Failed(new FieldError(FieldOf(rule.Code), rule.Code, rule.Message));
        }

        return await SaveAsync(context, organisation.Id, "Organisation_Name_Taken", nameof(OrganisationInput.Name), cancellationToken);
    }

    public async Task<SaveResult> SetOrganisationActiveAsync(Guid id, bool active, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAdministratorAsync();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organisation = await context.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException($"Organisation {id} does not exist.");
        if (active)
        {
            organisation.Reactivate();
        }
        else
        {
            organisation.Deactivate();
        }

        await context.SaveChangesAsync(cancellationToken);
        LogActivation(logger, "organisation", id, active);
        return SaveResult.Saved(id);
    }

    public async Task<SaveResult> SaveUnitAsync(UnitInput input, Guid? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await currentUser.RequireAdministratorAsync();
        var validation = await unitValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.From(validation);
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organisation = await context.Organisations.SingleAsync(o => o.Id == input.OrganisationId, cancellationToken);
        OrganisationUnit unit;
        try
        {
        if (input.Id is { } id)
        {
            unit = await context.Units.SingleOrDefaultAsync(u => u.Id == id && u.OrganisationId == organisation.Id, cancellationToken)
                ?? throw new KeyNotFoundException($"Unit {id} does not exist in organisation {organisation.Id}.");
            if (expectedVersion is { } version)
            {
                ConcurrencyTokens.ExpectOriginal(context, unit, version);
            }

            unit.Change(organisation, input.Name, input.Type!.Value, input.Municipality);
        }
        else
        {
            unit = OrganisationUnit.Create(organisation, input.Name, input.Type!.Value, input.Municipality);
            context.Units.Add(unit);
        }
        }
        catch (DomainException rule)
        {
            return SaveResult.Failed(new FieldError(string.Empty, rule.Code, rule.Message));
        }

        return await SaveAsync(context, unit.Id, "Unit_Name_Taken", nameof(UnitInput.Name), cancellationToken);
    }

    public async Task<SaveResult> SetUnitActiveAsync(Guid id, bool active, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAdministratorAsync();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unit = await context.Units.SingleOrDefaultAsync(u => u.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException($"Unit {id} does not exist.");
        if (active)
        {
            unit.Reactivate();
        }
        else
        {
            unit.Deactivate();
        }

        await context.SaveChangesAsync(cancellationToken);
        LogActivation(logger, "unit", id, active);
        return SaveResult.Saved(id);
    }

    /// <summary>Active units of active organisations, for choosing a staff member's unit.</summary>
    public async Task<IReadOnlyList<UnitOption>> ListUnitOptionsAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAdministratorAsync();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var units = await context.Units.Where(u => u.IsActive)
            .Join(context.Organisations.Where(o => o.IsActive), u => u.OrganisationId, o => o.Id, (u, o) => new { u.Id, u.Name, u.Type, Organisation = o.Name })
            .ToListAsync(cancellationToken);
        var swedish = StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true);
        return [.. units.Select(u => new UnitOption(u.Id, u.Name, u.Organisation, u.Type.SectorOf()))
            .OrderBy(u => u.OrganisationName, swedish).ThenBy(u => u.Name, swedish)];
    }

    private async Task<SaveResult> SaveAsync(PortalDbContext context, Guid id, string duplicateCode, string nameProperty, CancellationToken cancellationToken)
    {
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            LogSaved(logger, id);
            return SaveResult.Saved(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Failed(new FieldError(string.Empty, "Concurrency_Conflict",
                "Någon annan har sparat ändringar sedan du öppnade formuläret. Dina uppgifter finns kvar: ladda om för att se de sparade värdena."));
        }
        catch (DbUpdateException)
        {
            // The unique index caught a name that another save took between our check and our insert.
            return SaveResult.Failed(new FieldError(nameProperty, duplicateCode, "Namnet används redan."));
        }
    }

    /// <summary>The input field a broken organisation rule belongs to, so its message appears there.</summary>
    private static string FieldOf(string code) => code switch
    {
        _ when code.StartsWith("Organisation_Name", StringComparison.Ordinal) => nameof(OrganisationInput.Name),
        _ when code.StartsWith("Organisation_SubRegion", StringComparison.Ordinal) => nameof(OrganisationInput.SubRegion),
        _ => nameof(OrganisationInput.Kind),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Saved {EntityId}")]
    private static partial void LogSaved(ILogger logger, Guid entityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Set {Kind} {EntityId} active={Active}")]
    private static partial void LogActivation(ILogger logger, string kind, Guid entityId, bool active);
}
