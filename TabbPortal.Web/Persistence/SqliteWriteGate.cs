using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace TabbPortal.Web.Persistence;

/// <summary>
/// One writer at a time per database file in this process, queued asynchronously. SQLite admits one writer; a second
/// one meets a locked database and its thread sleeps in SQLite's busy handler, which under a busy meeting blocks
/// thread-pool threads (the hub and the circuits then stall). Waiting here instead costs no thread, and SQLite never sees
/// two writers from this process. <see cref="PortalDbContext"/> takes the gate for every <c>SaveChanges</c> outside an
/// explicit transaction, and <see cref="PortalDbContext.BeginWriteAsync"/> for a transaction that writes.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string? connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString ?? string.Empty).DataSource;
        var key = string.IsNullOrEmpty(file) || file == ":memory:" ? file ?? string.Empty : Path.GetFullPath(file);
        return Gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
    }
}

/// <summary>A write transaction that holds the process's write gate for the database until it is disposed.</summary>
public sealed class WriteTransaction(IDbContextTransaction transaction, SemaphoreSlim gate) : IAsyncDisposable
{
    private int _released;

    public IDbContextTransaction Transaction => transaction;

    public Task CommitAsync(CancellationToken cancellationToken = default) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
