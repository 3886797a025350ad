using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Assessments;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Common;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Assessments;

/// <summary>Wellbeing assessments of a child, for practitioners the <see cref="ChildAccessGate"/> lets see them
/// (they are joint information: consent or emergency access).</summary>
public sealed partial class AssessmentService(
    IDbContextFactory<PortalDbContext> contextFactory,
    IValidator<AssessmentInput> validator,
    CurrentUser currentUser,
    ChildAccessGate gate,
    TimeProvider clock,
    ILogger<AssessmentService> logger)
{
    /// <summary>The child's assessments, oldest first, so that changes read over time.</summary>
    public async Task<IReadOnlyList<AssessmentView>> ListAsync(Guid childId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await gate.RequireAsync(context, user, childId, AccessKind.Read, RecordPart.Assessments, cancellationToken);
        var assessments = await context.WellbeingAssessments.AsNoTracking().Include(a => a.Ratings)
            .Where(a => a.ChildId == childId)
            .OrderBy(a => a.AssessedOn).ThenBy(a => a.Perspective).ThenBy(a => a.GuardianName)
            .ToListAsync(cancellationToken);
        return [.. assessments.Select(a => new AssessmentView(a.Id, a.AssessedOn, a.Perspective, a.GuardianName, a.RecordedByName,
            [.. a.Ratings.OrderBy(r => r.Indicator).Select(r => new RatingView(r.Indicator, r.Score, r.Comment))], a.MyWorld, a.Resilience))];
    }

    public async Task<SaveResult> RecordAsync(Guid childId, AssessmentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await currentUser.RequireRoleAsync(PortalRoles.Practitioner);
        await gate.CheckAsync(context, user, childId, AccessKind.Write, RecordPart.Assessments, cancellationToken);
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.From(validation);
        }

        WellbeingAssessment assessment;
        try
        {
            assessment = WellbeingAssessment.Record(childId, input, user.UserId()!, user.DisplayName(),
                DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        }
        catch (DomainException rule)
        {
            return SaveResult.Failed(new FieldError(string.Empty, rule.Code, rule.Message));
        }

        context.WellbeingAssessments.Add(assessment);
        await gate.RequireAsync(context, user, childId, AccessKind.Write, RecordPart.Assessments, cancellationToken);
        await context.SaveChangesAsync(cancellationToken);
        LogRecorded(logger, assessment.Id, childId);
        return SaveResult.Saved(assessment.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded wellbeing assessment {AssessmentId} for child {ChildId}")]
    private static partial void LogRecorded(ILogger logger, Guid assessmentId, Guid childId);
}
