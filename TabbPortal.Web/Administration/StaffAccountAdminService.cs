using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Administration;

/// <summary>
/// Staff accounts, for administrators only. Each operation uses its own scope (and so its own identity context),
/// because a Blazor circuit lives far longer than one unit of work.
/// </summary>
public sealed partial class StaffAccountAdminService(
    IServiceScopeFactory scopeFactory,
    IDbContextFactory<PortalDbContext> contextFactory,
    IValidator<StaffAccountInput> validator,
    CurrentUser currentUser,
    ILogger<StaffAccountAdminService> logger)
{
    public async Task<IReadOnlyList<StaffAccountRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAdministratorAsync();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var rows = await (
            from user in context.Users
            join unit in context.Units on user.UnitId equals unit.Id into units
            from unit in units.DefaultIfEmpty()
            join organisation in context.Organisations on unit.OrganisationId equals organisation.Id into organisations
            from organisation in organisations.DefaultIfEmpty()
            select new
            {
                user.Id, user.DisplayName, user.Email, user.Title, user.UnitId, UnitName = unit.Name, OrganisationName = organisation.Name,
                user.IsActive, user.LockoutEnd, user.ConcurrencyStamp,
                Role = context.UserRoles.Where(r => r.UserId == user.Id)
                    .Join(context.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        var swedish = StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true);
        return [.. rows
            .Select(r => new StaffAccountRow(r.Id, r.DisplayName, r.Email ?? string.Empty, r.Title, r.Role ?? string.Empty, r.UnitId,
                r.UnitName, r.OrganisationName, r.IsActive, r.LockoutEnd > now, r.ConcurrencyStamp ?? string.Empty))
            .OrderBy(r => r.DisplayName, swedish)];
    }

    public async Task<SaveResult> SaveAsync(StaffAccountInput input, string? expectedConcurrencyStamp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await currentUser.RequireAdministratorAsync();
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.From(validation);
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = EmailAddress.Parse(input.Email).Value;
        var unitId = input.UnitId;

        PortalUser user;
        if (input.IsNew)
        {
            user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
            Apply(user, input, unitId);
            var created = await users.CreateAsync(user, input.Password!);
            if (!created.Succeeded)
            {
                return Failed(created);
            }
        }
        else
        {
            user = await users.FindByIdAsync(input.Id!) ?? throw new KeyNotFoundException($"Account {input.Id} does not exist.");
            if (expectedConcurrencyStamp is not null)
            {
                user.ConcurrencyStamp = expectedConcurrencyStamp;
            }

            Apply(user, input, unitId);
            user.UserName = email;
            user.Email = email;
            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded)
            {
                return Failed(updated);
            }

            if (!string.IsNullOrWhiteSpace(input.Password))
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                var reset = await users.ResetPasswordAsync(user, token, input.Password);
                if (!reset.Succeeded)
                {
                    return Failed(reset);
                }
            }
        }

        var currentRoles = await users.GetRolesAsync(user);
        if (!currentRoles.SequenceEqual([input.Role]))
        {
            await users.RemoveFromRolesAsync(user, currentRoles);
            await users.AddToRoleAsync(user, input.Role);
            // A changed role must not live on in an open session.
            await users.UpdateSecurityStampAsync(user);
        }

        LogSaved(logger, user.Id);
        return new SaveResult(null, []);
    }

    public async Task<SaveResult> SetActiveAsync(string id, bool active, CancellationToken cancellationToken = default)
    {
        var admin = await currentUser.RequireAdministratorAsync();
        if (!active && admin.UserId() == id)
        {
            return SaveResult.Failed(new FieldError(string.Empty, "Account_CannotDeactivateSelf", "Du kan inte inaktivera ditt eget konto."));
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(id) ?? throw new KeyNotFoundException($"Account {id} does not exist.");
        user.IsActive = active;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return Failed(result);
        }

        if (!active)
        {
            // Ends every signed-in session of the account at its next check.
            await users.UpdateSecurityStampAsync(user);
        }
        else
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }

        LogActivation(logger, id, active);
        return new SaveResult(null, []);
    }

    private static void Apply(PortalUser user, StaffAccountInput input, Guid? unitId)
    {
        user.DisplayName = string.Join(' ', input.DisplayName.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        user.Title = string.IsNullOrWhiteSpace(input.Title) ? null : input.Title.Trim();
        user.UnitId = unitId;
    }

    private static SaveResult Failed(IdentityResult result) =>
        SaveResult.Failed([.. result.Errors.Select(ToFieldError)]);

    private static FieldError ToFieldError(IdentityError error) => error.Code switch
    {
        "ConcurrencyFailure" => new(string.Empty, "Concurrency_Conflict",
            "Någon annan har sparat ändringar sedan du öppnade formuläret. Dina uppgifter finns kvar: ladda om för att se de sparade värdena."),
        "DuplicateEmail" or "DuplicateUserName" => new(nameof(StaffAccountInput.Email), "Account_Email_Taken", "Det finns redan ett konto med den e-postadressen."),
        "InvalidEmail" or "InvalidUserName" => new(nameof(StaffAccountInput.Email), "Account_Email_Invalid", "Ange en giltig e-postadress."),
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => new(nameof(StaffAccountInput.Password), "Account_Password_Weak",
            $"Lösenordet måste ha minst {PasswordPolicy.MinimumLength} tecken med stora och små bokstäver och en siffra."),
        _ => new(string.Empty, "Account_SaveFailed", "Kontot kunde inte sparas."),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Saved account {UserId}")]
    private static partial void LogSaved(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Set account {UserId} active={Active}")]
    private static partial void LogActivation(ILogger logger, string userId, bool active);
}
