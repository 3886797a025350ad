using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.FollowUp;
using TabbPortal.Domain.Organisations;
using TabbPortal.Domain.Reporting;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.FollowUp;

public sealed record MunicipalityChoice(Guid Id, string Name);

/// <summary>A code checked before the questionnaire is shown: the municipality it is for, or why it cannot be used.</summary>
public sealed record CodeCheck(string? Code, string? Municipality, FieldError? Error)
{
    public Guid? MunicipalityId { get; init; }

    /// <summary>"yyyy-MM": the month of the meeting the code was handed out at.</summary>
    public string? Month { get; init; }
}

/// <summary>
/// The effect questionnaires: codes handed out at joint meetings by practitioners, answers given anonymously with a
/// code (no sign-in), and paper questionnaires entered afterwards by a practitioner. What is stored is described on
/// <see cref="EffectResponse"/>: municipality, month and kind of respondent only. Nothing here is logged.
/// </summary>
public sealed class QuestionnaireService(
    IDbContextFactory<PortalDbContext> contextFactory,
    IValidator<EffectResponseInput> responseValidator,
    IValidator<IssueAnswerCodeInput> codeValidator,
    CurrentUser currentUser,
    TimeProvider clock)
{
    private static readonly FieldError UnknownCode =
        new(nameof(AnswerCodeInput.Code), "AnswerCode_Unknown", "Koden finns inte eller kan inte användas längre. Fråga den som gav dig koden.");

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<IReadOnlyList<MunicipalityChoice>> GetMunicipalitiesAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var swedish = StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true);
        return [.. (await context.Organisations.Where(o => o.Kind == OrganisationKind.Municipality && o.IsActive)
                .Select(o => new MunicipalityChoice(o.Id, o.Name)).ToListAsync(cancellationToken))
            .OrderBy(m => m.Name, swedish)];
    }

    /// <summary>The municipality of the signed-in practitioner's unit, to preselect; null when it has none.</summary>
    public async Task<Guid?> GetMyMunicipalityAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unit = await context.Units.Where(u => u.Id == user.UnitId())
            .Join(context.Organisations, u => u.OrganisationId, o => o.Id, (u, o) => new { u.Municipality, o.Id, o.Kind })
            .SingleOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return null;
        }

        if (unit.Kind == OrganisationKind.Municipality)
        {
            return unit.Id;
        }

        return await context.Organisations.Where(o => o.Kind == OrganisationKind.Municipality && o.Name == unit.Municipality + " kommun")
            .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A practitioner hands out a code at a joint meeting, for as many answers as there are participants.</summary>
    public async Task<(SaveResult Result, string? Code)> IssueCodeAsync(IssueAnswerCodeInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        var validation = await codeValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return (SaveResult.From(validation), null);
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await context.Organisations.AnyAsync(o => o.Id == input.MunicipalityId && o.Kind == OrganisationKind.Municipality, cancellationToken))
        {
            return (SaveResult.Failed(new FieldError(nameof(input.MunicipalityId), "Effect_Municipality_Required", "Välj kommun.")), null);
        }

        var code = AnswerCode.Issue(input.MunicipalityId!.Value, input.Answers!.Value, Today);
        context.Add(code);
        await context.SaveChangesAsync(cancellationToken);
        return (SaveResult.Saved(Guid.Empty), code.Code);
    }

    /// <summary>Anyone with a code: checks it without using it up.</summary>
    public async Task<CodeCheck> CheckCodeAsync(string? typed, CancellationToken cancellationToken = default)
    {
        if (AnswerCode.Normalise(typed) is not { } code)
        {
            return new CodeCheck(null, null, string.IsNullOrWhiteSpace(typed)
                ? new FieldError(nameof(AnswerCodeInput.Code), "AnswerCode_Required", "Skriv koden du fick på mötet.")
                : new FieldError(nameof(AnswerCodeInput.Code), "AnswerCode_Format", "Koden har 8 tecken, till exempel ABCD-EFGH."));
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var today = Today;
        var found = await context.Set<AnswerCode>().Where(c => c.Code == code && c.AnswersLeft > 0 && c.ValidUntil >= today)
            .Join(context.Organisations, c => c.MunicipalityId, o => o.Id, (c, o) => new { o.Name, c.MunicipalityId, c.Month })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null
            ? new CodeCheck(null, null, UnknownCode)
            : new CodeCheck(code, found.Name, null) { MunicipalityId = found.MunicipalityId, Month = YearMonth.Of(found.Month).ToString() };
    }

    /// <summary>
    /// Anyone with a code answers: the code takes one answer less (atomically, so a code never takes more answers than
    /// it was made for), and the answer gets the code's municipality and month. The answer does not refer to the code.
    /// </summary>
    public async Task<SaveResult> AnswerWithCodeAsync(string? typedCode, EffectResponseInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (AnswerCode.Normalise(typedCode) is not { } code)
        {
            return SaveResult.Failed(UnknownCode with { Property = string.Empty });
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var today = Today;
        var issued = await context.Set<AnswerCode>().AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (issued is null || !issued.CanBeUsedOn(today))
        {
            return SaveResult.Failed(UnknownCode with { Property = string.Empty });
        }

        input.MunicipalityId = issued.MunicipalityId;
        input.Month = YearMonth.Of(issued.Month).ToString();
        var validation = await responseValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.From(validation);
        }

        await using var transaction = await context.BeginWriteAsync(cancellationToken);
        var used = await context.Set<AnswerCode>()
            .Where(c => c.Code == code && c.AnswersLeft > 0 && c.ValidUntil >= today)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AnswersLeft, c => c.AnswersLeft - 1), cancellationToken);
        if (used != 1)
        {
            return SaveResult.Failed(UnknownCode with { Property = string.Empty });
        }

        var response = EffectResponse.Record(input.Kind!.Value, issued.MunicipalityId, YearMonth.Of(issued.Month), input.Answers, YearMonth.Of(today));
        context.Add(response);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SaveResult.Saved(Guid.Empty);
    }

    /// <summary>A practitioner enters a questionnaire answered on paper. Who entered it is not stored with the answer.</summary>
    public async Task<SaveResult> RecordPaperAsync(EffectResponseInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        var validation = await responseValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.From(validation);
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await context.Organisations.AnyAsync(o => o.Id == input.MunicipalityId && o.Kind == OrganisationKind.Municipality, cancellationToken))
        {
            return SaveResult.Failed(new FieldError(nameof(input.MunicipalityId), "Effect_Municipality_Required", "Välj kommun."));
        }

        var response = EffectResponse.Record(input.Kind!.Value, input.MunicipalityId!.Value, YearMonth.Parse(input.Month)!.Value, input.Answers, YearMonth.Of(Today));
        context.Add(response);
        await context.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(response.Id);
    }
}
