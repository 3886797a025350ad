using System.Globalization;
using Microsoft.Data.Sqlite;
using TabbPortal.Web.Audit;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Web.Operations;

/// <summary>
/// The portal's maintenance commands, run instead of the web host: <c>verify-access-log</c> and <c>backup &lt;file&gt;</c>.
/// They use the same connection string setting as the portal, and are safe while the portal runs.
/// </summary>
public static class PortalCommands
{
    public const string VerifyAccessLog = "verify-access-log";
    public const string Backup = "backup";

    public static bool IsCommand(IReadOnlyList<string> args) =>
        args is [VerifyAccessLog, ..] or [Backup, ..];

    /// <summary>Runs the command named by <paramref name="args"/> and returns the process exit code.</summary>
    public static Task<int> RunCommandAsync(this WebApplicationBuilder builder, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = Persistence.DependencyInjection.ResolveConnectionString(
            builder.Configuration.GetConnectionString("Portal") ?? throw new InvalidOperationException("ConnectionStrings:Portal is not set."),
            builder.Environment.ContentRootPath);
        return RunAsync(args, connectionString, Console.Out, Console.Error);
    }

    internal static async Task<int> RunAsync(IReadOnlyList<string> args, string connectionString, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var database = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (!File.Exists(database))
        {
            await error.WriteLineAsync($"Databasen {database} finns inte.");
            return 2;
        }

        switch (args)
        {
            case [VerifyAccessLog]:
            {
                var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite };
                var result = await AccessLogVerifier.VerifyAsync(builder.ToString());
                await (result.IsIntact ? output : error).WriteLineAsync(AccessLogVerifier.Describe(result));
                return result.IsIntact ? 0 : 1;
            }

            case [Backup, var file]:
            {
                try
                {
                    var report = await DatabaseBackup.BackupAsync(connectionString, file);
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"Säkerhetskopia skriven: {report.File} ({report.Bytes} byte, åtkomstloggen {report.AccessLogEntries} poster{(report.NewestAccessLogEntry is { } n ? $", till och med post {n}" : string.Empty)})."));
                    return 0;
                }
                catch (Exception exception) when (exception is IOException or InvalidDataException or SqliteException or UnauthorizedAccessException)
                {
                    await error.WriteLineAsync("Säkerhetskopian kunde inte skrivas: " + exception.Message);
                    return 1;
                }
            }

            default:
                await error.WriteLineAsync("Användning: verify-access-log | backup <fil>");
                return 2;
        }
    }
}
