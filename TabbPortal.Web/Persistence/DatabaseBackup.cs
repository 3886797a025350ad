using Microsoft.Data.Sqlite;

namespace TabbPortal.Web.Persistence;

/// <summary>
/// A copy of the live database taken with SQLite's online backup API: one consistent snapshot, taken while the portal
/// keeps reading and writing (in WAL mode the writers are not held up). The copy is a single file in rollback-journal
/// mode, checked with <c>PRAGMA integrity_check</c> before it is reported written.
/// </summary>
public static class DatabaseBackup
{
    public static async Task<BackupReport> BackupAsync(string connectionString, string destination, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(destination);
        var target = Path.GetFullPath(destination);
        if (File.Exists(target))
        {
            throw new IOException($"{target} finns redan; välj en ny fil för säkerhetskopian.");
        }

        // ReadWrite, not ReadWriteCreate: a wrong path must not back up a new, empty database.
        var sourceBuilder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite };
        await using var source = new SqliteConnection(sourceBuilder.ToString());
        await source.OpenAsync(cancellationToken);
        await ExecuteAsync(source, "PRAGMA busy_timeout=10000;", cancellationToken);

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var targetBuilder = new SqliteConnectionStringBuilder { DataSource = target, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        await using (var copy = new SqliteConnection(targetBuilder.ToString()))
        {
            await copy.OpenAsync(cancellationToken);
            source.BackupDatabase(copy);
            // One self-contained file: restoring it is copying it.
            await ExecuteAsync(copy, "PRAGMA journal_mode=DELETE;", cancellationToken);
            var integrity = await ScalarAsync(copy, "PRAGMA integrity_check;", cancellationToken);
            if (!string.Equals(integrity, "ok", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"Säkerhetskopian klarar inte integritetskontrollen: {integrity}");
            }

            var hasLog = await ScalarAsync(copy, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'AccessLog';", cancellationToken) == "1";
            var entries = hasLog ? long.Parse(await ScalarAsync(copy, "SELECT count(*) FROM \"AccessLog\";", cancellationToken) ?? "0", System.Globalization.CultureInfo.InvariantCulture) : 0;
            var newest = hasLog ? await ScalarAsync(copy, "SELECT max(\"Id\") FROM \"AccessLog\";", cancellationToken) : null;
            await copy.CloseAsync();
            return new BackupReport(target, new FileInfo(target).Length, entries, newest is { Length: > 0 } id ? long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) : null);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>What a backup wrote: the file, its size, and how far the access log in it reaches.</summary>
public sealed record BackupReport(string File, long Bytes, long AccessLogEntries, long? NewestAccessLogEntry);
