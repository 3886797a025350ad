using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Audit;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Web.Audit;

/// <summary>
/// The access log in the portal's SQLite database. Appends are serialised twice over: one writer at a time in this
/// process, and each batch in an immediate (write-locking) transaction that reads the newest entry and inserts the
/// next ones, so no other connection can slip an entry in between and fork the chain. An append returns once its entry
/// is committed and throws otherwise, so that the caller does not perform the access it describes.
/// Appends that arrive while a batch is being written wait for the writer and are then committed together, in one
/// transaction and one disk sync (group commit): under a busy meeting the log costs one sync per batch, not per entry.
/// </summary>
public sealed partial class SqliteAccessLog(
    IDbContextFactory<PortalDbContext> contextFactory,
    TimeProvider clock,
    ILogger<SqliteAccessLog> logger) : IAccessLog, IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly object _queueLock = new();
    private List<Pending> _queue = [];

    public async Task AppendAsync(AccessLogRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var pending = new Pending(record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_queueLock)
        {
            _queue.Add(pending);
        }

        // Once queued, the entry is written whether or not this caller still waits: the log errs on the side of an
        // entry for an access that was then abandoned, never the other way round.
        await _writer.WaitAsync(CancellationToken.None);
        try
        {
            if (!pending.Written.Task.IsCompleted)
            {
                List<Pending> batch;
                lock (_queueLock)
                {
                    batch = _queue;
                    _queue = [];
                }

                await WriteAsync(batch);
            }
        }
        finally
        {
            _writer.Release();
        }

        await pending.Written.Task.WaitAsync(cancellationToken);
    }

    public void Dispose() => _writer.Dispose();

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            await using var context = await contextFactory.CreateDbContextAsync();
            // Microsoft.Data.Sqlite begins IMMEDIATE transactions: the write lock is taken before the newest hash is read.
            await using var transaction = await context.Database.BeginTransactionAsync();
            var link = await context.AccessLog
                .OrderByDescending(e => e.Id)
                .Select(e => new AccessLogEntryLink(e.Id, e.Hash))
                .FirstOrDefaultAsync();
            foreach (var pending in batch)
            {
                var entry = AccessLogEntry.Follow(link, pending.Record, clock.GetUtcNow());
                context.AccessLog.Add(entry);
                link = new AccessLogEntryLink(entry.Id, entry.Hash);
            }

            await context.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (Exception exception)
        {
            foreach (var pending in batch)
            {
                LogAppendFailed(logger, exception, pending.Record.ChildId, pending.Record.Kind, pending.Record.Part);
                pending.Written.TrySetException(exception);
            }

            return;
        }

        foreach (var pending in batch)
        {
            pending.Written.TrySetResult();
        }
    }

    private sealed record Pending(AccessLogRecord Record, TaskCompletionSource Written);

    [LoggerMessage(Level = LogLevel.Error, Message = "The access log entry for child {ChildId} ({Kind} {Part}) could not be written; the access is refused.")]
    private static partial void LogAppendFailed(ILogger logger, Exception exception, Guid childId, AccessKind kind, RecordPart part);
}
