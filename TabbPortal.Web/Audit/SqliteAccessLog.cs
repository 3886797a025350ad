using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Audit;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Web.Audit;

/// <summary>
/// The access log in the portal's SQLite database. Appends are serialised twice over: one writer at a time in this
/// process, and each append in an immediate (write-locking) transaction that reads the newest entry and inserts the
/// next, so no other connection can slip an entry in between and fork the chain. It returns once the entry is committed
/// and throws otherwise, so that the caller does not perform the access it describes.
/// </summary>
public sealed partial class SqliteAccessLog(
    IDbContextFactory<PortalDbContext> contextFactory,
    TimeProvider clock,
    ILogger<SqliteAccessLog> logger) : IAccessLog, IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public async Task AppendAsync(AccessLogRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
            // Microsoft.Data.Sqlite begins IMMEDIATE transactions: the write lock is taken before the newest hash is read.
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            var newest = await context.AccessLog
                .OrderByDescending(e => e.Id)
                .Select(e => new AccessLogEntryLink(e.Id, e.Hash))
                .FirstOrDefaultAsync(cancellationToken);
            context.AccessLog.Add(AccessLogEntry.Follow(newest, record, clock.GetUtcNow()));
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogAppendFailed(logger, exception, record.ChildId, record.Kind, record.Part);
            throw;
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose() => _writer.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "The access log entry for child {ChildId} ({Kind} {Part}) could not be written; the access is refused.")]
    private static partial void LogAppendFailed(ILogger logger, Exception exception, Guid childId, AccessKind kind, RecordPart part);
}
