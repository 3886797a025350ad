using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Common;
using TabbPortal.Domain.Implementation;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Implementation;

public sealed partial class ImplementationService
{
    /// <summary>Every step of the plan, active ones first in their order, then the retired ones.</summary>
    public async Task<IReadOnlyList<StepColumn>> GetStepsAsync(CancellationToken cancellationToken = default)
    {
        await RequireLeaderAsync();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ReadStepsAsync(context, activeOnly: false, cancellationToken);
    }

    /// <summary>Adds a step or changes one (guarded by <paramref name="expectedVersion"/>).</summary>
    public async Task<SaveResult> SaveStepAsync(StepInput input, Guid? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await RequireLeaderAsync();
        var validation = await stepValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.From(validation);
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var name = Text.Normalise(input.Name);
        var others = await context.ImplementationSteps.Where(s => s.Id != input.Id).Select(s => s.Name).ToListAsync(cancellationToken);
        if (others.Contains(name, Swedish))
        {
            return SaveResult.Failed(new FieldError(nameof(StepInput.Name), "Step_Name_Taken", "Det finns redan ett steg med det namnet."));
        }

        try
        {
            ImplementationStep step;
            if (input.Id is { } id)
            {
                step = await context.ImplementationSteps.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
                    ?? throw new DomainException("Step_NotFound", "Steget finns inte längre.");
                ConcurrencyTokens.ExpectOriginal(context, step, expectedVersion ?? Guid.Empty);
                step.Change(input.Name, input.Description, input.Order!.Value, input.Scope!.Value, input.MeasuresShare);
                ConcurrencyTokens.Touch(context, step);
            }
            else
            {
                step = ImplementationStep.Create(input.Name, input.Description, input.Order!.Value, input.Scope!.Value, input.MeasuresShare);
                context.ImplementationSteps.Add(step);
            }

            // Changing a step's scope would orphan the progress recorded under the other scope.
            if (input.Id is not null && await context.StepProgress.AnyAsync(
                    p => p.StepId == step.Id && (step.Scope == StepScope.Unit ? p.UnitId == null : p.UnitId != null), cancellationToken))
            {
                return SaveResult.Failed(new FieldError(nameof(StepInput.Scope), "Step_Scope_InUse",
                    "Steget har redan status registrerad och kan inte byta mellan organisation och enhet."));
            }

            await context.SaveChangesAsync(cancellationToken);
            return SaveResult.Saved(step.Id);
        }
        catch (DomainException rule)
        {
            return SaveResult.Failed(new FieldError(FieldOf(rule.Code), rule.Code, rule.Message));
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Failed(new FieldError(string.Empty, "Progress_Conflict", ConflictMessage));
        }
    }

    /// <summary>Retires a step (it leaves the overview, its history stays) or brings it back.</summary>
    public async Task<SaveResult> SetStepActiveAsync(Guid stepId, bool active, CancellationToken cancellationToken = default)
    {
        await RequireLeaderAsync();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var step = await context.ImplementationSteps.SingleOrDefaultAsync(s => s.Id == stepId, cancellationToken);
        if (step is null)
        {
            return SaveResult.Failed(new FieldError(string.Empty, "Step_NotFound", "Steget finns inte längre."));
        }

        if (active)
        {
            step.Reactivate();
        }
        else
        {
            step.Retire();
        }

        await context.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(step.Id);
    }

    /// <summary>Sets a milestone's status (or hands it back to the derivation), due date and note, guarded by its version.</summary>
    public async Task<SaveResult> SaveMilestoneAsync(Guid milestoneId, MilestoneInput input, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await RequireLeaderAsync();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var milestone = await context.CountyMilestones.SingleOrDefaultAsync(m => m.Id == milestoneId, cancellationToken);
        if (milestone is null)
        {
            return SaveResult.Failed(new FieldError(string.Empty, "Milestone_NotFound", "Milstolpen finns inte längre."));
        }

        input.CanBeDerived = milestone.CanBeDerived;
        var validation = await milestoneValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.From(validation);
        }

        if (ConcurrencyTokens.Of(context, milestone) != expectedVersion)
        {
            return SaveResult.Failed(new FieldError(string.Empty, "Progress_Conflict", ConflictMessage));
        }

        try
        {
            ConcurrencyTokens.ExpectOriginal(context, milestone, expectedVersion);
            milestone.Update(input, user.DisplayName(), clock.GetUtcNow(), Today);
            ConcurrencyTokens.Touch(context, milestone);
            await context.SaveChangesAsync(cancellationToken);
            return SaveResult.Saved(milestone.Id);
        }
        catch (DomainException rule)
        {
            return SaveResult.Failed(new FieldError(FieldOf(rule.Code), rule.Code, rule.Message));
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Failed(new FieldError(string.Empty, "Progress_Conflict", ConflictMessage));
        }
    }
}
