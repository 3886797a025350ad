using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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
            await using var transaction = await context.BeginWriteAsync();
            var link = await NewestLink.For(context)(context);
            // One prepared INSERT for the batch, in the columns' stored forms (ADR-008: ticks, upper-case ids, enum names):
            // the log is the hottest write of a busy meeting, and the change tracker has nothing to add here.
            await using var insert = context.Database.GetDbConnection().CreateCommand();
            insert.Transaction = transaction.Transaction.GetDbTransaction();
            insert.CommandText = InsertSql;
            var parameters = Columns.Select(column =>
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = "$" + column;
                insert.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            foreach (var pending in batch)
            {
                var entry = AccessLogEntry.Follow(link, pending.Record, clock.GetUtcNow());
                object?[] values =
                [
                    entry.Id, entry.At.UtcTicks, entry.UserId, entry.UserName, entry.Role, Id(entry.UnitId), entry.Agency?.ToString(),
                    Id(entry.ChildId), entry.Kind.ToString(), entry.Part.ToString(), entry.Allowed, entry.Basis.ToString(), entry.BasisReference,
                    entry.SessionId, entry.PreviousHash, entry.Hash,
                ];
                for (var i = 0; i < values.Length; i++)
                {
                    parameters[i].Value = values[i] ?? DBNull.Value;
                }

                await insert.ExecuteNonQueryAsync();
                link = new AccessLogEntryLink(entry.Id, entry.Hash);
            }

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

    private static readonly CompiledPerModel<Func<PortalDbContext, Task<AccessLogEntryLink?>>> NewestLink = new(() => EF.CompileAsyncQuery(
        (PortalDbContext context) => context.AccessLog.OrderByDescending(e => e.Id).Select(e => new AccessLogEntryLink(e.Id, e.Hash)).FirstOrDefault()));

    private static readonly string[] Columns =
    [
        "Id", "At", "UserId", "UserName", "Role", "UnitId", "Agency", "ChildId", "Kind", "Part", "Allowed", "Basis", "BasisReference",
        "SessionId", "PreviousHash", "Hash",
    ];

    private static readonly string InsertSql =
        $"INSERT INTO \"AccessLog\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c))})";

    // Ids are stored as EF Core stores a Guid in SQLite: upper-case text.
    private static string? Id(Guid? id) => id?.ToString().ToUpperInvariant();

    private sealed record Pending(AccessLogRecord Record, TaskCompletionSource Written);

    [LoggerMessage(Level = LogLevel.Error, Message = "The access log entry for child {ChildId} ({Kind} {Part}) could not be written; the access is refused.")]
    private static partial void LogAppendFailed(ILogger logger, Exception exception, Guid childId, AccessKind kind, RecordPart part);
}
