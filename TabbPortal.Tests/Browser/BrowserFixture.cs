using Microsoft.Playwright;

namespace TabbPortal.Tests.Browser;

/// <summary>
/// One portal process and one Chromium for all browser tests. Chromium is Debian's (README's test command installs
/// it); Playwright never downloads a browser. A missing Chromium fails the tests: it is never a silent skip.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public PortalServer Server { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("TABBPORTAL_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new FileNotFoundException(
                "Chromium is needed for the browser tests. Run README's test command, which installs it, or set TABBPORTAL_CHROMIUM.", ChromiumPath);
        }

        Server = await PortalServer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            Locale = "sv-SE",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
