using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Tests.Integration.Audit;

/// <summary>Invented access-log records and raw SQL on the portal's file, as an attacker with file access would use it.</summary>
internal static class AccessLogTestData
{
    public static AccessLogRecord Record(int n, Guid? childId = null, string userId = "user-test", bool allowed = true) => new(
        userId, "Testa Testsson", "Practitioner", null, Sector.School, childId ?? Guid.Parse("3f0c2a9e-5b1d-4c7e-9a61-00000000" + (1000 + n % 50)),
        n % 3 == 0 ? AccessKind.Write : AccessKind.Read, RecordPart.Plan, allowed, allowed ? AccessBasis.OwnUnit : AccessBasis.None, null, "session-test");

    public static async Task AppendAsync(PortalFactory factory, int count, Guid? childId = null)
    {
        var log = factory.Services.GetRequiredService<IAccessLog>();
        for (var i = 1; i <= count; i++)
        {
            await log.AppendAsync(Record(i, childId), CancellationToken.None);
        }
    }

    /// <summary>Runs SQL on the database file with the append-only triggers dropped first, and puts them back afterwards.</summary>
    public static async Task TamperAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var triggers = new List<string>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AccessLog'";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                triggers.Add(reader.GetString(0));
            }
        }

        await ExecuteAsync(connection, """DROP TRIGGER "TR_AccessLog_NoUpdate"; DROP TRIGGER "TR_AccessLog_NoDelete";""");
        await ExecuteAsync(connection, sql);
        foreach (var trigger in triggers)
        {
            await ExecuteAsync(connection, trigger);
        }
    }

    public static async Task<int> ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
