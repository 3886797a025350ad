using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Audit;
using TabbPortal.Web.Audit;
using TabbPortal.Web.Operations;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Tests.Integration.Audit;

/// <summary>The online backup: taken while the portal writes, the copy opens, passes the integrity check, needs no migration and verifies.</summary>
public sealed class DatabaseBackupTests : IDisposable
{
    private readonly PortalFactory _factory = new();
    private readonly string _backupFolder = Path.Combine(Path.GetTempPath(), "tabbportal-backup-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_backup_taken_while_another_task_writes_continuously_restores_to_a_database_that_opens_and_verifies()
    {
        await AccessLogTestData.AppendAsync(_factory, 20);
        var log = _factory.Services.GetRequiredService<IAccessLog>();
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await log.AppendAsync(AccessLogTestData.Record(written), CancellationToken.None);
                Interlocked.Increment(ref written);
            }
        });
        while (Volatile.Read(ref written) < 20)
        {
            await Task.Delay(10);
        }

        var file = Path.Combine(_backupFolder, "portal-backup.db");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PortalCommands.RunAsync([PortalCommands.Backup, file], _factory.Database.ConnectionString, output, error);
        var writtenAtBackup = Volatile.Read(ref written);
        while (Volatile.Read(ref written) < writtenAtBackup + 20)
        {
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        await writer;

        Assert.True(code == 0, error.ToString());
        Assert.StartsWith($"Säkerhetskopia skriven: {file} (", output.ToString(), StringComparison.Ordinal);

        var copy = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        await using (var connection = new SqliteConnection(copy))
        {
            await connection.OpenAsync();
            await using var integrity = connection.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", await integrity.ExecuteScalarAsync());
        }

        await using (var context = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(copy).Options))
        {
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
            Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
            Assert.True(await context.Users.AnyAsync(u => u.Email == "karin.ek@demo.example"));
        }

        var inCopy = await AccessLogVerifier.VerifyAsync(copy);
        var inLive = await AccessLogVerifier.VerifyAsync(_factory.Database.ConnectionString);
        Assert.True(inCopy.IsIntact, AccessLogVerifier.Describe(inCopy));
        Assert.True(inLive.IsIntact, AccessLogVerifier.Describe(inLive));
        Assert.InRange(inCopy.Count, 40, inLive.Count - 20);
        Assert.Contains($"åtkomstloggen {inCopy.Count} poster, till och med post {inCopy.Count})", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_backup_refuses_to_overwrite_an_existing_file()
    {
        await AccessLogTestData.AppendAsync(_factory, 1);
        Directory.CreateDirectory(_backupFolder);
        var file = Path.Combine(_backupFolder, "exists.db");
        await File.WriteAllTextAsync(file, "keep me");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await PortalCommands.RunAsync([PortalCommands.Backup, file], _factory.Database.ConnectionString, output, error);

        Assert.Equal(1, code);
        Assert.Contains("finns redan", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task The_built_portal_takes_a_backup_from_its_command_line()
    {
        await AccessLogTestData.AppendAsync(_factory, 3);
        var file = Path.Combine(_backupFolder, "from-command-line.db");

        var (code, output, error) = await AccessLogCommandTests.RunPortalAsync(_factory.Database.ConnectionString, "backup", file);

        Assert.True(code == 0, error);
        Assert.Contains("åtkomstloggen 3 poster", output, StringComparison.Ordinal);
        var (verified, verifyOutput, _) = await AccessLogCommandTests.RunPortalAsync(
            new SqliteConnectionStringBuilder { DataSource = file }.ToString(), "verify-access-log");
        Assert.Equal(0, verified);
        Assert.Equal("Åtkomstloggen är hel: 3 poster.", verifyOutput);
    }

    public void Dispose()
    {
        _factory.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_backupFolder))
        {
            Directory.Delete(_backupFolder, recursive: true);
        }
    }
}
