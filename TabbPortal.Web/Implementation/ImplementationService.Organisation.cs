using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Common;
using TabbPortal.Domain.Implementation;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Implementation;

public sealed partial class ImplementationService
{
    public async Task<OrganisationImplementation?> GetOrganisationAsync(Guid organisationId, CancellationToken cancellationToken = default) =>
        await GetOrganisationAsync(await RequireLeaderAsync(), organisationId, cancellationToken);

    /// <summary>One organisation's steps, its units' steps and its history (newest first); null when there is no such organisation.</summary>
    public async Task<OrganisationImplementation?> GetOrganisationAsync(ClaimsPrincipal user, Guid organisationId, CancellationToken cancellationToken = default)
    {
        RequireLeader(user);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organisation = await context.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => new { o.Id, o.Name, o.Kind, o.SubRegion }).SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return null;
        }

        var steps = await ReadStepsAsync(context, activeOnly: true, cancellationToken);
        var units = await context.Units.AsNoTracking().Where(u => u.OrganisationId == organisationId && u.IsActive)
            .Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        units.Sort((a, b) => Swedish.Compare(a.Name, b.Name));
        var progress = await context.StepProgress.AsNoTracking().Where(p => p.OrganisationId == organisationId)
            .Select(p => new { Progress = p, Version = EF.Property<Guid>(p, ConcurrencyTokens.PropertyName) })
            .ToListAsync(cancellationToken);

        StepState State(StepColumn step, Guid? unitId, string? unitName)
        {
            var found = progress.FirstOrDefault(x => x.Progress.StepId == step.Id && x.Progress.UnitId == unitId);
            var p = found?.Progress;
            return new StepState(step.Id, step.Name, step.Order, step.Scope, step.MeasuresShare, unitId, unitName,
                p?.Status ?? StepStatus.NotStarted, p?.Date, p?.ResponsiblePerson, p?.Evidence, p?.TrainedShare, found?.Version, p?.LastChangedAt);
        }

        var organisationSteps = steps.Where(s => s.Scope == StepScope.Organisation).Select(s => State(s, null, null)).ToList();
        var unitSteps = steps.Where(s => s.Scope == StepScope.Unit)
            .SelectMany(s => units.Select(u => State(s, u.Id, u.Name))).ToList();
        var history = await ReadHistoryAsync(context, organisationId, cancellationToken);
        return new OrganisationImplementation(organisation.Id, organisation.Name, organisation.Kind, organisation.SubRegion,
            organisationSteps, unitSteps, history);
    }

    /// <summary>
    /// Records a step's status, date, responsible person and evidence for an organisation (or one of its units). Saved only
    /// if nobody saved the same step since <paramref name="expectedVersion"/> (null: nothing was recorded when the form opened).
    /// </summary>
    public async Task<SaveResult> SaveProgressAsync(
        Guid organisationId, Guid stepId, Guid? unitId, StepProgressInput input, Guid? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await RequireLeaderAsync();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var step = await context.ImplementationSteps.SingleOrDefaultAsync(s => s.Id == stepId, cancellationToken);
        if (step is null || !step.IsActive)
        {
            return SaveResult.Failed(new FieldError(string.Empty, "Progress_Step_Retired", "Steget är avvecklat och kan inte ändras."));
        }

        // The step decides whether a trained share belongs here, not the form.
        input.MeasuresShare = step.MeasuresShare;
        var validation = await progressValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.From(validation);
        }

        if (!await context.Organisations.AnyAsync(o => o.Id == organisationId && o.IsActive, cancellationToken)
            || (unitId is { } u && !await context.Units.AnyAsync(x => x.Id == u && x.OrganisationId == organisationId && x.IsActive, cancellationToken)))
        {
            return SaveResult.Failed(new FieldError(string.Empty, "Progress_Organisation_NotFound", "Organisationen eller enheten finns inte längre."));
        }

        var progress = await context.StepProgress
            .SingleOrDefaultAsync(p => p.OrganisationId == organisationId && p.StepId == stepId && p.UnitId == unitId, cancellationToken);
        try
        {
            if (progress is null)
            {
                if (expectedVersion is not null)
                {
                    // The form was opened on a record that has since gone: treat as someone else's change.
                    return SaveResult.Failed(new FieldError(string.Empty, "Progress_Conflict", ConflictMessage));
                }

                progress = StepProgress.Start(step, organisationId, unitId);
                context.StepProgress.Add(progress);
            }
            else
            {
                // Someone saved since the form was opened: say so before judging the change against values the user has not seen.
                if (ConcurrencyTokens.Of(context, progress) != expectedVersion)
                {
                    return SaveResult.Failed(new FieldError(string.Empty, "Progress_Conflict", ConflictMessage));
                }

                ConcurrencyTokens.ExpectOriginal(context, progress, expectedVersion.Value);
            }

            if (!progress.Record(step, input, user.UserId()!, user.DisplayName(), clock.GetUtcNow(), Today))
            {
                return SaveResult.Saved(progress.Id);
            }

            if (context.Entry(progress).State != EntityState.Added)
            {
                ConcurrencyTokens.Touch(context, progress);
            }

            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException rule)
        {
            return SaveResult.Failed(new FieldError(FieldOf(rule.Code), rule.Code, rule.Message));
        }
        catch (DbUpdateException)
        {
            // DbUpdateConcurrencyException (someone saved since), or the unique index (someone recorded it first).
            return SaveResult.Failed(new FieldError(string.Empty, "Progress_Conflict", ConflictMessage));
        }

        LogProgress(logger, stepId, organisationId, unitId, input.Status);
        return SaveResult.Saved(progress.Id);
    }

    private static string FieldOf(string code) => code switch
    {
        "Progress_Status_Required" => nameof(StepProgressInput.Status),
        "Progress_Date_Required" or "Progress_Date_Future" => nameof(StepProgressInput.Date),
        "Progress_Share_NotAllowed" or "Progress_Share_Range" => nameof(StepProgressInput.TrainedShare),
        "Progress_Note_RequiredWhenBack" => nameof(StepProgressInput.Note),
        "Milestone_DueOn_Required" => nameof(MilestoneInput.DueOn),
        "Milestone_Status_Required" => nameof(MilestoneInput.Status),
        "Milestone_CompletedOn_Required" or "Milestone_CompletedOn_Future" => nameof(MilestoneInput.CompletedOn),
        "Milestone_Note_TooLong" => nameof(MilestoneInput.Note),
        "Step_Name_Required" or "Step_Name_TooLong" => nameof(StepInput.Name),
        "Step_Order_Invalid" => nameof(StepInput.Order),
        "Step_Scope_Required" => nameof(StepInput.Scope),
        _ => string.Empty,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Implementation step {StepId} recorded for organisation {OrganisationId}, unit {UnitId}: {Status}.")]
    private static partial void LogProgress(ILogger logger, Guid stepId, Guid organisationId, Guid? unitId, StepStatus? status);
}
