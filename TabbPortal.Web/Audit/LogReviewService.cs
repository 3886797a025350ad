using System.Security.Cryptography;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Common;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Audit;

/// <summary>
/// The periodic review of the access log: a cryptographically random sample of the entries in a period, and the
/// recorded reviews with their conclusions. Every call checks the log reviewer role on the server.
/// </summary>
public sealed class LogReviewService(
    IDbContextFactory<PortalDbContext> contextFactory,
    IValidator<LogSampleInput> sampleValidator,
    IValidator<LogReviewInput> reviewValidator,
    CurrentUser currentUser,
    TimeProvider clock)
{
    /// <summary>Draws the sample, or returns the input's errors. Every entry of the period is equally likely to be drawn.</summary>
    public async Task<(LogSample? Sample, IReadOnlyList<FieldError> Errors)> DrawSampleAsync(LogSampleInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await currentUser.RequireRoleAsync(PortalRoles.LogReviewer);
        var validation = await sampleValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return (null, SaveResult.From(validation).Errors);
        }

        var (from, to) = Period.ToUtc(input.From, input.To, clock.LocalTimeZone);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Reservoir sampling over the ids streamed in order: one pass, memory for the sample only.
        var reservoir = new List<long>(input.Size);
        var seen = 0;
        await foreach (var id in context.AccessLog.AsNoTracking().Where(e => e.At >= from!.Value && e.At < to!.Value).OrderBy(e => e.Id)
                           .Select(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            seen++;
            if (reservoir.Count < input.Size)
            {
                reservoir.Add(id);
            }
            else if (RandomNumberGenerator.GetInt32(seen) is var slot && slot < input.Size)
            {
                reservoir[slot] = id;
            }
        }

        var entries = await context.AccessLog.AsNoTracking().Where(e => reservoir.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var rows = await AccessLogQueries.ToRowsAsync(context, entries, cancellationToken);
        return (new LogSample(input.From!.Value, input.To!.Value, seen, rows), []);
    }

    /// <summary>Records the review of a drawn sample, or returns the form's errors.</summary>
    public async Task<SaveResult> RecordAsync(LogSample sample, LogReviewInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(input);
        var user = await currentUser.RequireRoleAsync(PortalRoles.LogReviewer);
        var validation = await reviewValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.From(validation);
        }

        try
        {
            var review = LogReview.Record(user.UserId()!, user.DisplayName(), sample.From, sample.To, sample.Entries.Select(e => e.Id),
                input.Conclusion, input.HasRemarks, clock.GetUtcNow());
            await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
            context.LogReviews.Add(review);
            await context.SaveChangesAsync(cancellationToken);
            return SaveResult.Saved(review.Id);
        }
        catch (DomainException exception)
        {
            return SaveResult.Failed(new FieldError(string.Empty, exception.Code, exception.Message));
        }
    }

    /// <summary>The recorded reviews, newest first.</summary>
    public async Task<IReadOnlyList<LogReviewRow>> ListReviewsAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireRoleAsync(PortalRoles.LogReviewer);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var reviews = await context.LogReviews.AsNoTracking().ToListAsync(cancellationToken);
        return [.. reviews.OrderByDescending(r => r.ReviewedAt)
            .Select(r => new LogReviewRow(r.Id, r.ReviewedAt, r.ReviewerName, r.PeriodFrom, r.PeriodTo, r.SampleEntryIds, r.Conclusion, r.HasRemarks))];
    }
}
