using System.Globalization;

namespace TabbPortal.Web.Retention;

/// <summary>
/// <c>dotnet run --project TabbPortal.Web -- retention [--dry-run]</c>: the retention run from the server's command
/// line (for a scheduled job), with the same rule, receipt and statistics as the administrators' page.
/// </summary>
public static class RetentionCommand
{
    public const string Name = "retention";
    public const string DryRunOption = "--dry-run";

    /// <summary>Runs the command when it is the first argument and returns true (the portal then does not start).</summary>
    public static async Task<bool> TryRunRetentionCommandAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] != Name)
        {
            return false;
        }

        var options = args.Skip(1).ToList();
        if (options.Any(o => o != DryRunOption))
        {
            await Console.Error.WriteLineAsync($"Användning: {Name} [{DryRunOption}]");
            Environment.ExitCode = 2;
            return true;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var receipt = await scope.ServiceProvider.GetRequiredService<RetentionService>()
            .ExecuteAsync(options.Contains(DryRunOption), new RetentionOperator("command-line", "Kommandorad (" + Environment.UserName + ")", null),
                app.Lifetime.ApplicationStopping);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(receipt.DryRun ? "Provkörning" : "Gallring")} {receipt.At:u} enligt {receipt.Rule}: {receipt.Children} barn och {receipt.Plans} planer{(receipt.DryRun ? " skulle gallras" : " gallrade")}. Kvitto {receipt.Id}."));
        foreach (var id in receipt.ChildIds)
        {
            Console.WriteLine("  " + id.ToString("D"));
        }

        return true;
    }
}
