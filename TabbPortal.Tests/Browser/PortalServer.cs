using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TabbPortal.Tests.Browser;

/// <summary>
/// The built portal as a child process on a free 127.0.0.1 port, with its own SQLite file and demo data: what a
/// browser can reach (WebApplicationFactory's in-memory server is not). Stopped by its own process id.
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    public const string DemoPassword = "Browser-Test-Password-2026";

    private readonly ProcessStartInfo _start;
    private Process _process;
    private readonly string _dataFolder;
    private readonly StringBuilder _output = new();

    private PortalServer(ProcessStartInfo start, string dataFolder, Uri baseAddress)
    {
        _start = start;
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _dataFolder = dataFolder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The portal's SQLite file, for tests that look up demo data past the access rule.</summary>
    public string DatabaseFile => Path.Combine(_dataFolder, "portal.db");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="settings">Configuration for this server only, as environment variables (e.g. "Live__AccessCheckSeconds").</param>
    public static async Task<PortalServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var repository = FindRepositoryRoot();
        var webOutput = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        // The test's output holds a copy of the web assembly; the runnable app (with its static web assets manifest)
        // is the web project's own output for the same configuration and runtime.
        var relative = Path.GetRelativePath(Path.Combine(repository, "TabbPortal.Tests"), webOutput);
        var appFolder = Path.Combine(repository, "TabbPortal.Web", relative);
        var executable = Path.Combine(appFolder, OperatingSystem.IsWindows() ? "TabbPortal.Web.exe" : "TabbPortal.Web");
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException("The portal has not been built for this configuration.", executable);
        }

        var dataFolder = Path.Combine(Path.GetTempPath(), "tabbportal-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = Path.Combine(repository, "TabbPortal.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_CONTENTROOT"] = Path.Combine(repository, "TabbPortal.Web");
        start.Environment["ConnectionStrings__Portal"] = $"Data Source={Path.Combine(dataFolder, "portal.db")}";
        start.Environment["DataProtection__KeysFolder"] = Path.Combine(dataFolder, "keys");
        start.Environment["Demo__Password"] = DemoPassword;
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var server = new PortalServer(start, dataFolder, baseAddress);
        server.Launch();
        await server.WaitUntilHealthyAsync();
        return server;
    }

    /// <summary>
    /// Stops the portal (its own process, by id) and starts it again on the same address, database and keys: what a
    /// deployment or a crash does to the users' open pages.
    /// </summary>
    public async Task RestartAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = new Process { StartInfo = _start, EnableRaisingEvents = true };
        Launch();
        await WaitUntilHealthyAsync();
    }

    private void Launch()
    {
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The portal stopped during start:\n" + Output);
            }

            try
            {
                using var response = await http.GetAsync(new Uri("health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The portal did not become healthy within 60 s:\n" + Output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string FindRepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "TabbPortal.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new DirectoryNotFoundException("TabbPortal.sln not found above the test output.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean up with the temp folder.
        }
    }
}
