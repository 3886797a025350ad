using System.Diagnostics;
using TabbPortal.Web.Operations;

namespace TabbPortal.Tests.Integration.Audit;

/// <summary>
/// The verifier command over a portal's SQLite file after an attacker with file access changed or deleted entries
/// (with the triggers dropped): it names the first broken entry and why, and exits 1.
/// </summary>
public sealed class AccessLogCommandTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    private string ConnectionString => _factory.Database.ConnectionString;

    private async Task<(int ExitCode, string Output, string Error)> VerifyAsync()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PortalCommands.RunAsync([PortalCommands.VerifyAccessLog], ConnectionString, output, error);
        return (code, output.ToString().Trim(), error.ToString().Trim());
    }

    [Fact]
    public async Task An_untouched_log_is_reported_whole_with_its_number_of_entries()
    {
        await AccessLogTestData.AppendAsync(_factory, 12);

        var (code, output, error) = await VerifyAsync();

        Assert.Equal(0, code);
        Assert.Equal("Åtkomstloggen är hel: 12 poster.", output);
        Assert.Empty(error);
    }

    [Fact]
    public async Task A_changed_entry_is_named_with_its_number_and_the_command_exits_1()
    {
        await AccessLogTestData.AppendAsync(_factory, 10);
        await AccessLogTestData.TamperAsync(ConnectionString, """UPDATE "AccessLog" SET "Allowed" = 1 - "Allowed" WHERE "Id" = 4""");

        var (code, _, error) = await VerifyAsync();

        Assert.Equal(1, code);
        Assert.Equal("Åtkomstloggen är bruten vid post 4: postens innehåll har ändrats (hashen stämmer inte med innehållet). 3 poster före den är hela.", error);
    }

    [Fact]
    public async Task A_changed_entry_given_a_new_hash_is_found_at_the_next_entry()
    {
        await AccessLogTestData.AppendAsync(_factory, 10);
        // The attacker cannot recompute the hash in SQL; a copied hash of another entry stands in for a recomputed one.
        await AccessLogTestData.TamperAsync(ConnectionString, """UPDATE "AccessLog" SET "Hash" = (SELECT "Hash" FROM "AccessLog" WHERE "Id" = 9) WHERE "Id" = 6""");

        var (code, _, error) = await VerifyAsync();

        Assert.Equal(1, code);
        Assert.StartsWith("Åtkomstloggen är bruten vid post 6: postens innehåll har ändrats", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_entry_is_named_as_missing_before_the_next_entry_and_the_command_exits_1()
    {
        await AccessLogTestData.AppendAsync(_factory, 10);
        await AccessLogTestData.TamperAsync(ConnectionString, """DELETE FROM "AccessLog" WHERE "Id" = 6""");

        var (code, _, error) = await VerifyAsync();

        Assert.Equal(1, code);
        Assert.Equal("Åtkomstloggen är bruten vid post 7: post 6 före den saknas (raderad). 5 poster före den är hela.", error);
    }

    [Fact]
    public async Task Several_deleted_entries_are_named_as_a_range()
    {
        await AccessLogTestData.AppendAsync(_factory, 10);
        await AccessLogTestData.TamperAsync(ConnectionString, """DELETE FROM "AccessLog" WHERE "Id" BETWEEN 2 AND 4""");

        var (code, _, error) = await VerifyAsync();

        Assert.Equal(1, code);
        Assert.StartsWith("Åtkomstloggen är bruten vid post 5: posterna 2–4 före den saknas (raderade).", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_with_a_value_that_is_not_a_valid_kind_is_named_as_unreadable()
    {
        await AccessLogTestData.AppendAsync(_factory, 5);
        await AccessLogTestData.TamperAsync(ConnectionString, """UPDATE "AccessLog" SET "Kind" = 'Nothing' WHERE "Id" = 2""");

        var (code, _, error) = await VerifyAsync();

        Assert.Equal(1, code);
        Assert.StartsWith("Åtkomstloggen är bruten vid post 2: posten går inte att läsa", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entries_cut_off_the_end_after_a_backup_are_found_with_the_anchor_the_backup_printed()
    {
        await AccessLogTestData.AppendAsync(_factory, 8);
        var file = Path.Combine(_factory.Database.Folder, "backup.db");
        using var backupOutput = new StringWriter();
        Assert.Equal(0, await PortalCommands.RunAsync([PortalCommands.Backup, file], ConnectionString, backupOutput, TextWriter.Null));
        var anchor = backupOutput.ToString().Split('\n').Single(l => l.StartsWith("Ankare", StringComparison.Ordinal)).Split(": ")[1].Trim();
        Assert.StartsWith("8:", anchor, StringComparison.Ordinal);

        await AccessLogTestData.TamperAsync(ConnectionString, """DELETE FROM "AccessLog" WHERE "Id" >= 6""");

        Assert.Equal(0, (await VerifyAsync()).ExitCode);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PortalCommands.RunAsync([PortalCommands.VerifyAccessLog, PortalCommands.AnchorOption, anchor], ConnectionString, output, error);
        Assert.Equal(1, code);
        Assert.Equal("Åtkomstloggen är bruten vid post 8: ankarposten saknas, loggen slutar vid post 5 (de senaste posterna har tagits bort). 5 poster före den är hela.", error.ToString().Trim());
    }

    [Fact]
    public async Task The_built_portal_runs_the_verifier_from_its_command_line_with_the_portals_connection_string_setting()
    {
        await AccessLogTestData.AppendAsync(_factory, 4);

        var intact = await RunPortalAsync(ConnectionString, "verify-access-log");
        Assert.Equal(0, intact.ExitCode);
        Assert.Equal("Åtkomstloggen är hel: 4 poster.", intact.Output);

        await AccessLogTestData.TamperAsync(ConnectionString, """UPDATE "AccessLog" SET "UserName" = 'Någon annan' WHERE "Id" = 3""");
        var broken = await RunPortalAsync(ConnectionString, "verify-access-log");
        Assert.Equal(1, broken.ExitCode);
        Assert.StartsWith("Åtkomstloggen är bruten vid post 3:", broken.Error, StringComparison.Ordinal);
    }

    /// <summary>The built portal executable (what `dotnet run --project TabbPortal.Web -- ...` runs), on the given database.</summary>
    internal static async Task<(int ExitCode, string Output, string Error)> RunPortalAsync(string connectionString, params string[] args)
    {
        var webOutput = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        var repository = FindRepositoryRoot();
        var appFolder = Path.Combine(repository, "TabbPortal.Web", Path.GetRelativePath(Path.Combine(repository, "TabbPortal.Tests"), webOutput));
        var start = new ProcessStartInfo(Path.Combine(appFolder, OperatingSystem.IsWindows() ? "TabbPortal.Web.exe" : "TabbPortal.Web"))
        {
            WorkingDirectory = Path.Combine(repository, "TabbPortal.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Portal"] = connectionString;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await output).Trim(), (await error).Trim());
    }

    private static string FindRepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "TabbPortal.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("TabbPortal.sln not found above the test output.");
    }

    public void Dispose() => _factory.Dispose();
}
