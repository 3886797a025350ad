using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using TabbPortal.Tests.Browser;

namespace TabbPortal.Tests.Live;

/// <summary>
/// Runs one scenario of <c>Live/js</c> under Node with the official <c>@microsoft/signalr</c> client, and collects the
/// JSON lines it prints. The scenario's environment names the portal, the password and the users; the password is not
/// put on the command line. README's test command installs the npm packages; missing ones fail the test.
/// </summary>
internal static class NodeScenario
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static string Folder { get; } = Path.Combine(PortalServer.FindRepositoryRoot(), "TabbPortal.Tests", "Live", "js");

    public static async Task<NodeRun> RunAsync(string script, PortalServer server, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(environment);
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "@microsoft", "signalr")))
        {
            throw new InvalidOperationException(
                $"The Node test client is not installed in {Folder}. Run README's test command (bash scripts/test.sh), which runs npm ci there.");
        }

        var start = new ProcessStartInfo("node", script)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.Environment["TABB_BASE_URL"] = server.BaseAddress.ToString();
        start.Environment["TABB_PASSWORD"] = PortalServer.DemoPassword;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("Node is needed for the live-meeting tests: install Node 20 or later (README's test command checks for it).", ex);
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"node {script} did not finish within {Timeout.TotalSeconds} s:\n{await output}\n{await errors}");
        }

        return new NodeRun(script, process.ExitCode, await output, await errors);
    }
}

/// <summary>What a scenario printed: one JSON object per line, each with an "event" name.</summary>
internal sealed class NodeRun(string script, int exitCode, string output, string errors)
{
    public IReadOnlyList<JsonElement> Events { get; } =
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    /// <summary>Fails with everything the scenario printed unless it ran to its end.</summary>
    public NodeRun AssertCompleted()
    {
        Assert.True(exitCode == 0, $"node {script} exited with {exitCode}:\n{output}\n{errors}");
        return this;
    }

    public IReadOnlyList<JsonElement> All(string name) => [.. Events.Where(e => e.GetProperty("event").GetString() == name)];

    public JsonElement Single(string name)
    {
        var matches = All(name);
        Assert.True(matches.Count == 1, $"Expected one '{name}' from node {script}, got {matches.Count}:\n{output}\n{errors}");
        return matches[0];
    }

    public override string ToString() => output;
}
